/**
 * With a deliberately wrong world, the explorer finds the shortest path to the breach: a model
 * world wrapped so that it goes wrong after a command pattern, with the length worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Command, Observation, Result, World, WorldFactory } from '../../../spec/index.js';
import { createModelWorld } from '../../../model/index.js';
import { exploreForCounterexample } from '../../../properties/explorer/counterexample.js';
import { DEFAULT_SCOPE } from '../../../properties/explorer/scope.js';

/** A model world whose results (`breakIt`) or observations (`fakeObs`) go wrong after a pattern in its history. */
function brokenWorld(breakIt: (history: readonly Command[], c: Command, r: Result) => Result, fakeObs?: (h: readonly Command[], o: Observation) => Observation): WorldFactory {
  return (config) => {
    const inner: World = createModelWorld(config);
    const history: Command[] = [];
    return {
      apply(c: Command): Result {
        const r = breakIt(history, c, inner.apply(c));
        history.push(c);
        return r;
      },
      observe: () => (fakeObs ? fakeObs(history, inner.observe()) : inner.observe()),
    };
  };
}

describe('exploreForCounterexample', () => {
  it('finds the 3-command memoryIsMemory breach: mmap rw, write vpn 1 value 2, read vpn 1', () => {
    // After a write of 2 at vpn 1, CPU reads of vpn 1 return 2 + 1. A read needs a write first,
    // and the write needs an rw vma (mmap r gives EPERM): no path shorter than 3.
    const factory = brokenWorld((h, c, r) => {
      const wrote = h.some((x) => x.cmd === 'write' && x.vpn === 1 && x.value === 2);
      return wrote && c.cmd === 'read' && c.vpn === 1 && 'ok' in r ? { ok: r.ok + 1 } : r;
    });
    const found = exploreForCounterexample(DEFAULT_SCOPE, factory, { maxDepth: 4 });
    expect(found.verdict).toBe('counterexample');
    expect(found.minimalLength).toBe(3);
    expect(found.counterexample!.steps.map((s) => s.command)).toEqual([
      { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' },
      { cmd: 'write', mm: 0, vpn: 1, value: 2 },
      { cmd: 'read', mm: 0, vpn: 1 },
    ]);
    expect(found.counterexample!.breaches[0]!.rule).toBe('memoryIsMemory');
  });

  it('finds the 2-command fenceDiscipline breach: register dev 1, then signal dev 1', () => {
    // Once signal(dev1) follows register(dev1), the observation lists a fence with refs 0
    // belonging to no op: fenceDiscipline. signal alone is the pattern's second half: 2 commands.
    const factory = brokenWorld(
      (_h, _c, r) => r,
      (h, o) => {
        const i = h.findIndex((c) => c.cmd === 'register' && c.dev === 1);
        if (i < 0 || !h.slice(i + 1).some((c) => c.cmd === 'signal' && c.dev === 1)) return o;
        return { ...o, fences: [...o.fences, [99, 1, 1, 99, 'signaled', 0]] };
      },
    );
    const found = exploreForCounterexample(DEFAULT_SCOPE, factory, { maxDepth: 4 });
    expect(found.minimalLength).toBe(2);
    expect(found.counterexample!.steps.map((s) => s.command)).toEqual([
      { cmd: 'register', dev: 1, mm: 0 },
      { cmd: 'signal', dev: 1 },
    ]);
    expect(found.counterexample!.breaches.map((b) => b.rule)).toContain('fenceDiscipline');
  });

  it('passes the unbroken model', () => {
    const found = exploreForCounterexample(DEFAULT_SCOPE, brokenWorld((_h, _c, r) => r), { maxDepth: 2 });
    expect(found).toMatchObject({ verdict: 'pass', minimalLength: undefined });
  });
});
