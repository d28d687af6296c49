/**
 * A trace line's `expect` (SPEC §3, §8): a well-formed Result, i.e. an object with exactly one
 * of `ok` (number), `op` (number) or `err` (one of the closed set of error codes).
 */
import { ERROR_CODES, isErrorCode, type Result } from '../../spec/index.js';
import { quote } from './printable.js';
import { describeJson, traceError, type TraceError } from './traceError.js';

const TAGS = ['ok', 'op', 'err'] as const;

/** Keys of a bad `expect` named in the message; more are counted. */
const MAX_KEYS = 4;

/** Parses an `expect` value, or says what is wrong with it (field `expect` or `expect.<tag>`). */
export function parseExpect(value: unknown, line: number): Result | TraceError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return traceError(line, `field "expect" must be an object like {"ok": 0}, got ${describeJson(value)}`, 'expect');
  }
  const o = value as Readonly<Record<string, unknown>>;
  const keys = Object.keys(o);
  if (keys.length !== 1 || !(TAGS as readonly string[]).includes(keys[0]!)) {
    const shown = keys.slice(0, MAX_KEYS).map((k) => quote(k, '"')).join(', ');
    const got = keys.length === 0 ? 'no key' : `keys ${shown}${keys.length > MAX_KEYS ? `, … (${keys.length} keys)` : ''}`;
    return traceError(line, `field "expect" must have exactly one of "ok", "op", "err", got ${got}`, 'expect');
  }
  const tag = keys[0] as (typeof TAGS)[number];
  const v = o[tag];
  if (tag === 'err') {
    if (typeof v === 'string' && isErrorCode(v)) return { err: v };
    return traceError(line, `field "expect.err" must be one of ${ERROR_CODES.join(', ')}, got ${describeJson(v)}`, 'expect.err');
  }
  if (typeof v !== 'number') return traceError(line, `field "expect.${tag}" must be a number, got ${describeJson(v)}`, `expect.${tag}`);
  return tag === 'ok' ? { ok: v } : { op: v };
}
