/**
 * `run --shard i/n` and `hmm-check merge` (issue 10, item 8): the shards of a campaign cut its
 * runs into consecutive slices that cover every run once, each shard runs exactly its runs of the
 * unsharded campaign (the same commands, in the same order), a counterexample found in a shard
 * replays with its path alone, and merged reports add up, unite coverage and keep the verdict.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Command, World } from '../../../spec/index.js';
import type { ConformanceParts } from '../../../properties/runner/ports.js';
import type { ConformanceReport } from '../../../properties/runner/report.js';
import { mergeReports, MergeError } from '../../../properties/runner/mergeReports.js';
import { runConformance } from '../../../properties/runner/runConformance.js';
import { parseShard, shardSlice } from '../../../properties/runner/shard.js';
import { flipReads, ToyWorld } from './toyWorld.js';

describe('shard slices', () => {
  it('cut the runs into consecutive slices that cover each run once, lengths within one', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 40 }), (runs, count) => {
      const slices = Array.from({ length: count }, (_, i) => shardSlice(runs, { index: i + 1, count }));
      let next = 0;
      for (const s of slices) {
        expect(s.first).toBe(next);
        next += s.runs;
      }
      expect(next).toBe(runs);
      const lengths = slices.map((s) => s.runs);
      expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
    }));
  });

  it('parses i/n and names what is wrong otherwise', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toEqual({ error: 'needs a shard index from 1 to 4, not 0' });
    expect(parseShard('5/4')).toEqual({ error: 'needs a shard index from 1 to 4, not 5' });
    expect(parseShard('1/0')).toEqual({ error: 'needs a shard count from 1 to 10000, not 0' });
    expect(parseShard('a/b')).toHaveProperty('error');
  });
});

/** Parts whose implementation records the commands of each run, in the order runs happen. */
function recording(wrong = false): { parts: ConformanceParts; runs: Command[][] } {
  const runs: Command[][] = [];
  const impl = (): World => {
    const inner: World = wrong ? flipReads(new ToyWorld()) : new ToyWorld();
    const log: Command[] = [];
    runs.push(log);
    return { apply: (c) => (log.push(c), inner.apply(c)), observe: () => inner.observe() };
  };
  return { runs, parts: { model: () => new ToyWorld(), impl, rules: [] } };
}

const budget = { seed: 11, runs: 30, steps: 25, swarm: false };

describe('a sharded campaign', () => {
  it('runs exactly the runs of the unsharded check, shard after shard', async () => {
    const whole = recording();
    await runConformance({ parts: whole.parts, budget });
    const sharded: Command[][] = [];
    for (let index = 1; index <= 4; index++) {
      const part = recording();
      const report = await runConformance({ parts: part.parts, budget, shard: { index, count: 4 } });
      expect(report.shard).toEqual({ index, count: 4 });
      expect(report.runs).toBe(shardSlice(30, { index, count: 4 }).runs);
      sharded.push(...part.runs);
    }
    expect(sharded).toEqual(whole.runs);
  });

  it('finds in a later shard the counterexample the whole campaign finds, and its path replays it unsharded', async () => {
    const whole = await runConformance({ parts: recording(true).parts, budget: { ...budget, seed: 10, runs: 60 } });
    const failingRun = Number(whole.counterexample!.path.split(':')[0]);
    const count = 3;
    const index = [1, 2, 3].find((i) => { const s = shardSlice(60, { index: i, count }); return failingRun >= s.first && failingRun < s.first + s.runs; })!;
    expect(index).toBeGreaterThan(1); // seed 10 fails first at run 50: the last shard, which skips 40 runs
    const shard = await runConformance({ parts: recording(true).parts, budget: { ...budget, seed: 10, runs: 60 }, shard: { index, count } });
    expect(shard.verdict).toBe('counterexample');
    expect(shard.counterexample!.path).toBe(whole.counterexample!.path);
    const again = await runConformance({ parts: recording(true).parts, budget: { ...budget, seed: 10, runs: 60 }, path: shard.counterexample!.path, replayPath: shard.counterexample!.replayPath! });
    expect(again.counterexample!.program).toEqual(shard.counterexample!.program);
  });
});

/** A shard's report with the fields merge reads. */
function report(index: number, count: number, fields: Partial<ConformanceReport> = {}): ConformanceReport {
  return {
    verdict: 'pass', seed: 1, budget: { runs: 100, steps: 10, swarm: false, timeLimitSeconds: null, guidedRuns: 0 }, runs: 25, commands: 1000,
    commandsPerSecond: 500, elapsedSeconds: 2, shard: { index, count },
    coverage: { states: { reached: 1, total: 3, missing: ['b', 'c'] }, transitions: { reached: 0, total: 1, missing: ['t'] } },
    ...fields,
  };
}

describe('mergeReports', () => {
  it('adds runs and commands, unites coverage, and passes when every shard passed', () => {
    const other = report(2, 2, { coverage: { states: { reached: 1, total: 3, missing: ['a', 'c'] }, transitions: { reached: 1, total: 1, missing: [] } } });
    const m = mergeReports([other, report(1, 2)]);
    expect(m.verdict).toBe('pass');
    expect([m.runs, m.commands, m.elapsedSeconds, m.commandsPerSecond]).toEqual([50, 2000, 4, 500]);
    expect(m.coverage.states).toEqual({ reached: 2, total: 3, missing: ['c'] });
    expect(m.coverage.transitions).toEqual({ reached: 1, total: 1, missing: [] });
    expect(m.shards).toEqual({ count: 2, merged: [{ index: 1, verdict: 'pass' }, { index: 2, verdict: 'pass' }], missing: [], counterexamples: [] });
  });

  it('is incomplete when a shard is missing, and a counterexample of any shard is the campaign\'s', () => {
    expect(mergeReports([report(1, 3), report(3, 3)]).shards.missing).toEqual([2]);
    expect(mergeReports([report(1, 3), report(3, 3)]).verdict).toBe('incomplete');
    const cx = { program: ['x'] } as unknown as ConformanceReport['counterexample'];
    const m = mergeReports([report(3, 3, { verdict: 'counterexample', counterexample: cx }), report(1, 3)]);
    expect(m.verdict).toBe('counterexample');
    expect(m.counterexample).toBe(cx);
    expect(m.shards.counterexamples).toEqual([3]);
  });

  it('keeps the guided share of the last shard, which alone runs it', () => {
    const guided = { runs: 5, features: 40, corpus: 7 };
    const budget = { runs: 100, steps: 10, swarm: false, timeLimitSeconds: null, guidedRuns: 5 };
    const m = mergeReports([report(1, 2, { budget }), report(2, 2, { budget, runs: 30, guided })]);
    expect(m.guided).toEqual(guided);
    expect(m.runs).toBe(55);
    expect(() => mergeReports([report(1, 2, { budget }), report(2, 2)], ['a', 'b'])).toThrow(/b: another campaign than a/);
  });

  it('refuses reports of another campaign, a shard twice, and an unsharded report', () => {
    expect(() => mergeReports([report(1, 2), report(2, 2, { seed: 2 })], ['a', 'b'])).toThrow(new MergeError('b: another campaign than a (seed, budget, mutant or shard count differ)'));
    expect(() => mergeReports([report(1, 2), report(1, 2)], ['a', 'b'])).toThrow('b: shard 1/2 is also a');
    const { shard: _s, ...plain } = report(1, 1);
    expect(() => mergeReports([plain], ['a'])).toThrow(/a: not a shard's report/);
  });
});
