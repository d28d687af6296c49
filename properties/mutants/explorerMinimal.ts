/**
 * The explorer's word on a mutant: the length of its shortest counterexample in the explorer's
 * default scope (properties/explorer, breadth-first, every rule), under a modest cap, or null
 * where the explorer does not reach it (no breach up to the depth, or the cap hit first).
 */
import { createImplWorld } from '../../impl/index.js';
import type { MutantApply } from '../../impl/mutants/index.js';
import { exploreForCounterexample } from '../explorer/counterexample.js';
import type { ExploreLimits } from '../explorer/outcome.js';
import { DEFAULT_SCOPE, type Scope } from '../explorer/scope.js';

/** Depth 6 (the explorer's default) and a cap that lets depth 6 complete on a 2-core machine. */
export const EXPLORER_LIMITS: ExploreLimits = { maxDepth: 6, timeLimitMs: 8000 };

/** What the explorer found. */
export interface ExplorerMinimal {
  /** Commands in the shortest counterexample; null when not reached. */
  readonly minimalLength: number | null;
  /** The rule it breaks, when reached. */
  readonly rule: string | null;
  readonly verdict: 'pass' | 'counterexample' | 'incomplete';
  readonly elapsedMs: number;
}

/** Explores the mutant's world in `scope` under `limits`. */
export function explorerMinimal(apply: MutantApply, scope: Scope = DEFAULT_SCOPE, limits: ExploreLimits = EXPLORER_LIMITS): ExplorerMinimal {
  const r = exploreForCounterexample(scope, (config) => createImplWorld(config, apply), limits);
  return {
    minimalLength: r.minimalLength ?? null,
    rule: r.counterexample?.breaches[0]?.rule ?? null,
    verdict: r.verdict,
    elapsedMs: r.stats.elapsedMs,
  };
}
