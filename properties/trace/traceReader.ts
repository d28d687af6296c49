/**
 * Reads a SPEC §8 trace one line at a time, so a trace of any length is parsed in memory
 * bounded by its longest line (the replay keeps only the worlds).
 *
 * Line rules (as `parseTrace` has always applied them): line 1 is the header, and a UTF-8
 * byte-order mark before it is dropped (editors on some systems write one); a `\r` before the
 * newline is ignored; trailing blank lines are allowed, but a blank line between two non-blank
 * lines is a trace error at the blank line, so that every line of a trace means something
 * (use `{"note": ""}` for spacing). A line longer than `MAX_LINE` is a trace error: nothing
 * in a trace needs one, and reading it whole would take memory in proportion to the file.
 */
import type { WorldConfig } from '../../spec/index.js';
import { parseHeader } from './parseHeader.js';
import { parseLine } from './parseLine.js';
import { MAX_QUOTED, printable } from './printable.js';
import type { TraceLine } from './trace.js';
import { traceError, type TraceError } from './traceError.js';

/** Longest line accepted, in UTF-16 code units (16 Mi). */
export const MAX_LINE = 16 * 1024 * 1024;

const EMPTY = 'empty trace: line 1 must be the header {"hmmTrace": 1, "config": {...}}';

function parseJson(text: string, line: number): { value: unknown } | TraceError {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    // V8's message quotes a few characters of the line raw: escaped here.
    const why = e instanceof Error ? e.message : String(e);
    return traceError(line, `bad JSON: ${printable(why, MAX_QUOTED * 2)}`);
  }
}

/** What one physical line gave: a trace line, nothing (header, blank), or the trace's first error. */
export type ReadResult = TraceLine | TraceError | null;

/** Parses a trace fed one physical line at a time; after the first error, stop feeding. */
export class TraceReader {
  /** The header's configuration, once line 1 was read. */
  config: WorldConfig | undefined;
  private lineNo = 0;
  /** First line of the current run of blank lines (0: none). */
  private blankFrom = 0;

  /** Physical lines fed so far. */
  get lines(): number {
    return this.lineNo;
  }

  /** Feeds the next physical line (without its `\n`; a final `\r` is dropped here). */
  push(raw: string): ReadResult {
    const line = ++this.lineNo;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === 1 && text.startsWith('\ufeff')) text = text.slice(1);
    if (text.trim() === '') {
      if (this.blankFrom === 0) this.blankFrom = line;
      return null;
    }
    if (this.blankFrom !== 0) {
      // A blank line 1 with more after it: line 1 is a header that is empty.
      if (this.blankFrom === 1) return parseJson('', 1) as TraceError;
      return traceError(this.blankFrom, 'empty line (only trailing blank lines are allowed; use {"note": ""})');
    }
    if (line === 1) return this.header(text);
    const json = parseJson(text, line);
    if ('kind' in json) return json;
    return parseLine(json.value, line);
  }

  /** A line longer than `MAX_LINE` (the caller stopped reading it): the error for it. */
  tooLong(length: number): TraceError {
    const line = ++this.lineNo;
    return traceError(line, `line too long (${length} characters or more; at most ${MAX_LINE})`);
  }

  /** At the end of the input: the error of a trace without header, if so. */
  end(): TraceError | undefined {
    return this.config === undefined ? traceError(1, EMPTY) : undefined;
  }

  private header(text: string): TraceError | null {
    const json = parseJson(text, 1);
    if ('kind' in json) return json;
    const config = parseHeader(json.value);
    if ('kind' in config) return config;
    this.config = config;
    return null;
  }
}

/** True when a read result is the trace's error. */
export function isTraceError(r: ReadResult): r is TraceError {
  return r !== null && 'kind' in r;
}
