/**
 * Reading the implementation's answers (docs/protocol.md, Requests and answers): each is one JSON
 * object of the shape its request calls for, or `{"error":"TEXT"}`. A reader gives the value, or
 * says why the line is not a valid answer; it never throws.
 */
import {
  ERROR_CODES, OBSERVATION_PARTS, initialObservation,
  type ErrorCode, type Observation, type ObservationPart, type Result,
} from '../../spec/index.js';

/** What reading an answer gives: the value, an invalid line (with the reason), or an error answer. */
export type Answer<T> = { readonly value: T } | { readonly invalid: string } | { readonly error: string };

/** The hello answer: who the implementation is and what it reports. */
export interface HelloAnswer {
  readonly name: string;
  readonly observes: readonly ObservationPart[];
  readonly selfCheck: boolean;
}

type Json = Record<string, unknown>;

/** Parses one line as a JSON object; an `{"error":...}` object is an error answer. */
function objectOf(text: string): Answer<Json> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { invalid: 'not JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { invalid: 'not a JSON object' };
  const o = value as Json;
  if ('error' in o) return { error: typeof o['error'] === 'string' ? o['error'] : JSON.stringify(o['error']) };
  return { value: o };
}

const keysAre = (o: Json, keys: readonly string[]): boolean => {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => own.includes(k));
};

/** A SPEC §3 result: exactly one of `{"ok":N}`, `{"op":N}`, `{"err":"CODE"}` (N a safe integer). */
export function readResult(text: string): Answer<Result> {
  const a = objectOf(text);
  if (!('value' in a)) return a;
  const o = a.value;
  if (keysAre(o, ['ok']) && Number.isSafeInteger(o['ok'])) return { value: { ok: o['ok'] as number } };
  if (keysAre(o, ['op']) && Number.isSafeInteger(o['op'])) return { value: { op: o['op'] as number } };
  if (keysAre(o, ['err']) && (ERROR_CODES as readonly unknown[]).includes(o['err'])) return { value: { err: o['err'] as ErrorCode } };
  return { invalid: 'a result is one of {"ok":N}, {"op":N}, {"err":"CODE"} with N a safe integer and CODE of SPEC §3' };
}

/** The hello answer: `hello` 1, a `name`, `observes` (parts of SPEC §7), optional `selfCheck`. */
export function readHello(text: string): Answer<HelloAnswer> {
  const a = objectOf(text);
  if (!('value' in a)) return a;
  const o = a.value;
  if (o['hello'] !== 1) return { invalid: `"hello" must be 1, the protocol version this checker speaks (got ${JSON.stringify(o['hello']) ?? 'nothing'})` };
  if (typeof o['name'] !== 'string') return { invalid: '"name" must be a string' };
  const observes = o['observes'];
  if (!Array.isArray(observes)) return { invalid: '"observes" must be a list of observation parts' };
  const unknown = observes.filter((p) => !(OBSERVATION_PARTS as readonly unknown[]).includes(p));
  if (unknown.length > 0) return { invalid: `"observes" names ${JSON.stringify(unknown[0])}, not a part of SPEC §7 (${OBSERVATION_PARTS.join(', ')})` };
  const selfCheck = o['selfCheck'] ?? false;
  if (typeof selfCheck !== 'boolean') return { invalid: '"selfCheck" must be a boolean' };
  const parts = OBSERVATION_PARTS.filter((p) => observes.includes(p));
  return { value: { name: o['name'], observes: parts, selfCheck } };
}

/** `{"ready":1}`, the answer to `reset`. */
export function readReady(text: string): Answer<true> {
  const a = objectOf(text);
  if (!('value' in a)) return a;
  return a.value['ready'] === 1 ? { value: true } : { invalid: 'the answer to reset is {"ready":1}' };
}

/** `{"breaches":[...]}`, the answer to `check`: one string per breach. */
export function readBreaches(text: string): Answer<readonly string[]> {
  const a = objectOf(text);
  if (!('value' in a)) return a;
  const b = a.value['breaches'];
  if (!Array.isArray(b) || !b.every((s) => typeof s === 'string')) return { invalid: 'the answer to check is {"breaches":[...]} with one string per breach' };
  return { value: b as string[] };
}

const NEXT_KEYS = ['pfn', 'mirror', 'op', 'fence', 'mm'] as const;

/** Whether `v` has the JSON type of part `part` (the contents are compared with the model's). */
function partTyped(part: ObservationPart, v: unknown): boolean {
  if (part === 'warnings') return typeof v === 'number';
  if (part === 'next') return v !== null && typeof v === 'object' && NEXT_KEYS.every((k) => typeof (v as Json)[k] === 'number');
  return Array.isArray(v);
}

/**
 * The observation restricted to `parts` (SPEC §7 keys, any formatting). Parts left out hold the
 * initial observation's values for `devices`; they are neither compared nor read by any rule.
 */
export function readObservation(text: string, parts: readonly ObservationPart[], devices: number): Answer<Observation> {
  const a = objectOf(text);
  if (!('value' in a)) return a;
  const o = a.value;
  const missing = parts.find((p) => !(p in o));
  if (missing !== undefined) return { invalid: `the observation lacks "${missing}", which the hello answer declared` };
  const badly = parts.find((p) => !partTyped(p, o[p]));
  if (badly !== undefined) return { invalid: `"${badly}" does not have the JSON type of SPEC §7` };
  const out: Record<string, unknown> = { ...initialObservation(devices) };
  for (const p of parts) out[p] = p === 'next' ? Object.fromEntries(NEXT_KEYS.map((k) => [k, (o[p] as Json)[k]])) : o[p];
  return { value: out as unknown as Observation };
}
