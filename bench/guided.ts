/**
 * Coverage-guided generation against plain random generation (issue 11, part 2), on the
 * default configuration and seed:
 * - `guidedFeatures`: distinct features of interleavings (properties/guided/features.ts) reached
 *   by the guided share of the default budget; `randomFeatures`: reached by fast-check's random
 *   runs in the same time, recorded the same way. Aim: guided at least 1.5x random.
 * - the race mutant `backoffReadFromLatestFault` (impl/mutants/races.ts) hunted with the rules
 *   alone, as the kill matrix does: by the guided share of the default budget, and by the random
 *   runs of the default budget; runs and milliseconds to the first failure, or survived.
 * On the correct implementation for the features, so no run stops early.
 */
import { mutantByName } from '../impl/mutants/index.js';
import { FeatureMap, randomFeatures, runGuided } from '../properties/guided/index.js';
import { hunt, huntSettings, type HuntMode } from '../properties/mutants/index.js';
import { defaultParts } from '../properties/runner/defaultParts.js';
import { DEFAULT_BUDGET, DEFAULT_GENERATION, DEFAULT_WORLD, lockstepOf } from '../properties/runner/index.js';

/** The race mutant of issue 11. */
export const RACE_MUTANT = 'backoffReadFromLatestFault';

/** The figures. */
export interface GuidedFigures {
  readonly guidedFeatures: number;
  readonly randomFeatures: number;
  readonly guidedVsRandomFeatures: number;
  readonly guidedSeconds: number;
  /** Runs to kill the race mutant with the rules alone (null: survived the budget). */
  readonly raceMutantGuidedRuns: number | null;
  readonly raceMutantRandomRuns: number | null;
}

/** Guided share of the default budget, then random for as long; prints and returns the figures. */
export function benchGuidedFeatures(seed = DEFAULT_BUDGET.seed, log: (line: string) => void = console.log): Omit<GuidedFigures, 'raceMutantGuidedRuns' | 'raceMutantRandomRuns'> {
  const parts = defaultParts();
  const system = () => lockstepOf(parts, DEFAULT_WORLD);
  const guidedMap = new FeatureMap();
  const started = performance.now();
  const g = runGuided({ scope: DEFAULT_GENERATION, steps: DEFAULT_BUDGET.steps, runs: DEFAULT_BUDGET.guidedRuns ?? 0, seed, system, map: guidedMap });
  const elapsedMs = performance.now() - started;
  const randomMap = new FeatureMap();
  const runs = randomFeatures({ scope: DEFAULT_GENERATION, steps: DEFAULT_BUDGET.steps, seed, system, timeLimitMs: elapsedMs, map: randomMap });
  const ratio = guidedMap.size / Math.max(1, randomMap.size);
  log(`guided: ${g.runs} runs in ${(elapsedMs / 1000).toFixed(1)} s: ${guidedMap.size} distinct features, corpus ${g.corpus}`);
  log(`random: ${runs} runs in the same time: ${randomMap.size} distinct features`);
  log(`guidedFeatures / randomFeatures: ${ratio.toFixed(2)} (aim >= 1.5)`);
  return { guidedFeatures: guidedMap.size, randomFeatures: randomMap.size, guidedVsRandomFeatures: ratio, guidedSeconds: elapsedMs / 1000 };
}

/** The race mutant hunted by each generation alone with its share of the default budget. */
export function benchRaceMutant(seed = DEFAULT_BUDGET.seed, mode: HuntMode = 'rules', log: (line: string) => void = console.log): { guided: number | null; random: number | null } {
  const m = mutantByName(RACE_MUTANT)!;
  const base = huntSettings(seed);
  const guided = hunt(m.apply, mode, { ...base, budget: { ...base.budget, runs: 0 } });
  const random = hunt(m.apply, mode, { ...base, budget: { ...base.budget, guidedRuns: 0 } });
  const say = (name: string, o: typeof guided, budget: number): string =>
    o.killed ? `killed by ${o.killedBy} at run ${o.runs} of ${budget} (${Math.round(o.msToKill ?? 0)} ms), a ${o.shrunkLength}-command program` : `survived ${budget} runs (${Math.round(o.elapsedMs)} ms)`;
  log(`${RACE_MUTANT} (${mode === 'rules' ? 'rules alone' : 'conformance'}, seed ${seed}): guided ${say('guided', guided, base.budget.guidedRuns ?? 0)}`);
  log(`${RACE_MUTANT} (${mode === 'rules' ? 'rules alone' : 'conformance'}, seed ${seed}): random ${say('random', random, base.budget.runs)}`);
  return { guided: guided.killed ? guided.runs : null, random: random.killed ? random.runs : null };
}

/** Every figure of the guided bench. */
export function benchGuided(log: (line: string) => void = console.log): GuidedFigures {
  const features = benchGuidedFeatures(DEFAULT_BUDGET.seed, log);
  const race = benchRaceMutant(DEFAULT_BUDGET.seed, 'rules', log);
  return { ...features, raceMutantGuidedRuns: race.guided, raceMutantRandomRuns: race.random };
}
