/**
 * A mutant of the implementation: one named, documented fault, switched on when a world is
 * constructed (`createImplWorld(config, mutant.apply)` or `{ mutant: name }`). Its `apply`
 * replaces entries of the HMM ops table (impl/hmm/ops.ts), so a world built without one runs
 * `defaultOps` untouched. Each mutant says what the kernel did or what review caught, and, when
 * no SPEC §6 rule alone can see it, why (it is then killed by comparison with the model only).
 */
import type { HmmOps } from '../hmm/ops.js';

/** The families of faults. */
export type MutantFamily = 'fence' | 'errors' | 'dirty' | 'races' | 'lifecycle' | 'pagetable';

/** What a mutant gives `createImplWorld` (a subset of `ImplOptions`). */
export interface MutantApply {
  /** Entries of the HMM ops table the fault replaces. */
  readonly ops: Partial<HmmOps>;
}

/**
 * A production function a mutant copies, in whole or in part, or whose internals it relies on
 * (a step order, a mapping): the mutant must be read again whenever that function changes.
 * `hash` is the first 12 hex digits of the SHA-256 of the function's source as it was when the
 * mutant was last checked against it; test/properties/mutants/copies.test.ts recomputes it.
 */
export interface CopiedSource {
  /** The file, from the repository's root: `impl/hmm/invalidate.ts`. */
  readonly file: string;
  /** The function (`waitFence`), or a class's method (`HmmPt.clear`). */
  readonly fn: string;
  readonly hash: string;
}

/** A named fault of the implementation. */
export interface Mutant {
  readonly name: string;
  readonly family: MutantFamily;
  /** What the kernel did, or what review caught, and where (the source). */
  readonly description: string;
  /** Present when the rules alone cannot kill it: the one-line reason. */
  readonly conformanceOnly?: string;
  /** The production functions it copies or relies on the internals of (absent: it only wraps or replaces entries). */
  readonly copies?: readonly CopiedSource[];
  readonly apply: MutantApply;
  /** Same as `apply`: what the explorer's world source passes to `createImplWorld`. */
  readonly options: MutantApply;
}

/** A mutant from its parts (`options` is `apply`, for properties/explorer/worldSource.ts). */
export function mutant(m: Omit<Mutant, 'options'>): Mutant {
  return Object.freeze({ ...m, options: m.apply });
}
