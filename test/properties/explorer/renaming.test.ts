/**
 * The renaming behind the state key's symmetry (properties/explorer/renaming.ts): names in
 * order of first sight shared by every world of a state, each world told which ids are new to
 * it; ids outside the direct tables (large, negative, fractional) named alike; deep equality
 * of observations (spec/sameObservation.ts) telling every field apart.
 */
import { describe, expect, it } from 'vitest';
import { initialObservation, type Observation } from '../../../spec/index.js';
import { JointNames } from '../../../properties/explorer/renaming.js';
import { sameObservation } from '../../../spec/index.js';

describe('JointNames', () => {
  it('names ids in order of first sight, across worlds, and says which are new to each world', () => {
    const n = new JointNames();
    n.clear();
    for (const id of [7, 3, 5000, -2, 1.5, 3]) n.name(id);
    expect([7, 3, 5000, -2, 1.5].map((id) => n.get(id))).toEqual([1, 2, 3, 4, 5]);
    expect(n.get(8)).toBeUndefined();
    expect(n.firstInWorld(7)).toBe(true);
    expect(n.firstInWorld(7)).toBe(false);
    expect(n.firstInWorld(5000)).toBe(true);
    expect(n.firstInWorld(5000)).toBe(false);
    n.nextWorld();
    expect(n.firstInWorld(7)).toBe(true);
    expect(n.firstInWorld(5000)).toBe(true);
    expect(n.get(3)).toBe(2);
    n.clear();
    expect(n.get(7)).toBeUndefined();
    expect(n.get(5000)).toBeUndefined();
    expect(n.name(3000)).toBe(1);
  });
});

describe('sameObservation', () => {
  const base = (): Observation => ({
    ...initialObservation(2),
    mms: [[0, 'live', [[0, 2, 'rw']], [[0, 'P', 1, true]]]],
    pages: [[1, 5, true, null, 1]],
    mirrors: [[1, 0, 0, 'live', 1, [[0, 1, true, false]], [[0, 1, true, true]]]],
    fences: [[1, 0, 1, 2, 'pending', 1]],
    pending: [[0, [[1, 1, 0, 1]]], [1, []]],
    ops: [[2, 'migrate', 0, 0, 1, 'update', 1, false, null]],
    violations: ['x'],
  });

  it('is true for equal observations and false for any one field changed', () => {
    expect(sameObservation(base(), base())).toBe(true);
    const changes: ((o: Observation) => Observation)[] = [
      (o) => ({ ...o, warnings: 1 }),
      (o) => ({ ...o, next: { ...o.next, op: 9 } }),
      (o) => ({ ...o, mms: [[0, 'dead', [[0, 2, 'rw']], [[0, 'P', 1, true]]]] }),
      (o) => ({ ...o, mms: [[0, 'live', [[0, 2, 'r']], [[0, 'P', 1, true]]]] }),
      (o) => ({ ...o, mms: [] }),
      (o) => ({ ...o, pages: [[1, 6, true, null, 1]] }),
      (o) => ({ ...o, pages: [] }),
      (o) => ({ ...o, mirrors: [[1, 0, 0, 'live', 2, [[0, 1, true, false]], [[0, 1, true, true]]]] }),
      (o) => ({ ...o, mirrors: [[1, 0, 0, 'live', 1, [[0, 1, true, true]], [[0, 1, true, true]]]] }),
      (o) => ({ ...o, mirrors: [] }),
      (o) => ({ ...o, fences: [[1, 0, 1, 2, 'signaled', 1]] }),
      (o) => ({ ...o, pending: [[0, []], [1, []]] }),
      (o) => ({ ...o, pending: [[0, [[1, 1, 0, 1]]]] }),
      (o) => ({ ...o, pending: [[1, [[1, 1, 0, 1]]], [1, []]] }),
      (o) => ({ ...o, ops: [[2, 'migrate', 0, 0, 1, 'wait', 1, false, null]] }),
      (o) => ({ ...o, violations: ['y'] }),
      (o) => ({ ...o, violations: [] }),
    ];
    for (const change of changes) expect(sameObservation(base(), change(base()))).toBe(false);
  });
});
