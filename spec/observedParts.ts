/**
 * Part of an observation (SPEC §7): an implementation may report a subset of the observation's
 * keys (docs/protocol.md, `observes`). Two observations are compared on the parts both report;
 * the protocol's canonical text of those parts is `JSON.stringify` of the object holding them in
 * SPEC §7 key order (and `next`'s keys in theirs).
 */
import { OBSERVATION_PARTS, initialObservation, type Observation, type ObservationPart } from './observation.js';

/** True when `parts` is absent (a world that reports everything) or names every part. */
export function observesWhole(parts: readonly ObservationPart[] | undefined): boolean {
  return parts === undefined || OBSERVATION_PARTS.every((p) => parts.includes(p));
}

function partValue(o: Observation, part: ObservationPart): unknown {
  if (part !== 'next') return o[part];
  const { pfn, mirror, op, fence, mm } = o.next;
  return { pfn, mirror, op, fence, mm };
}

const NEXT_KEYS = ['pfn', 'mirror', 'op', 'fence', 'mm'] as const;
const ALL_KEYS: readonly string[] = [...OBSERVATION_PARTS, ...NEXT_KEYS];

/**
 * The canonical text of `parts` of `o`: `{"mms":[...],"next":{...}}`, keys in SPEC §7 order.
 * JSON.stringify with a key list orders and filters the keys of objects (the observation and
 * its `next`; everything else is arrays and scalars) without building a copy.
 */
export function observationPartsText(o: Observation, parts: readonly ObservationPart[] = OBSERVATION_PARTS): string {
  const keys = parts.length === OBSERVATION_PARTS.length ? ALL_KEYS : keyList(parts);
  return JSON.stringify(o, keys as string[]);
}

function keyList(parts: readonly ObservationPart[]): string[] {
  const keys: string[] = OBSERVATION_PARTS.filter((p) => parts.includes(p));
  if (parts.includes('next')) keys.push(...NEXT_KEYS);
  return keys;
}

/** `o` with the parts not in `parts` emptied (a world of no devices' initial values), for diffs. */
export function restrictObservation(o: Observation, parts: readonly ObservationPart[]): Observation {
  const out: Record<string, unknown> = { ...initialObservation(0) };
  for (const p of parts) out[p] = partValue(o, p);
  return out as unknown as Observation;
}
