/**
 * The explorer's canonical key: equal up to id renaming ⇔ equal keys (properties/explorer/canonical.ts),
 * and its compact form (keyWriter.ts) tells states apart exactly as the readable text did.
 */
import { describe, expect, it } from 'vitest';
import type { Observation, OpObs, PageObs } from '../../../spec/index.js';
import { createImplWorld } from '../../../impl/index.js';
import { canonicalKey } from '../../../properties/explorer/canonical.js';
import { ScopeCommands } from '../../../properties/explorer/enumerate.js';
import { advanceHidden, NO_HIDDEN_STATE, type HiddenState } from '../../../properties/explorer/hiddenState.js';
import { KeyWriter } from '../../../properties/explorer/keyWriter.js';
import { parseMemorySnapshot, type MemorySnapshot } from '../../../properties/explorer/memoryOracle.js';
import { DEFAULT_SCOPE } from '../../../properties/explorer/scope.js';
import { MemoryIsMemory } from '../../../properties/rules/index.js';
import { textKey } from './textKey.js';

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

/**
 * States met on random walks over the default scope (the explorer's commands), with the hidden
 * state and memoryIsMemory history the explorer keeps alongside: worlds of the implementation
 * and of mutants, so that violations, fences and odd states show up too.
 */
function* walkedStates(seed: number, walks: number, length: number): Generator<{ o: Observation; hidden: HiddenState; memory: MemorySnapshot }> {
  let s = seed >>> 0;
  const rand = (n: number): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
  const commands = new ScopeCommands(DEFAULT_SCOPE);
  const mutants = [undefined, 'fenceUnrefTwice', 'updateForUnregisteredMirror', 'readFaultMapsWritable'];
  for (let w = 0; w < walks; w++) {
    const mutant = mutants[w % mutants.length];
    const world = createImplWorld({ devices: DEFAULT_SCOPE.devices }, mutant === undefined ? undefined : { mutant });
    const tracker = new MemoryIsMemory();
    let o = world.observe();
    let hidden: HiddenState = NO_HIDDEN_STATE;
    for (let i = 0; i < length; i++) {
      const choices = commands.inState(o.ops.map((op) => op[0]));
      const c = choices[rand(choices.length)]!;
      const r = world.apply(c);
      o = world.observe();
      tracker.after(c, r, o);
      hidden = advanceHidden(hidden, c, o);
      yield { o, hidden, memory: parseMemorySnapshot(tracker.snapshot()) };
    }
  }
}

describe('canonicalKey, compact form', () => {
  it('tells states apart exactly as the readable text key does', () => {
    const keyOfText = new Map<string, string>();
    const textOfKey = new Map<string, string>();
    for (const { o, hidden, memory } of walkedStates(7, 400, 14)) {
      const k = canonicalKey(o, hidden, memory);
      const t = textKey(o, hidden, memory);
      expect(keyOfText.get(t) ?? k).toBe(k);
      expect(textOfKey.get(k) ?? t).toBe(t);
      keyOfText.set(t, k);
      textOfKey.set(k, t);
    }
    // Enough distinct states, and enough repeats (the same state reached twice), to mean something.
    expect(keyOfText.size).toBeGreaterThan(500);
  });

  it('changes with any one field of the observation exactly when the text does', () => {
    let s = 11;
    const rand = (n: number): number => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return Math.floor((s / 2 ** 32) * n);
    };
    let changed = 0;
    let hiddenChanged = 0;
    for (const { o, hidden, memory } of walkedStates(3, 150, 14)) {
      const leaves = leafPaths(o);
      for (let k = 0; k < 6; k++) {
        const other = perturbed(o, leaves[rand(leaves.length)]!, rand);
        const sameText = textKey(o, hidden, memory) === textKey(other, hidden, memory);
        expect(canonicalKey(other, hidden, memory) === canonicalKey(o, hidden, memory)).toBe(sameText);
        if (!sameText) changed++;
      }
      const otherHidden = perturbedHidden(hidden, rand);
      if (otherHidden !== null) {
        const sameText = textKey(o, hidden, memory) === textKey(o, otherHidden, memory);
        expect(canonicalKey(o, otherHidden, memory) === canonicalKey(o, hidden, memory)).toBe(sameText);
        if (!sameText) hiddenChanged++;
      }
    }
    expect(changed).toBeGreaterThan(1000);
    expect(hiddenChanged).toBeGreaterThan(20);
  });
});

