/**
 * A world that throws is a counterexample (rule `crash`), found and reported as the checker
 * reports a crash; a thread pool whose workers cannot build their worlds fails to start with
 * their error; the report's wording for each verdict.
 */
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../../impl/index.js';
import type { Command, Observation, Result, StateSink, World, WorldConfig } from '../../../spec/index.js';
import { counterexampleReport } from '../../../properties/explorer/counterexample.js';
import type { ExploreOutcome, ExploreStats } from '../../../properties/explorer/outcome.js';
import { formatProgress, verdictText } from '../../../properties/explorer/report.js';
import { searchSync } from '../../../properties/explorer/search.js';
import type { SystemParts } from '../../../properties/explorer/system.js';
import { lockstepParts, SMALL_SCOPE } from './helpers.js';

/** The implementation, except that it throws at a `signal` (`apply`), or when observed after a signal that completed something (`observe`). */
class Throwing implements World {
  constructor(private readonly inner: World, private readonly where: 'apply' | 'observe', private signalled = false) {}
  apply(c: Command): Result {
    if (c.cmd === 'signal' && this.where === 'apply') throw new Error('broken signal');
    const r = this.inner.apply(c);
    if (c.cmd === 'signal' && 'ok' in r) this.signalled = true;
    return r;
  }
  observe(): Observation {
    if (this.signalled) throw new Error('broken observe');
    return this.inner.observe();
  }
  clone(): World {
    return new Throwing(this.inner.clone!(), this.where, this.signalled);
  }
  writeState(s: StateSink): void {
    this.inner.writeState!(s);
    s.bool(this.signalled);
  }
}

function throwing(where: 'apply' | 'observe'): SystemParts {
  const p = lockstepParts();
  return { ...p, parts: [p.parts[0]!, { name: 'impl', factory: (c: WorldConfig) => new Throwing(createImplWorld(c), where) }] };
}

describe('crashes', () => {
  for (const where of ['apply', 'observe'] as const) {
    it(`a world that throws in ${where} is a counterexample, reported as the checker reports a crash`, () => {
      const o = searchSync({ scope: SMALL_SCOPE, parts: throwing(where), limits: { maxDepth: 6 }, reduction: true });
      expect(o.verdict).toBe('counterexample');
      if (o.verdict !== 'counterexample') return;
      expect(o.counterexample.rule).toBe('crash');
      expect(o.counterexample.steps.at(-1)!.command.cmd).toBe('signal');
      const cx = counterexampleReport(o.counterexample, throwing(where), { devices: 2 }, 'hmm-check explore');
      expect(cx.failure.kind).toBe('crash');
      expect(cx.program.at(-1)).toMatch(/signal\(dev0\)/);
    });
  }
});

describe('verdicts', () => {
  const stats: ExploreStats = {
    states: 10, depthCompleted: 4, newStates: [1, 9], transitions: 50, noops: 20, asleep: 3, elapsedMs: 1500, statesPerSecond: 7,
    workers: 2, fingerprintCollisionProbability: 0, exhausted: false,
  };

  it('say what was covered, never a bare pass', () => {
    const texts = [
      verdictText({ verdict: 'exhausted', stats: { ...stats, exhausted: true } }),
      verdictText({ verdict: 'exhausted', stats }, 2),
      verdictText({ verdict: 'bounded', stats }),
      verdictText({ verdict: 'incomplete', stats, reason: 'time' }),
      verdictText({ verdict: 'incomplete', stats, reason: 'states' }),
      verdictText({ verdict: 'incomplete', stats, reason: 'table' }),
      verdictText({ verdict: 'counterexample', stats, counterexample: { steps: [], rule: 'r', message: 'm' } } as ExploreOutcome),
    ];
    expect(texts).toEqual([
      'exhausted: every state of the scope reached and checked (10 states, none further than 4 commands)',
      'exhausted: every schedule with at most 2 preemptions checked (10 configurations, none further than 4 commands)',
      'bounded: no counterexample within depth 4 (more states lie beyond; not a proof for longer sequences)',
      'incomplete: time limit reached; no counterexample within depth 4',
      'incomplete: state cap reached; no counterexample within depth 4',
      'incomplete: fingerprint table full reached; no counterexample within depth 4',
      'counterexample: m',
    ]);
    for (const t of texts) expect(t).not.toMatch(/\bpass\b/);
    expect(formatProgress({ depth: 3, newStates: 5, states: 20, transitions: 90, elapsedMs: 2000, queue: 5 })).toBe('explore: depth 3, 20 states, 10 states/s, queue 5, 2.0 s');
    expect(formatProgress({ depth: 4, partial: true, newStates: 0, states: 30, transitions: 90, elapsedMs: 3000, queue: 2 })).toBe('explore: depth 4 in progress, 30 states, 10 states/s, queue 2, 3.0 s');
  });
});
