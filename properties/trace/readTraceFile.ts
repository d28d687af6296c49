/**
 * Streams a SPEC §8 trace file: its physical lines read in chunks (`fileLines`), each parsed by
 * `TraceReader` and handed on (`readTrace`), so no more than one line and one chunk of the file
 * are held at a time, however long the file.
 */
import { createReadStream } from 'node:fs';
import type { WorldConfig } from '../../spec/index.js';
import type { TraceLine } from './trace.js';
import type { TraceError } from './traceError.js';
import { isTraceError, MAX_LINE, TraceReader } from './traceReader.js';

/** A line cut short because it was longer than the bound: its length so far. */
export interface TooLong {
  readonly tooLong: number;
}

/** The physical lines of `path` (without `\n`), decoded as UTF-8; a line past `maxLine` ends the stream as `TooLong`. */
export async function* fileLines(path: string, maxLine = MAX_LINE): AsyncGenerator<string | TooLong> {
  let parts: string[] = [];
  let length = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 }) as AsyncIterable<string>) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      const piece = chunk.slice(from, nl);
      if (length + piece.length > maxLine) {
        yield { tooLong: length + piece.length };
        return;
      }
      yield parts.length === 0 ? piece : parts.join('') + piece;
      parts = [];
      length = 0;
      from = nl + 1;
    }
    if (from < chunk.length) {
      parts.push(chunk.slice(from));
      length += chunk.length - from;
      if (length > maxLine) {
        yield { tooLong: length };
        return;
      }
    }
  }
  yield parts.join('');
}

/** How a read ended: the header's config and counts, or the first trace error. */
export type ReadTraceResult =
  | { readonly ok: true; readonly config: WorldConfig; readonly lines: number; readonly commands: number }
  | { readonly ok: false; readonly error: TraceError };

/**
 * Parses the lines of `source`, calling `onLine` with each trace line in order; `onLine`
 * returning `true` stops the read there (a replay stops at its first failing line).
 */
export async function readTrace(source: AsyncIterable<string | TooLong>, onLine?: (line: TraceLine, config: WorldConfig) => boolean | void): Promise<ReadTraceResult> {
  const reader = new TraceReader();
  let commands = 0;
  for await (const raw of source) {
    const r = typeof raw === 'string' ? reader.push(raw) : reader.tooLong(raw.tooLong);
    if (isTraceError(r)) return { ok: false, error: r };
    if (r === null) continue;
    if ('command' in r) commands++;
    if (onLine?.(r, reader.config!) === true) break;
  }
  const error = reader.end();
  if (error !== undefined) return { ok: false, error };
  return { ok: true, config: reader.config!, lines: reader.lines, commands };
}
