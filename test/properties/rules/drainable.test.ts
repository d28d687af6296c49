/** SPEC §6 drainable: one round's commands, and the drain loop on a small fake world. */
import { describe, expect, it } from 'vitest';
import { checkDrained, drain, drainRound, drainThrough, leftInFlight } from '../../../properties/rules/index.js';
import type { Command, Observation, OpObs, PendingEntryObs, Result, World } from '../../../spec/index.js';
import { obs } from './observation.js';

const op = (id: number, kind: OpObs[1]): OpObs => [id, kind, 0, 0, 4, 'update', 1, false, null];

describe('drainRound', () => {
  it('signals each device as often as its queue is long, then finishes each op in flight in id order', () => {
    const o = obs({
      pending: [[0, [[1, 2, 0, 1], [3, 2, 4, 5]]], [1, [[2, 3, 0, 1]]], [2, []]],
      ops: [op(2, 'migrate'), op(5, 'rfault'), op(7, 'munmap')],
    });
    expect(drainRound(o)).toEqual([
      { cmd: 'signal', dev: 0 }, { cmd: 'signal', dev: 0 }, { cmd: 'signal', dev: 1 },
      { cmd: 'finish', op: 2 }, { cmd: 'finish', op: 5 }, { cmd: 'finish', op: 7 },
    ]);
  });

  it('is empty for a quiet world', () => {
    expect(drainRound(obs({}))).toEqual([]);
  });
});

/** A fake world: op `id` ends after `left` finishes; one pending entry on device 0 for op 1. */
class FakeWorld implements World {
  readonly left = new Map<number, number>();
  queue: PendingEntryObs[] = [[1, 1, 0, 1]];
  constructor(ops: [number, number][]) {
    for (const [id, left] of ops) this.left.set(id, left);
  }
  apply(c: Command): Result {
    if (c.cmd === 'signal') return this.queue.length > 0 ? { ok: this.queue.shift()![0] } : { err: 'ENOENT' };
    if (c.cmd !== 'finish' || !this.left.has(c.op)) return { err: 'ENOENT' };
    const left = this.left.get(c.op)! - 1;
    if (left > 0) {
      this.left.set(c.op, left);
      return { err: 'EAGAIN' };
    }
    this.left.delete(c.op);
    return { ok: 0 };
  }
  observe(): Observation {
    return obs({ pending: [[0, this.queue], [1, []]], ops: [...this.left.keys()].sort((a, b) => a - b).map((id) => op(id, 'migrate')) });
  }
}

describe('drain', () => {
  it('runs rounds until no op is in flight, returning every command and result', () => {
    const w = new FakeWorld([[1, 1], [3, 2]]);
    const out = drain(w);
    expect(out.drained).toBe(true);
    expect(out.rounds).toBe(2);
    expect(out.commands).toEqual([
      { command: { cmd: 'signal', dev: 0 }, result: { ok: 1 } },
      { command: { cmd: 'finish', op: 1 }, result: { ok: 0 } },
      { command: { cmd: 'finish', op: 3 }, result: { err: 'EAGAIN' } },
      { command: { cmd: 'finish', op: 3 }, result: { ok: 0 } },
    ]);
    expect(checkDrained(w.observe())).toEqual([]);
  });

  it('does nothing on a drained world', () => {
    expect(drain(new FakeWorld([]))).toEqual({ drained: true, rounds: 0, commands: [] });
  });

  it('gives up after maxRounds', () => {
    const out = drain(new FakeWorld([[4, 1000]]), 5);
    expect(out).toMatchObject({ drained: false, rounds: 5 });
    expect(out.commands).toHaveLength(6);
  });

  it('checkDrained names ops and fences left over, and rule breaches', () => {
    const o = obs({ ops: [op(4, 'migrate')], fences: [[2, 0, 1, 9, 'signaled', 1]] });
    expect(checkDrained(o, 100)).toEqual([
      'op 4 (migrate of mm 0, phase update) still in flight after 100 drain rounds',
      'fence 2 (dev 0, mirror 1, op 9, signaled) remains after draining',
      'fenceDiscipline: fence 2 (dev 0, mirror 1, signaled): its op 9 is not in flight, so it should be freed',
    ]);
  });
});

describe('leftInFlight', () => {
  it('names each op in flight, each pending invalidation and each fence not freed', () => {
    const o = obs({
      ops: [op(4, 'munmap')],
      pending: [[1, [[6, 2, 0, 1]]]],
      fences: [[6, 1, 2, 4, 'pending', 1]],
    });
    expect(leftInFlight(o)).toEqual(['op 4 (munmap, phase update) still in flight', 'fence 6 still pending on dev 1', 'fence 6 (pending) not freed']);
    expect(leftInFlight(obs({}))).toEqual([]);
  });
});

describe('drainThrough', () => {
  it('applies rounds computed from the current observation until no op is in flight', () => {
    const world = new FakeWorld([[1, 1], [2, 3]]);
    const applied: Command[] = [];
    let current = world.observe();
    drainThrough(() => current, (c) => {
      applied.push(c);
      world.apply(c);
      current = world.observe();
    });
    // Round 1: signal dev 0 (one pending entry), finish 1 (ends), finish 2 (EAGAIN, 2 left);
    // rounds 2 and 3: finish 2 each; then no op is in flight.
    expect(applied).toEqual([{ cmd: 'signal', dev: 0 }, { cmd: 'finish', op: 1 }, { cmd: 'finish', op: 2 }, { cmd: 'finish', op: 2 }, { cmd: 'finish', op: 2 }]);
    expect(current.ops).toEqual([]);
  });
});
