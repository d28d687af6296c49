/**
 * The guided loop (properties/guided): reproducible from its seed, building a corpus of kept
 * states it resumes from, and finding what random runs of the same budget miss. The mutants are
 * hunted with the rules alone, as the kill matrix does.
 */
import { describe, expect, it } from 'vitest';
import { mutantByName } from '../../../impl/mutants/index.js';
import { Corpus, FeatureMap, runGuided } from '../../../properties/guided/index.js';
import { hunt, huntSettings, systemFor } from '../../../properties/mutants/index.js';
import { defaultParts } from '../../../properties/runner/defaultParts.js';
import { DEFAULT_BUDGET, DEFAULT_GENERATION, DEFAULT_WORLD, lockstepOf } from '../../../properties/runner/index.js';

const settings = (runs: number, seed = 7) => {
  const parts = defaultParts();
  return { scope: DEFAULT_GENERATION, steps: 60, runs, seed, system: () => lockstepOf(parts, DEFAULT_WORLD) };
};

describe('runGuided', () => {
  it('is reproducible: the same seed gives the same runs, features and corpus', () => {
    const a = new FeatureMap();
    const b = new FeatureMap();
    const first = runGuided({ ...settings(120), map: a });
    const second = runGuided({ ...settings(120), map: b });
    expect(second).toEqual(first);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(first.corpus).toBeGreaterThan(0);
    expect(runGuided(settings(120, 8)).features).not.toBe(first.features);
  });

  it('resumes runs from the states it kept instead of replaying them', () => {
    let resumed = 0;
    const original = Corpus.prototype.pick;
    const counting = function (this: Corpus, ...args: Parameters<Corpus['pick']>): ReturnType<Corpus['pick']> {
      const e = original.apply(this, args);
      if (e.snapshot !== undefined) resumed++;
      return e;
    };
    Corpus.prototype.pick = counting;
    try {
      runGuided(settings(150));
    } finally {
      Corpus.prototype.pick = original;
    }
    expect(resumed).toBeGreaterThan(10);
  });

  it('stops at the first failure and names its run; rerunning that many runs gives the same failure', () => {
    const m = mutantByName('fenceUnrefTwice')!;
    const s = { scope: DEFAULT_GENERATION, steps: 60, seed: 3, system: systemFor(m.apply, 'rules', DEFAULT_WORLD) };
    const found = runGuided({ ...s, runs: 200 });
    expect(found.failure?.details.rule).toBe('driverSaw');
    const again = runGuided({ ...s, runs: found.failedRun! });
    expect(again.failedRun).toBe(found.failedRun);
    expect(again.failure?.transcript.map((e) => e.command)).toEqual(found.failure?.transcript.map((e) => e.command));
  });
});

describe('guided generation against the random runs of the default budget (rules alone, seed 2014)', () => {
  const base = huntSettings();
  it('kills mirrorUpdatedBeforeFences by dirtyImpliesWrite within its share, where the random runs do not', () => {
    const m = mutantByName('mirrorUpdatedBeforeFences')!;
    const guided = hunt(m.apply, 'rules', { ...base, budget: { ...base.budget, runs: 0 } });
    expect(guided.killed).toBe(true);
    expect(guided.rules).toContain('dirtyImpliesWrite');
    expect(guided.runs).toBeLessThanOrEqual(DEFAULT_BUDGET.guidedRuns!);
    expect(hunt(m.apply, 'rules', { ...base, budget: { ...base.budget, guidedRuns: 0 } }).killed).toBe(false);
  });

  it('kills the race mutant backoffReadFromLatestFault within its share, a race of more than ten commands', () => {
    const m = mutantByName('backoffReadFromLatestFault')!;
    const guided = hunt(m.apply, 'rules', { ...base, budget: { ...base.budget, runs: 0 } });
    expect(guided.killed).toBe(true);
    expect(guided.foundBy).toBe('guided');
    expect(guided.shrunkLength).toBeGreaterThanOrEqual(10);
  });
});
