/**
 * The conformance check on the real model and implementation: a fixed seed and budget pass
 * with every statechart state and transition reached; a wrong implementation (the real one
 * with one result flipped) gives a shrunk counterexample whose trace passes on the real pair.
 */
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../../impl/index.js';
import { createModelWorld } from '../../../model/index.js';
import { defaultParts } from '../../../properties/runner/defaultParts.js';
import { runConformance } from '../../../properties/runner/runConformance.js';
import { parseTrace, replayTrace } from '../../../properties/trace/index.js';
import { flipAfter } from './wrongWorld.js';

describe('conformance of impl/ to model/', () => {
  it('passes on a fixed seed and budget, reaching every state and transition', async () => {
    const report = await runConformance({ parts: defaultParts(), budget: { seed: 2014, runs: 300, steps: 200, swarm: false } });
    expect(report.counterexample?.program ?? []).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.coverage.states.missing).toEqual([]);
    expect(report.coverage.transitions.missing).toEqual([]);
  });

  it('passes in swarm mode', async () => {
    const report = await runConformance({ parts: defaultParts(), budget: { seed: 99, runs: 150, steps: 200, swarm: true } });
    expect(report.verdict).toBe('pass');
  });

  it('finds and shrinks a flipped result; the trace replays on the real pair and fails on the wrong one', async () => {
    const parts = { ...defaultParts(), impl: () => flipAfter(createImplWorld(), 5) };
    const report = await runConformance({ parts, budget: { seed: 3, runs: 100, steps: 50, swarm: false } });
    const cx = report.counterexample!;
    expect(report.verdict).toBe('counterexample');
    expect(cx.failure.kind).toBe('result');
    expect(cx.program.length).toBe(6);
    const parsed = parseTrace(cx.trace);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const real = replayTrace(parsed.trace, [{ name: 'model', world: createModelWorld() }, { name: 'impl', world: createImplWorld() }]);
    expect(real.verdict).toBe('pass');
    const wrong = replayTrace(parsed.trace, [{ name: 'model', world: createModelWorld() }, { name: 'impl', world: flipAfter(createImplWorld(), 5) }]);
    expect(wrong.verdict).toBe('fail');
  });
});
