/**
 * Parses a SPEC §8 trace from NDJSON text.
 *
 * Blank lines: trailing blank lines (a final newline, or several) are allowed; a blank line
 * between two non-blank lines is a trace error, so that every line of a trace means something
 * (use `{"note": ""}` for spacing). A `\r` before the newline is ignored.
 */
import { parseHeader } from './parseHeader.js';
import { parseLine } from './parseLine.js';
import type { Trace, TraceLine } from './trace.js';
import { traceError, type TraceError } from './traceError.js';

/** The trace, or the first error in it. */
export type ParseTraceResult = { readonly ok: true; readonly trace: Trace } | { readonly ok: false; readonly error: TraceError };

function parseJson(text: string, line: number): { value: unknown } | TraceError {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return traceError(line, `bad JSON: ${why}`);
  }
}

/** Parses a whole trace; the first error found (in file order) is returned as a typed value. */
export function parseTrace(text: string): ParseTraceResult {
  const raw = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let count = raw.length;
  while (count > 0 && raw[count - 1]!.trim() === '') count--;
  if (count === 0) return { ok: false, error: traceError(1, 'empty trace: line 1 must be the header {"hmmTrace": 1, "config": {...}}') };
  const header = parseJson(raw[0]!, 1);
  if ('kind' in header) return { ok: false, error: header };
  const config = parseHeader(header.value);
  if ('kind' in config) return { ok: false, error: config };
  const lines: TraceLine[] = [];
  for (let i = 1; i < count; i++) {
    const line = i + 1;
    if (raw[i]!.trim() === '') return { ok: false, error: traceError(line, 'empty line (only trailing blank lines are allowed; use {"note": ""})') };
    const json = parseJson(raw[i]!, line);
    if ('kind' in json) return { ok: false, error: json };
    const parsed = parseLine(json.value, line);
    if ('kind' in parsed) return { ok: false, error: parsed };
    lines.push(parsed);
  }
  return { ok: true, trace: { config, lines } };
}
