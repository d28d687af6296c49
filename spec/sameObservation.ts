/**
 * Deep equality of two observations (SPEC §7 values: arrays, numbers, strings, booleans, null,
 * and the `next` record): the lockstep runner, the explorer and replay compare the model's and
 * the implementation's after every command. Written out along the shape of SPEC §7 (primitives
 * compared with `===`): it allocates nothing, where comparing canonical texts builds two strings.
 */
import type { Observation } from './observation.js';

/** True when `a` and `b` are the same observation. */
export function sameObservation(a: Observation, b: Observation): boolean {
  if (a.warnings !== b.warnings) return false;
  const an = a.next;
  const bn = b.next;
  if (an.pfn !== bn.pfn || an.mirror !== bn.mirror || an.op !== bn.op || an.fence !== bn.fence || an.mm !== bn.mm) return false;
  return sameRows(a.ops, b.ops) && sameMms(a.mms, b.mms) && sameRows(a.pages, b.pages) && sameMirrors(a.mirrors, b.mirrors)
    && sameRows(a.fences, b.fences) && samePending(a.pending, b.pending) && sameFlat(a.violations, b.violations);
}

/** Arrays of primitives, compared with `===`. */
function sameFlat(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Arrays of arrays of primitives. */
function sameRows(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameFlat(a[i]!, b[i]!)) return false;
  return true;
}

function sameMms(a: Observation['mms'], b: Observation['mms']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x[0] !== y[0] || x[1] !== y[1] || !sameRows(x[2], y[2]) || !sameRows(x[3], y[3])) return false;
  }
  return true;
}

function sameMirrors(a: Observation['mirrors'], b: Observation['mirrors']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2] || x[3] !== y[3] || x[4] !== y[4] || !sameRows(x[5], y[5]) || !sameRows(x[6], y[6])) return false;
  }
  return true;
}

function samePending(a: Observation['pending'], b: Observation['pending']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x[0] !== y[0] || !sameRows(x[1], y[1])) return false;
  }
  return true;
}
