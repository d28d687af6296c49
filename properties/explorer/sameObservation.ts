/**
 * Deep equality of two observations (SPEC §7 values: arrays, numbers, strings, booleans, null,
 * and the `next` record). The explorer uses it to tell, without building a state key, that a
 * command left the world exactly as it was (a refusal, a read of a present pte, EAGAIN):
 * SPEC §3 says such commands change nothing, and this checks it rather than trusting it.
 */
import type { Observation } from '../../spec/index.js';

/** True when `a` and `b` are the same observation. */
export function sameObservation(a: Observation, b: Observation): boolean {
  if (a.warnings !== b.warnings) return false;
  const an = a.next;
  const bn = b.next;
  if (an.pfn !== bn.pfn || an.mirror !== bn.mirror || an.op !== bn.op || an.fence !== bn.fence || an.mm !== bn.mm) return false;
  return sameValue(a.ops, b.ops) && sameValue(a.mms, b.mms) && sameValue(a.pages, b.pages) && sameValue(a.mirrors, b.mirrors)
    && sameValue(a.fences, b.fences) && sameValue(a.pending, b.pending) && sameValue(a.violations, b.violations);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
  return true;
}
