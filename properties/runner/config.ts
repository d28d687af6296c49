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
}

/** The embedded default seed. */
export const DEFAULT_SEED = 2014;

/** The embedded default budget (`npm start`). */
export const DEFAULT_BUDGET: RunBudget = { seed: DEFAULT_SEED, runs: 3000, steps: 200, swarm: false };

/** The default world configuration and generation scope. */
export const DEFAULT_WORLD: WorldConfig = DEFAULT_CONFIG;
export const DEFAULT_GENERATION: GenerationScope = DEFAULT_SCOPE;
