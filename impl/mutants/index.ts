/**
 * The catalogue of named mutants of the implementation (the switchable faults), one
 * family per file, each mutant its own export. `createImplWorld(config, mutant.apply)` or
 * `createImplWorld(config, { mutant: name })` builds a world with the fault switched on.
 */
import { CPU_SIDE_MUTANTS } from './cpuSide.js';
import { DIRTY_MUTANTS } from './dirty.js';
import { ERROR_MUTANTS } from './errors.js';
import { FENCE_MUTANTS } from './fence.js';
import { LIFECYCLE_MUTANTS } from './lifecycle.js';
import type { Mutant } from './mutant.js';
import { PAGE_TABLE_MUTANTS } from './pageTable.js';
import { RACE_MUTANTS } from './races.js';

export { mutant, type CopiedSource, type Mutant, type MutantApply, type MutantFamily } from './mutant.js';

/** Every mutant, by family in the order. */
export const MUTANTS: readonly Mutant[] = Object.freeze([
  ...FENCE_MUTANTS, ...ERROR_MUTANTS, ...DIRTY_MUTANTS, ...CPU_SIDE_MUTANTS, ...RACE_MUTANTS, ...LIFECYCLE_MUTANTS, ...PAGE_TABLE_MUTANTS,
]);

const BY_NAME = new Map(MUTANTS.map((m) => [m.name, m]));

/** The mutant of that name, or undefined. */
export function mutantByName(name: string): Mutant | undefined {
  return BY_NAME.get(name);
}
