/**
 * ImplWorld.clone (impl/world/cloneCore.ts): a copy taken at any point of a random run evolves
 * exactly like the original under the same commands (results, observations, structural
 * self-check), shares no mutable object with it (changing one leaves the other's observation as
 * it was), and mirrors the original's whole object graph field by field, so a field of a
 * record that the copier misses shows up here.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../spec/index.js';
import { createImplWorld, type ImplWorld } from '../../impl/index.js';
import { Op } from '../../impl/hmm/op.js';
import { rng } from './rng.js';

/** A random command over a small window, so that ops, fences and mirrors pile up and interact. */
function genCommand(r: (n: number) => number, w: ImplWorld): Command {
  const c = w.core;
  const mm = r(c.mms.length + 1);
  const dev = r(c.devices);
  const start = r(6);
  const npages = 1 + r(4);
  const vpn = r(8);
  const prot = (['none', 'r', 'rw'] as const)[r(3)]!;
  const op = 1 + r(c.nextOp);
  const choice = (['sync', 'fence', 'fence', 'error'] as const)[r(4)]!;
  const table: Command[] = [
    { cmd: 'mmap', mm, start, npages, prot },
    { cmd: 'mmap', mm: 0, start: 0, npages: 8, prot: 'rw' },
    { cmd: 'munmap', mm, start, npages },
    { cmd: 'mprotect', mm, start, npages, prot },
    { cmd: 'read', mm, vpn },
    { cmd: 'write', mm, vpn, value: 1 + r(9) },
    { cmd: 'fork', mm },
    { cmd: 'migrate', mm, start, npages },
    { cmd: 'writeback', mm, start, npages },
    { cmd: 'reclaim', mm, start, npages },
    { cmd: 'register', dev, mm },
    { cmd: 'unregister', dev, mm },
    { cmd: 'devRead', dev, mm, vpn },
    { cmd: 'devWrite', dev, mm, vpn, value: 1 + r(9) },
    { cmd: 'devFault', dev, mm, start, npages, write: r(2) === 0 },
    { cmd: 'signal', dev },
    { cmd: 'fail', dev, code: r(2) === 0 ? 'EIO' : 'ENOMEM' },
    { cmd: 'step', op, choice },
    { cmd: 'step', op, choice },
    { cmd: 'step', op, choice },
    { cmd: 'step', op, choice },
    { cmd: 'step', op, choice },
    { cmd: 'finish', op },
    { cmd: 'exit', mm },
  ];
  return table[r(table.length)]!;
}

/** Everything a world shows: observation and structural self-check. */
function shown(w: ImplWorld): unknown {
  return { observation: w.observe(), structure: w.checkStructure() };
}

/**
 * Walks the original's graph and the copy's in step: same shape (prototypes, keys, primitives,
 * typed-array contents, Map and Set entries in order), the same aliasing (an object reached
 * twice in one is reached twice, as one copy, in the other), and no shared object but functions
 * and frozen values (the ops table). Returns the first difference, or null.
 */
