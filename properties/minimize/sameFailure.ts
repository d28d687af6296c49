/**
 * When a candidate program shows "the same failure" as the counterexample being minimized (the
 * issue's definition): the same kind and rule (a rule failure keeps its rule as the headline, a
 * drain failure stays a drain failure, a crash stays on the same world), and for a difference of
 * results or observations, still a difference of either.
 */
import { ConformanceFailure, type FailureDetails } from '../runner/failure.js';
import { IMPL_CLONE } from '../runner/lockstep.js';

const DIFFERENCE: ReadonlySet<string> = new Set(['result', 'observation']);

/** True when `candidate` is the same failure as `original`. */
export function sameFailure(original: FailureDetails, candidate: FailureDetails): boolean {
  if (DIFFERENCE.has(original.kind)) return DIFFERENCE.has(candidate.kind);
  if (candidate.kind !== original.kind) return false;
  if (original.kind === 'crash') return candidate.side === original.side;
  return candidate.rule === original.rule;
}

/** True when the failure shows only in the end-of-run drain (`drainable`, `implClone`): a candidate is then drained. */
export function needsDrain(f: FailureDetails): boolean {
  return f.kind === 'drainable' || f.rule === IMPL_CLONE;
}

/** The failure a run threw, or undefined; anything else thrown is a bug of the checker and goes on. */
export function failureOf(e: unknown): ConformanceFailure {
  if (e instanceof ConformanceFailure) return e;
  throw e;
}
