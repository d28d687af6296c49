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

/** The canonical text of `parts` of `o`: `{"mms":[...],"next":{...}}`, keys in SPEC §7 order. */
export function observationPartsText(o: Observation, parts: readonly ObservationPart[] = OBSERVATION_PARTS): string {
  const out: Record<string, unknown> = {};
  for (const p of OBSERVATION_PARTS) if (parts.includes(p)) out[p] = partValue(o, p);
  return JSON.stringify(out);
}

/** `o` with the parts not in `parts` emptied (a world of no devices' initial values), for diffs. */
export function restrictObservation(o: Observation, parts: readonly ObservationPart[]): Observation {
  const out: Record<string, unknown> = { ...initialObservation(0) };
  for (const p of parts) out[p] = partValue(o, p);
  return out as unknown as Observation;
}
