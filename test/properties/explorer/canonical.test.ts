/** The explorer's canonical key: equal up to id renaming ⇔ equal keys (properties/explorer/canonical.ts). */
import { describe, expect, it } from 'vitest';
import type { Observation, OpObs, PageObs } from '../../../spec/index.js';
import { canonicalKey } from '../../../properties/explorer/canonical.js';
import { NO_HIDDEN_STATE, type HiddenState } from '../../../properties/explorer/hiddenState.js';
import { parseMemorySnapshot } from '../../../properties/explorer/memoryOracle.js';

/** mm 0 with two pages, two mirrors, a fenced invalidation and a fault; ids given by the caller. */
function world(ids: { p: [number, number]; m: [number, number]; op: [number, number]; f: number; next: number }): Observation {
  const [pa, pb] = ids.p;
  const [m1, m2] = ids.m;
  const [inv, fault] = ids.op;
  return {
    mms: [[0, 'live', [[0, 2, 'rw']], [[0, 'P', pa, true], [1, 'P', pb, false]]]],
    pages: ([[pa, 1, true, null, 1], [pb, 0, false, 0, 1]] as PageObs[]).sort((x, y) => x[0] - y[0]),
    mirrors: [
      [m1, 0, 0, 'live', 1, [[0, pa, true, false]], [[0, pa, true, true]]],
      [m2, 1, 0, 'live', 2, [], []],
    ],
    fences: [[ids.f, 1, m2, inv, 'pending', 1]],
    pending: [[0, []], [1, [[ids.f, m2, 0, 2]]]],
    ops: ([[inv, 'migrate', 0, 0, 2, 'update', 2, false, null], [fault, 'rfault', 0, 1, 2, 'created', 0, true, m2]] as OpObs[]).sort(
      (x, y) => x[0] - y[0],
    ),
    warnings: 0,
    violations: [],
    next: { pfn: ids.next, mirror: ids.next, op: ids.next, fence: ids.next, mm: 1 },
  };
}

const EMPTY_MEMORY = parseMemorySnapshot('[[],[],1]');
const key = (o: Observation, h: HiddenState = NO_HIDDEN_STATE, memory = EMPTY_MEMORY): string => canonicalKey(o, h, memory);

describe('canonicalKey', () => {
  it('gives states equal up to renaming ids the same key', () => {
    const a = world({ p: [1, 2], m: [1, 2], op: [1, 2], f: 1, next: 3 });
    // pfns swapped (any permutation is a symmetry), other ids shifted keeping their order, counters different.
    const b = world({ p: [9, 4], m: [5, 8], op: [11, 30], f: 6, next: 40 });
    expect(key(b)).toBe(key(a));
  });

  it('tells apart states that differ otherwise', () => {
    const a = world({ p: [1, 2], m: [1, 2], op: [1, 2], f: 1, next: 3 });
    const data = { ...a, pages: [[1, 2, true, null, 1], a.pages[1]!] } as Observation;
    const dirty = { ...a, mirrors: [[1, 0, 0, 'live', 1, [[0, 1, true, true]], [[0, 1, true, true]]], a.mirrors[1]!] } as Observation;
    for (const other of [data, dirty]) expect(key(other)).not.toBe(key(a));
  });

  it('keeps the order of mirrors and ops: swapping it is a different state', () => {
    const a = world({ p: [1, 2], m: [1, 2], op: [1, 2], f: 1, next: 3 });
    // The fault is now older than the invalidation: drain and id order differ (SPEC §6 drainable).
    const swappedOps = world({ p: [1, 2], m: [1, 2], op: [2, 1], f: 1, next: 3 });
    // Mirror on dev 1 registered first: capture and commit order differ (SPEC §4.2).
    const swappedMirrors = world({ p: [1, 2], m: [2, 1], op: [1, 2], f: 1, next: 3 });
    expect(key(swappedOps)).not.toBe(key(a));
    expect(key(swappedMirrors)).not.toBe(key(a));
  });

  it('renames op ids in the memory history and hidden state with the observation', () => {
    const a = world({ p: [1, 2], m: [1, 2], op: [1, 2], f: 1, next: 3 });
    const b = world({ p: [1, 2], m: [1, 2], op: [3, 5], f: 1, next: 6 });
    const munmap = (op: number): ReturnType<typeof parseMemorySnapshot> =>
      parseMemorySnapshot(`[[[0,[[0,1]]]],[[${op},{"kind":"munmap","mm":0,"start":0,"end":2}]],1]`);
    const hidden = (op: number, mirror: number): HiddenState => ({ walks: new Map(), captured: new Map([[op, [1, mirror]]]) });
    expect(key(b, hidden(3, 2), munmap(3))).toBe(key(a, hidden(1, 2), munmap(1)));
    // Pending on the invalidation in one, on the fault in the other: different futures.
    expect(key(b, NO_HIDDEN_STATE, munmap(5))).not.toBe(key(a, NO_HIDDEN_STATE, munmap(1)));
    expect(key(a, hidden(1, 2))).not.toBe(key(a, hidden(1, 1)));
  });
});