function graphDifference(original: unknown, copy: unknown): string | null {
  const pairs = new Map<object, object>();
  const copies = new Map<object, object>();
  const walk = (a: unknown, b: unknown, at: string): string | null => {
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
      if (typeof a === 'function') return a === b ? null : `${at}: different functions`;
      return Object.is(a, b) ? null : `${at}: ${String(a)} vs ${String(b)}`;
    }
    if (Object.isFrozen(a)) return a === b ? null : `${at}: frozen value not shared`;
    if (a === b) return `${at}: shared mutable object`;
    const seen = pairs.get(a);
    if (seen !== undefined) return seen === b ? null : `${at}: aliasing differs`;
    if (copies.has(b)) return `${at}: one copy stands for two originals`;
    pairs.set(a, b);
    copies.set(b, a);
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: different prototypes`;
    if (ArrayBuffer.isView(a)) {
      const x = a as unknown as ArrayLike<number>;
      const y = b as unknown as ArrayLike<number>;
      if (x.length !== y.length) return `${at}: length ${x.length} vs ${y.length}`;
      for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return `${at}[${i}]: ${x[i]} vs ${y[i]}`;
      return null;
    }
    if (a instanceof Map || a instanceof Set) {
      const x = [...(a as Map<unknown, unknown>).entries()];
      const y = [...(b as Map<unknown, unknown>).entries()];
      return walk(x, y, `${at}.entries`);
    }
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join() !== kb.join()) return `${at}: keys ${ka.join()} vs ${kb.join()}`;
    for (const k of ka) {
      const d = walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d !== null) return d;
    }
    return null;
  };
  return walk(original, copy, 'world');
}

describe('ImplWorld.clone', () => {
  // The mutants reach what the implementation alone does not: driver violations, leaked
  // directories, walk records changed after the walk.
  const worlds = [undefined, 'fenceUnrefTwice', 'emptyDirectoryNotReturned', 'readFaultMapsWritable'] as const;
  for (const mutant of worlds) {
    const name = mutant === undefined ? 'impl' : `mutant ${mutant}`;
    for (let seed = 1; seed <= 4; seed++) {
      it(`${name}, seed ${seed}: a copy taken after any command mirrors the whole state`, () => {
        const r = rng(seed);
        const w = createImplWorld({ devices: 3 }, mutant === undefined ? undefined : { mutant });
        for (let i = 0; i < 400; i++) {
          w.apply(genCommand(r, w));
          const d = graphDifference(w, w.clone());
          if (d !== null) expect({ seed, i, d }).toEqual({ seed, i, d: null });
        }
      });

      it(`${name}, seed ${seed}: copyFrom makes a world into the same copy, in its own storage`, () => {
        const r = rng(200 + seed);
        const w = createImplWorld({ devices: 3 }, mutant === undefined ? undefined : { mutant });
        // A spare world that has been elsewhere: bigger, smaller or other arrays than w's.
        const spare = createImplWorld({ devices: 3 });
        for (let i = 0; i < 300; i++) {
          w.apply(genCommand(r, w));
          spare.apply(genCommand(r, spare));
          if (i % 7 !== 0) continue;
          spare.copyFrom(w);
          const d = graphDifference(w, spare);
          if (d !== null) expect({ seed, i, d }).toEqual({ seed, i, d: null });
        }
      });

      it(`${name}, seed ${seed}: a copy evolves like the original, and apart from it`, () => {
        const r = rng(100 + seed);
        const w = createImplWorld({ devices: 3 }, mutant === undefined ? undefined : { mutant });
        const spare = createImplWorld({ devices: 3 });
        for (let i = 0; i < 200; i++) {
          w.apply(genCommand(r, w));
          if (i % 20 !== 19) continue;
          // Copies by clone and by copyFrom alternate.
          const copy = i % 40 === 19 ? w.clone() : spare;
          if (copy === spare) spare.copyFrom(w);
          const before = shown(w);
          // The copy alone moves on: the original is untouched.
          const commands: Command[] = [];
          const results = [];
          for (let k = 0; k < 15; k++) {
            const c = genCommand(r, copy);
            commands.push(c);
            results.push({ result: copy.apply(c), ...(shown(copy) as object) });
          }
          expect(shown(w)).toEqual(before);
          // The original then takes the same commands and gives the same results and states.
          const again = commands.map((c) => ({ result: w.apply(c), ...(shown(w) as object) }));
          expect(again).toEqual(results);
        }
      });
    }
  }

  it('copyFrom of itself changes nothing', () => {
    const w = createImplWorld();
    w.apply({ cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' });
    w.apply({ cmd: 'write', mm: 0, vpn: 1, value: 3 });
    const before = w.observe();
    w.copyFrom(w);
    expect(w.observe()).toEqual(before);
    expect(w.checkStructure()).toEqual([]);
  });

  it('copies a fresh world and the mutant it runs', () => {
    const w = createImplWorld({ devices: 3 }, { mutant: 'fenceUnrefTwice' });
    const copy = w.clone();
    expect(copy.observe()).toEqual(w.observe());
    expect(copy.core.hmm).toBe(w.core.hmm);
    expect(copy.core.devices).toBe(3);
    expect(graphDifference(w, copy)).toBeNull();
  });

  it('copies an interval set that was given overlapping ranges (as an override may)', () => {
    const w = createImplWorld();
    const mm = w.core.mms[0]!;
    for (const [id, start, end] of [[1, 0, 4], [2, 2, 6]] as const) mm.active.add(new Op(id, 'migrate', mm, start, end, 'MIGRATE', null, null, null));
    expect(graphDifference(w, w.clone())).toBeNull();
    expect(w.clone().core.mms[0]!.active.overlaps(5, 6)).toBe(true);
  });
});
