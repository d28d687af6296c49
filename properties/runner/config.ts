/**
 * The checker's budget and the embedded default configuration of `hmm-check run` / `npm start`:
 * a fixed seed and runs × steps sized so the default run ends within 60 s on a 2-core machine
 * while reaching every statechart state and transition. Bounds of generated values are in
 * `properties/commands/scope.ts`.
 */
import { DEFAULT_CONFIG, type WorldConfig } from '../../spec/index.js';
import { DEFAULT_SCOPE, type GenerationScope } from '../commands/index.js';

/** How much to run. */
export interface RunBudget {
  /** fast-check's seed: the same seed and budget give the same runs. */
  readonly seed: number;
  /** Property runs (each a fresh pair of worlds). */
  readonly runs: number;
  /** At most this many generated commands per run (the drain comes on top). */
  readonly steps: number;
  /** Swarm mode: each run leaves out a random subset of command kinds. */
  readonly swarm: boolean;
  /** Stop starting new runs after this many seconds (verdict `incomplete` if cut short). */
  readonly timeLimitSeconds?: number;
  /**
   * Coverage-guided runs after the random ones (properties/guided), from the same seed; 0 or
   * absent: none. `hmm-check run --guided` sets `runs` to 0 and spends the budget here.
   */
  readonly guidedRuns?: number;
}

/** The embedded default seed. */
export const DEFAULT_SEED = 2014;

/** Guided runs per random run when only `--runs` is given: the guided share of a budget. */
export const GUIDED_SHARE = 1 / 4;

/** The guided runs that go with `runs` random ones (a quarter as many, at least one). */
export function guidedRunsFor(runs: number): number {
  return runs <= 0 ? 0 : Math.ceil(runs * GUIDED_SHARE);
}

/** The guided share of the default budget: a few seconds after the random runs. */
export const DEFAULT_GUIDED_RUNS = guidedRunsFor(3000);

/** The embedded default budget (`npm start`): random runs, then the guided share. */
export const DEFAULT_BUDGET: RunBudget = { seed: DEFAULT_SEED, runs: 3000, steps: 200, swarm: false, guidedRuns: DEFAULT_GUIDED_RUNS };

/** The default world configuration and generation scope. */
export const DEFAULT_WORLD: WorldConfig = DEFAULT_CONFIG;
export const DEFAULT_GENERATION: GenerationScope = DEFAULT_SCOPE;
