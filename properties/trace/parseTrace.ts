/**
 * Parses a SPEC §8 trace from NDJSON text held whole (a counterexample, a test's trace), line
 * by line through `TraceReader` (traceReader.ts, which states the line rules: header, BOM,
 * `\r`, blank lines). A file is better read with `readTraceFile`, which streams.
 */
import type { Trace, TraceLine } from './trace.js';
import type { TraceError } from './traceError.js';
import { isTraceError, TraceReader } from './traceReader.js';

/** The trace, or the first error in it. */
export type ParseTraceResult = { readonly ok: true; readonly trace: Trace } | { readonly ok: false; readonly error: TraceError };

/** Parses a whole trace; the first error found (in file order) is returned as a typed value. */
export function parseTrace(text: string): ParseTraceResult {
  const reader = new TraceReader();
  const lines: TraceLine[] = [];
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl;
    const r = reader.push(text.slice(from, to));
    if (isTraceError(r)) return { ok: false, error: r };
    if (r !== null) lines.push(r);
    from = to + 1;
  }
  const error = reader.end();
  if (error !== undefined) return { ok: false, error };
  return { ok: true, trace: { config: reader.config!, lines } };
}
