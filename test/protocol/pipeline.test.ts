/**
 * Pipelining (docs/protocol.md) changes how fast a run goes, never what it finds: with the same
 * seed and budget, a pipelined check and a check sending one request at a time report the same
 * counterexample (failure, command index, program, trace, path, shrinks), whatever failed. An
 * implementation whose answers depend on how requests arrive is named as such.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openImplementation, processParts, type ProcessSession } from '../../properties/protocol/index.js';
import { runConformance } from '../../properties/runner/runConformance.js';
import type { ConformanceReport } from '../../properties/runner/report.js';
import { adapter } from './harness.js';

const sessions: ProcessSession[] = [];
afterAll(() => sessions.forEach((s) => s.close()));

async function check(flags: string, pipeline: boolean, runs: number, steps: number, swarm = false): Promise<ConformanceReport> {
  const session = openImplementation(adapter(flags), 10, { devices: 2 });
  sessions.push(session);
  return runConformance({ parts: processParts(session, { pipeline }), budget: { seed: 12, runs, steps, swarm } });
}

/** The report without its timings. */
function verdictOf(r: ConformanceReport): unknown {
  const { elapsedSeconds: _e, commandsPerSecond: _c, ...rest } = r;
  return rest;
}

describe('a pipelined check finds exactly what a check one request at a time finds', () => {
  for (const [name, flags, runs, steps] of [
    ['a pass', '', 15, 60],
    ['a wrong result', '--fault wrong:read', 200, 40],
    ['an observation that drifts', '--fault skew:munmap', 60, 40],
    ['a crash', '--fault exit:fork', 40, 8],
    ['a skipped check (partial observation)', '--observes mms,pages,ops,next --no-self-check', 15, 60],
  ] as const) {
    it(name, async () => {
      const pipelined = await check(flags, true, runs, steps);
      const oneByOne = await check(flags, false, runs, steps);
      expect(verdictOf(pipelined)).toEqual(verdictOf(oneByOne));
      expect(pipelined.verdict).toBe(flags === '' || flags.startsWith('--observes') ? 'pass' : 'counterexample');
    });
  }

  it('a wrong result in swarm mode (runs leave command kinds out)', async () => {
    const pipelined = await check('--fault wrong:read', true, 300, 60, true);
    expect(pipelined.verdict).toBe('counterexample');
    expect(verdictOf(pipelined)).toEqual(verdictOf(await check('--fault wrong:read', false, 300, 60, true)));
  });

  it('an implementation that answers differently when requests come together is reported as such', async () => {
    const r = await check('--fault batch:read', true, 200, 40);
    expect(r.counterexample?.failure.kind).toBe('crash');
    expect(r.counterexample?.failure.message).toMatch(/^the implementation answered differently at read\(mm0, 0x[0-9a-f]+\) when the same commands were sent again one at a time \(is it deterministic\?\)$/);
    expect((await check('--fault batch:read', false, 200, 40)).verdict).toBe('pass');
  });
});
