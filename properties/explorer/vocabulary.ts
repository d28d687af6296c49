/**
 * The words of SPEC's closed vocabulary (SPEC §2–§5 and §7: prots, lifecycle states, op kinds
 * and phases, event types, mm states, CPU pte tags, failure codes worth one word), each with a
 * small code, so a state key hashes a word as one token (`fingerprint.ts`). Any other string
 * is hashed character by character.
 */
import {
  CHOICES, FAULT_KINDS, FAULT_PHASES, FENCE_STATES, INVALIDATION_KINDS, INVALIDATION_PHASES, MIRROR_STATES, PROTS,
} from '../../spec/index.js';

const EVENT_TYPES = ['MUNMAP', 'MIGRATE', 'WRITE_PROTECT', 'ISDIRTY', 'DEVICE_RFAULT', 'DEVICE_WFAULT'];

const CODES: ReadonlyMap<string, number> = new Map(
  [...new Set<string>([...PROTS, ...MIRROR_STATES, ...FENCE_STATES, ...INVALIDATION_KINDS, ...FAULT_KINDS,
    ...INVALIDATION_PHASES, ...FAULT_PHASES, ...CHOICES, ...EVENT_TYPES, 'live', 'dead', 'P', 'S', '', 'EIO', 'ENOMEM'])]
    .map((w, i) => [w, i]),
);

/** The word's code, or -1 when it is not in the vocabulary. */
export function wordCode(s: string): number {
  return CODES.get(s) ?? -1;
}
