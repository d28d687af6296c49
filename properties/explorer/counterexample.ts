/**
 * The explorer as the mutants matrix uses it: explore a world (a mutant of the implementation)
 * with every rule, and say the length of its shortest counterexample, the minimal length that
 * the matrix shows next to the random checker's shrunk one.
 */
import type { WorldFactory } from '../../spec/index.js';
import { MemoryIsMemory, RULES } from '../rules/index.js';
import { explore } from './explore.js';
import type { Counterexample, ExploreLimits, ExploreOutcome, ExploreStats } from './outcome.js';
import type { Scope } from './scope.js';

/** What the mutants matrix needs of one exploration. */
export interface CounterexampleSearch {
  readonly verdict: ExploreOutcome['verdict'];
  /** Commands in the shortest counterexample; undefined when none was found. */
  readonly minimalLength: number | undefined;
  readonly counterexample: Counterexample | undefined;
  readonly stats: ExploreStats;
}

/** Explores `scope` on worlds from `worldFactory` with every rule of SPEC §6, stopping at the first breach. */
export function exploreForCounterexample(scope: Scope, worldFactory: WorldFactory, limits: ExploreLimits): CounterexampleSearch {
  const outcome = exploreWithRules(scope, worldFactory, limits);
  const counterexample = outcome.verdict === 'counterexample' ? outcome.counterexample : undefined;
  return { verdict: outcome.verdict, minimalLength: counterexample?.steps.length, counterexample, stats: outcome.stats };
}

/** `explore` with the project's rules (`RULES`) and memoryIsMemory tracker. */
export function exploreWithRules(
  scope: Scope, factory: WorldFactory, limits: ExploreLimits, onDepth?: Parameters<typeof explore>[0]['onDepth'],
): ExploreOutcome {
  return explore({ scope, factory, rules: RULES, memory: () => new MemoryIsMemory(), limits, ...(onDepth ? { onDepth } : {}) });
}
