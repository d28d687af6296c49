/**
 * Exhaustive exploration (the explorer, after TLC): breadth-first search of every
 * command sequence of a scope, in lockstep with the model by default, on `workers` threads.
 * The entry point the CLI, the main job, the mutants matrix and the bench call.
 */
import type { DepthProgress, ExploreLimits, ExploreOutcome } from './outcome.js';
import type { Scope } from './scope.js';
import { search } from './search.js';
import type { SystemParts } from './system.js';
import { loadParts, type SystemSpec } from './systemSpec.js';
import { startThreadPool, WORKER_URL } from './threadPool.js';

/** One exploration. */
export interface ExploreOptions {
  readonly scope: Scope;
  readonly spec: SystemSpec;
  /** The parts of this thread's search (default: `loadParts(spec)`); worker threads build theirs from `spec`. */
  readonly parts?: SystemParts;
  readonly limits: ExploreLimits;
  /** Worker threads; 1 runs in this thread. */
  readonly workers: number;
  /** Partial-order reduction (sleep sets). */
  readonly reduction: boolean;
  readonly onDepth?: (p: DepthProgress) => void;
  /** The compiled worker entry (tests point at a fresh build). */
  readonly workerUrl?: URL;
}

/** Explores `o.scope`; the verdict and figures. */
export async function explore(o: ExploreOptions): Promise<ExploreOutcome> {
  const parts = o.parts ?? (await loadParts(o.spec));
  const url = o.workerUrl ?? WORKER_URL;
  return search({
    scope: o.scope,
    parts,
    limits: o.limits,
    reduction: o.reduction,
    ...(o.workers > 1 ? { threads: (setup) => startThreadPool(o.workers, o.scope, o.spec, o.reduction, setup, url) } : {}),
    ...(o.onDepth === undefined ? {} : { onDepth: o.onDepth }),
  });
}
