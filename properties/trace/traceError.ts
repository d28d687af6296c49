/**
 * An error in a trace file (SPEC §8): bad JSON, a bad header, an unknown `cmd`, a missing
 * field or a field of the wrong JSON type. It is a typed value carrying the line, never a
 * command result and never a thrown string. Its message quotes the trace only through
 * `quote`/`escapeControl` (printable.ts): escaped and bounded, so it is safe to print.
 */
import { quote } from './printable.js';

/** What is wrong with a trace, and where. */
export interface TraceError {
  readonly kind: 'traceError';
  /** 1-based line of the file. */
  readonly line: number;
  /** The offending field (`vpn`, `expect.ok`, `config.devices`), when one is to blame. */
  readonly field?: string;
  /** What is wrong, without the line: `field "vpn" must be a number, got string "3"`. */
  readonly message: string;
}

/** Builds a trace error. */
export function traceError(line: number, message: string, field?: string): TraceError {
  return field === undefined ? { kind: 'traceError', line, message } : { kind: 'traceError', line, field, message };
}

/** `line 7: field "vpn" must be a number, got string "3"`. */
export function formatTraceError(e: TraceError): string {
  return `line ${e.line}: ${e.message}`;
}

/** Describes a JSON value for a message: `string "3"`, `number 1`, `null`, `array`, `object`. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string': return `string ${quote(value, '"', 40)}`;
    case 'number': return `number ${String(value)}`;
    case 'boolean': return `boolean ${String(value)}`;
    default: return typeof value;
  }
}