/** A copy of `h` with one walk record or captured mirror changed, or null when it holds none. */
function perturbedHidden(h: HiddenState, rand: (n: number) => number): HiddenState | null {
  const walks = [...h.walks].flatMap(([op, records]) => records.map((_, i) => [op, i] as const));
  const captured = [...h.captured].flatMap(([op, mirrors]) => mirrors.map((_, i) => [op, i] as const));
  if (walks.length + captured.length === 0) return null;
  const pick = rand(walks.length + captured.length);
  if (pick < walks.length) {
    const [op, i] = walks[pick]!;
    const records = h.walks.get(op)!.map((r, j) => (j !== i ? r : ([r[0], r[1], !r[2]] as const)));
    return { walks: new Map(h.walks).set(op, records), captured: h.captured };
  }
  const [op, i] = captured[pick - walks.length]!;
  const mirrors = h.captured.get(op)!.filter((_, j) => j !== i);
  return { walks: h.walks, captured: new Map(h.captured).set(op, mirrors) };
}

/** Paths to every number, boolean and string of an observation (ids included). */
function leafPaths(o: Observation): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    else out.push(at);
  };
  walk(o, []);
  return out;
}

/** A copy of `o` with the value at `path` changed: a number moved by one, a boolean flipped, a string replaced. */
function perturbed(o: Observation, path: readonly (string | number)[], rand: (n: number) => number): Observation {
  const copy = JSON.parse(JSON.stringify(o)) as Observation;
  let holder = copy as unknown as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) holder = holder[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const v = holder[last];
  const words = ['live', 'dead', 'r', 'rw', 'pending', 'signaled', 'update', 'wait', 'migrate', 'rfault', 'P', 'S', 'x'];
  holder[last] = typeof v === 'number' ? v + (rand(2) === 0 ? 1 : -1) : typeof v === 'boolean' ? !v : v === null ? 0 : words[rand(words.length)];
  return copy;
}

describe('KeyWriter', () => {
  const written = (write: (w: KeyWriter) => void): string => {
    const w = new KeyWriter();
    write(w);
    return w.text();
  };

  it('writes different token sequences as different keys', () => {
    const sequences: ((w: KeyWriter) => void)[] = [
      (w) => w.int(0), (w) => w.int(1), (w) => w.int(239), (w) => w.int(240), (w) => w.int(241), (w) => w.int(2 ** 40),
      (w) => w.int(-1), (w) => w.int(0.5), (w) => w.int(NaN), (w) => w.int(Infinity), (w) => w.intOrNull(null),
      (w) => w.word('live'), (w) => w.word('rw'), (w) => w.word('updateNotLive 3'), (w) => w.word(''), (w) => w.word('\u00f0'),
      (w) => w.word('\ud800'), (w) => w.word('\ufeff'), (w) => { w.int(1); w.int(2); }, (w) => { w.int(12); },
      (w) => { w.word('a'); w.word('b'); }, (w) => w.word('ab'), (w) => { w.bool(true); w.bool(false); },
    ];
    const keys = sequences.map(written);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes numbers as their String() compares them', () => {
    expect(written((w) => w.int(-0))).toBe(written((w) => w.int(0)));
    expect(written((w) => w.int(NaN))).toBe(written((w) => w.int(Number('x'))));
  });

  it('keeps a leading byte-order mark and lone surrogates (no decoding loss)', () => {
    expect(written((w) => w.word('\ufeffx'))).not.toBe(written((w) => w.word('x')));
    expect(written((w) => w.word('\ud800'))).not.toBe(written((w) => w.word('\udc00')));
  });

  it('replays tokens copied from another writer', () => {
    const w = new KeyWriter();
    w.word('memory text');
    const tokens = w.tokens();
    expect(written((v) => v.raw(tokens))).toBe(written((v) => v.word('memory text')));
  });
});
