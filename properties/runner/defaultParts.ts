/**
 * The real parts of a conformance check: the reference model (recording statechart coverage
 * into one `StatechartCoverage` shared by all runs), the implementation, the rules of SPEC §6
 * and a fresh `memoryIsMemory` per run.
 */
import { createImplWorld } from '../../impl/index.js';
import { createModelWorld, StatechartCoverage } from '../../model/index.js';
import { MemoryIsMemory, RULES } from '../rules/index.js';
import type { ConformanceParts } from './ports.js';

/**
 * Model, implementation (built with `mutant` when given: a name from impl/mutants), rules and
 * memory check, with a new coverage record.
 */
export function defaultParts(mutant?: string): ConformanceParts {
  const coverage = new StatechartCoverage();
  return {
    model: (config) => createModelWorld(config, { coverage }),
    impl: mutant === undefined ? (config) => createImplWorld(config) : (config) => createImplWorld(config, { mutant }),
    ...(mutant === undefined ? {} : { mutant }),
    rules: RULES,
    memory: () => new MemoryIsMemory(),
    coverage,
  };
}
