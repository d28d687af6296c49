/**
 * The runner's machinery on toy worlds: agreement passes; a deliberately wrong twin gives a
 * counterexample that is shrunk, printed as a program and a SPEC §8 trace, and replayable
 * both through fast-check (seed, path, replay path) and as a trace.
 */
import { describe, expect, it } from 'vitest';
import { sameResult, type Command, type Result, type World } from '../../../spec/index.js';
import type { Rule } from '../../../properties/rules/rule.js';
import { runConformance } from '../../../properties/runner/runConformance.js';
import type { ConformanceParts } from '../../../properties/runner/ports.js';
import { flipReads, ToyWorld } from './toyWorld.js';

const agreeing: ConformanceParts = { model: () => new ToyWorld(), impl: () => new ToyWorld(), rules: [] };
const wrong: ConformanceParts = { ...agreeing, impl: () => flipReads(new ToyWorld()) };
const budget = { seed: 7, runs: 60, steps: 40, swarm: false };

/** Replays a trace's lines on `world`; the 1-based index of the first line whose expect fails, or 0. */
function replayTrace(text: string, world: World): number {
  const commands = text.trim().split('\n').slice(1).map((l) => JSON.parse(l) as { cmd?: string; expect?: Result });
  let n = 0;
  for (const line of commands) {
    if (line.cmd === undefined) continue;
    n++;
    const got = world.apply(line as unknown as Command);
    if (line.expect !== undefined && !sameResult(got, line.expect)) return n;
  }
  return 0;
}

describe('runConformance', () => {
  it('passes when the worlds agree, counting commands', async () => {
    const report = await runConformance({ parts: agreeing, budget });
    expect(report.verdict).toBe('pass');
    expect(report.runs).toBe(60);
    expect(report.commands).toBeGreaterThan(100);
    expect(report.counterexample).toBeUndefined();
  });

  it('finds, shrinks and prints a counterexample when the implementation is wrong', async () => {
    const report = await runConformance({ parts: wrong, budget });
    expect(report.verdict).toBe('counterexample');
    const cx = report.counterexample!;
    expect(cx.failure.kind).toBe('result');
    expect(cx.program).toHaveLength(2);
    expect(cx.program[0]).toMatch(/^(write\(|devWrite\(dev\d, )mm0, 0x[0-9a-f]+, \d+\)/);
    expect(cx.program[1]).toMatch(/^read\(mm0, 0x[0-9a-f]+\) .*<-- impl \{"ok":\d+\}/);
    expect(cx.replay).toContain(`--seed 7 --steps 40 --path '${cx.path}'`);
    expect(cx.replayPath).not.toBeNull();
  });

  it('with firstFailureOnly, ends at the first failing run as found: nothing shrunk, nothing minimized', async () => {
    const full = (await runConformance({ parts: wrong, budget })).counterexample!;
    const first = (await runConformance({ parts: wrong, budget, firstFailureOnly: true })).counterexample!;
    expect(first.failure.kind).toBe('result');
    expect(first.shrinks).toBe(0);
    expect(first.minimization.tests).toBe(0);
    expect(first.minimization.toLength).toBe(first.minimization.fromLength);
    expect(full.shrinks + full.minimization.tests).toBeGreaterThan(0);
    expect(first.program.length).toBeGreaterThanOrEqual(full.program.length);
  });

  it('writes a trace that passes on the model and fails on the implementation at the differing line', async () => {
    const cx = (await runConformance({ parts: wrong, budget })).counterexample!;
    expect(cx.trace.split('\n')[0]).toBe('{"hmmTrace":1,"config":{"devices":2}}');
    expect(replayTrace(cx.trace, new ToyWorld())).toBe(0);
    expect(replayTrace(cx.trace, flipReads(new ToyWorld()))).toBe(2);
  });

  it('replays the shrunk counterexample from its seed, path and replay path', async () => {
    const first = (await runConformance({ parts: wrong, budget })).counterexample!;
    const again = await runConformance({ parts: wrong, budget, path: first.path, replayPath: first.replayPath! });
    expect(again.verdict).toBe('counterexample');
    expect(again.counterexample!.program).toEqual(first.program);
  });

  it('reports a broken rule with the entities involved', async () => {
    const tooManyOps: Rule = {
      id: 'fewOps',
      rule: 'at most one op in flight',
      source: 'test',
      reads: ['ops'],
      check: (o) => (o.ops.length > 1 ? [`ops ${o.ops.map((op) => op[0]).join(', ')} in flight`] : []),
    };
    const report = await runConformance({ parts: { ...agreeing, rules: [tooManyOps] }, budget });
    expect(report.counterexample!.failure).toMatchObject({ kind: 'rule', rule: 'fewOps', side: 'both' });
    expect(report.counterexample!.program.filter((l) => l.startsWith('munmap'))).toHaveLength(2);
  });

  it('is incomplete when the time limit cuts the run short', async () => {
    const report = await runConformance({ parts: agreeing, budget: { ...budget, runs: 1_000_000, timeLimitSeconds: 0.2 } });
    expect(report.verdict).toBe('incomplete');
    expect(report.runs).toBeLessThan(1_000_000);
  });

  it('leaves kinds out in swarm mode and still finds the bug', async () => {
    const report = await runConformance({ parts: wrong, budget: { ...budget, swarm: true, runs: 200 } });
    expect(report.verdict).toBe('counterexample');
    expect(report.counterexample!.replay).toContain('--swarm');
  });
});
