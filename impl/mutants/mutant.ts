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

/** A named fault of the implementation. */
export interface Mutant {
  readonly name: string;
  readonly family: MutantFamily;
  /** What the kernel did, or what review caught, and where (the source). */
  readonly description: string;
  /** Present when the rules alone cannot kill it: the one-line reason. */
  readonly conformanceOnly?: string;
  readonly apply: MutantApply;
  /** Same as `apply`: what the explorer's world source passes to `createImplWorld`. */
  readonly options: MutantApply;
}

/** A mutant from its parts (`options` is `apply`, for properties/explorer/worldSource.ts). */
export function mutant(m: Omit<Mutant, 'options'>): Mutant {
  return Object.freeze({ ...m, options: m.apply });
}
