/**
 * Footprints of partial-order reduction (properties/explorer/reduction.ts), pair by pair, from
 * SPEC: commands of different mms commute unless a fork shares their pages; completions of
 * different devices commute, and with CPU commands; a fork conflicts with anything on its child;
 * an invalidation's next step may call any device, so it conflicts with every completion; a
 * fault's commit conflicts with its own device only.
 */
import { describe, expect, it } from 'vitest';
import { initialObservation, type Command, type Observation } from '../../../spec/index.js';
import { Footprints } from '../../../properties/explorer/reduction.js';

/** mm 0 and mm 1 live, one page each (shared: one page mapped by both), mirrors 1 (dev 0) and 2 (dev 1) on mm 0. */
function state(shared: boolean, ops: Observation['ops'] = [], pending: Observation['pending'] = [[0, []], [1, []]]): Observation {
  return {
    ...initialObservation(2),
    mms: [[0, 'live', [[0, 2, 'rw']], [[0, 'P', 1, false]]], [1, 'live', [[0, 2, 'rw']], [[0, 'P', shared ? 1 : 2, false]]]],
    pages: shared ? [[1, 0, false, 0, 2]] : [[1, 0, false, 0, 1], [2, 0, false, 0, 1]],
    mirrors: [[1, 0, 0, 'live', 0, [], []], [2, 1, 0, 'live', 0, [], []]],
    fences: [[1, 0, 1, 7, 'pending', 1], [2, 1, 2, 7, 'pending', 1]],
    pending,
    ops,
    next: { pfn: 3, mirror: 3, op: 9, fence: 3, mm: 2 },
  };
}

function independent(o: Observation, a: Command, b: Command): boolean {
  const f = new Footprints();
  f.prepare(o, [a, b]);
  return f.independent(0, 1);
}

const write = (mm: number): Command => ({ cmd: 'write', mm, vpn: 0, value: 1 });
const signal = (dev: number): Command => ({ cmd: 'signal', dev });
const queued: Observation['pending'] = [[0, [[1, 1, 0, 1]]], [1, [[2, 2, 0, 1]]]];

describe('footprints', () => {
  it('commands of different mms commute, unless a fork shares their pages', () => {
    expect(independent(state(false), write(0), write(1))).toBe(true);
    expect(independent(state(true), write(0), write(1))).toBe(false);
    expect(independent(state(false), write(0), write(0))).toBe(false);
  });

  it('completions of different devices commute, and with CPU commands; not with accesses of their own device', () => {
    const o = state(false, [[7, 'migrate', 0, 0, 1, 'wait', 2, false, null]], queued);
    expect(independent(o, signal(0), signal(1))).toBe(true);
    expect(independent(o, signal(0), write(0))).toBe(true);
    expect(independent(o, { cmd: 'fail', dev: 1, code: 'EIO' }, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 })).toBe(true);
    expect(independent(o, signal(0), { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 })).toBe(false);
    expect(independent(o, signal(0), signal(0))).toBe(false);
  });

  it('a fork conflicts with what its child will do, and exit with its mirrors\' devices', () => {
    const o = state(false);
    expect(independent(o, { cmd: 'fork', mm: 0 }, { cmd: 'read', mm: 2, vpn: 0 })).toBe(false);
    expect(independent(o, { cmd: 'exit', mm: 1 }, write(0))).toBe(true);
    expect(independent(o, { cmd: 'exit', mm: 0 }, { cmd: 'register', dev: 1, mm: 0 })).toBe(false);
  });

  it('an invalidation\'s update or wait may call any device; its apply of a fork makes a child', () => {
    const waiting = state(false, [[7, 'migrate', 0, 0, 1, 'wait', 2, false, null]], queued);
    expect(independent(waiting, { cmd: 'step', op: 7 }, signal(1))).toBe(false);
    const starting = state(false, [[7, 'migrate', 0, 0, 1, 'created', 0, false, null]]);
    expect(independent(starting, { cmd: 'step', op: 7 }, signal(1))).toBe(true);
    const forking = state(false, [[7, 'fork', 0, 0, 2, 'commit', 2, false, null]], queued);
    expect(independent(forking, { cmd: 'step', op: 7 }, { cmd: 'write', mm: 2, vpn: 0, value: 1 })).toBe(false);
    // Its end may free a mirror whose pending invalidation a signal completes.
    expect(independent(forking, { cmd: 'finish', op: 7 }, signal(1))).toBe(false);
  });

  it('a fault\'s commit touches its own device, not the other', () => {
    const o = state(false, [[8, 'rfault', 0, 0, 1, 'walk', 0, false, 1]], queued);
    expect(independent(o, { cmd: 'step', op: 8 }, signal(1))).toBe(true);
    expect(independent(o, { cmd: 'step', op: 8 }, signal(0))).toBe(false);
    const created = state(false, [[8, 'rfault', 0, 0, 1, 'created', 0, false, 1]], queued);
    expect(independent(created, { cmd: 'step', op: 8 }, signal(0))).toBe(true);
  });

  it('past four mms or devices nothing commutes', () => {
    const o = { ...state(false), pending: [0, 1, 2, 3, 4].map((d) => [d, []] as const) };
    expect(independent(o, write(0), write(1))).toBe(false);
  });
});
