/**
 * The features (features.ts) that plain random generation reaches: fast-check's runs, as
 * `npm start` makes them, each recorded as the guided loop records its own, for a number of
 * runs or a time. The bench compares this with the guided loop at equal time.
 */
import fc from 'fast-check';
import { commandArbitrary, type GenerationScope, type IndexedCommand } from '../commands/index.js';
import type { FeatureMap } from './featureMap.js';
import { execute, type ObservedSystem } from './recorder.js';

/** What to run. */
export interface RandomFeatureSettings {
  readonly scope: GenerationScope;
  readonly steps: number;
  readonly seed: number;
  readonly system: () => ObservedSystem;
  /** At most this many runs (default: unbounded, with a time limit). */
  readonly runs?: number;
  readonly timeLimitMs?: number;
  /** Where the features go. */
  readonly map: FeatureMap;
}

/** Runs fast-check's random sequences, recording their features; the runs performed. */
export function randomFeatures(s: RandomFeatureSettings): number {
  const commands = fc.commands([commandArbitrary(s.scope)], { maxCommands: s.steps, size: 'max' }) as fc.Arbitrary<Iterable<IndexedCommand>>;
  let runs = 0;
  const property = fc.property(commands, (cmds) => {
    runs++;
    execute([...cmds], { system: s.system() }, s.map);
  });
  fc.check(property, {
    seed: s.seed,
    numRuns: s.runs ?? Number.MAX_SAFE_INTEGER,
    ...(s.timeLimitMs === undefined ? {} : { interruptAfterTimeLimit: s.timeLimitMs }),
  });
  return runs;
}
