/**
 * Bench of the explorer (the figures): `hmm-check explore --depth 6` in the default
 * scope on the implementation. `explorerStatesPerSecond` is distinct states found per second
 * of the whole run (rules, memoryIsMemory and checkStructure included); `explorerDepth` is the
 * depth completed within the time cap. Targets: at least 50,000 states/s and depth 6.
 * `bench/main.ts` writes both to `bench/results.json`.
 */
import { createImplWorld } from '../impl/index.js';
import { exploreWithRules } from '../properties/explorer/counterexample.js';
import { DEFAULT_SCOPE } from '../properties/explorer/scope.js';

/** Depth bound of the bench: the figure. */
export const BENCH_DEPTH = 6;
/** Time cap: a slow run still reports how deep it got. */
export const BENCH_TIME_LIMIT_MS = 120_000;

/** Explores the default scope to depth 6 on the implementation; prints and returns the figures. */
export async function benchExplorer(): Promise<{ explorerStatesPerSecond: number; explorerDepth: number }> {
  const outcome = exploreWithRules(DEFAULT_SCOPE, (config) => createImplWorld(config), {
    maxDepth: BENCH_DEPTH,
    timeLimitMs: BENCH_TIME_LIMIT_MS,
  });
  const { statesFound, depthCompleted, statesPerSecond, elapsedMs } = outcome.stats;
  const explorerStatesPerSecond = Math.round(statesPerSecond);
  console.log(`explorer: ${outcome.verdict}, ${statesFound} states to depth ${depthCompleted} in ${(elapsedMs / 1000).toFixed(2)} s`);
  console.log(`explorerStatesPerSecond: ${explorerStatesPerSecond} (target >= 50000)`);
  console.log(`explorerDepth: ${depthCompleted} (target >= ${BENCH_DEPTH})`);
  return { explorerStatesPerSecond, explorerDepth: depthCompleted };
}
