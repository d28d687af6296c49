/**
 * The explorer's report (properties/explorer/report.ts): the header names what was explored, a
 * counterexample is laid out as `hmm-check run` lays out its own (program, first difference,
 * rule and its entities, replay line, the trace or where it was written), and `--json` carries
 * the figures, the reason of an incomplete search and the counterexample.
 */
import { describe, expect, it } from 'vitest';
import type { ExploreOutcome, ExploreStats } from '../../../properties/explorer/outcome.js';
import { formatReport, reportJson, type ExploreHeader } from '../../../properties/explorer/report.js';
import type { CounterexampleReport } from '../../../properties/runner/report.js';

const stats: ExploreStats = {
  states: 10, depthCompleted: 3, newStates: [1, 4, 5], transitions: 40, noops: 20, asleep: 2, elapsedMs: 2000, statesPerSecond: 5,
  workers: 1, fingerprintCollisionProbability: 1e-15, exhausted: false, shortestSchedule: 16,
};
const header: ExploreHeader = { system: 'model and impl in lockstep', scope: 's.json', maxDepth: 3, workers: 1, reduction: true };
const cx: CounterexampleReport = {
  failure: { kind: 'rule', rule: 'dirtyTracked', side: 'both', message: 'rule dirtyTracked broke after finish(op1): page 2', entities: ['page 2'], diff: ['- model x', '+ impl y'] },
  program: ['mmap(mm0, 0x0, +1, rw)  // {"ok":0}'],
  trace: '{"hmmTrace":1,"config":{"devices":2}}\n',
  generation: 'exhaustive', seed: 0, path: '', replayPath: null, replay: 'hmm-check explore --scope s.json', shrinks: 0,
  minimization: { fromLength: 1, toLength: 1, tests: 0, oneMinimal: true },
};
const found: ExploreOutcome = { verdict: 'counterexample', stats, counterexample: { steps: [], rule: 'dirtyTracked', message: 'page 2' } };

describe('the explorer\'s report', () => {
  it('lays out a counterexample as run does, with the trace or where it was written', () => {
    const text = formatReport(found, header, cx);
    expect(text).toContain('hmm-check explore: model and impl in lockstep; scope: s.json; depth bound 3; 1 worker; partial-order reduction on');
    expect(text).toContain('verdict    counterexample: rule dirtyTracked broke after finish(op1): page 2');
    expect(text).toContain('program (shortest, 1 calls):\n  mmap(mm0, 0x0, +1, rw)');
    expect(text).toContain('first difference (model vs impl, SPEC §7):\n  - model x');
    expect(text).toContain('rule dirtyTracked (model and implementation):\n  page 2');
    expect(text).toContain('trace (SPEC §8; save it and run hmm-check replay FILE, or use --out DIR):\n{"hmmTrace":1');
    expect(text).toContain('schedules  every complete schedule is at least 16 commands long');
    const written = formatReport(found, { ...header, contextBound: 2 }, { ...cx, failure: { ...cx.failure, side: 'impl' }, tracePath: 'out/counterexample.ndjson' });
    expect(written).toContain('trace      out/counterexample.ndjson  (hmm-check replay out/counterexample.ndjson)');
    expect(written).toContain('rule dirtyTracked (implementation):');
    expect(written).toContain('at most 2 preemptions');
  });

  it('gives the figures, the reason and the counterexample in JSON', () => {
    const incomplete = reportJson({ verdict: 'incomplete', stats, reason: 'table' }, { ...header, contextBound: 1 });
    expect(incomplete).toMatchObject({ verdict: 'incomplete', reason: 'table', depthCompleted: 3, states: 10, workers: 1, contextBound: 1, shortestSchedule: 16 });
    expect(reportJson(found, header, cx)).toMatchObject({ verdict: 'counterexample', minimalLength: 0, rule: 'dirtyTracked', counterexample: { replay: 'hmm-check explore --scope s.json' } });
  });
});
