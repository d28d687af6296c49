/**
 * hmm_pt unit tests. Expectations are worked from the layout: 4 levels of 9 bits (root indexed
 * by vpn bits 27..35, then 18..26, 9..17, leaf 0..8), one directory per populated node, an
 * empty directory freed at once, ptes VALID|WRITE|DIRTY|pfn<<3.
 */
import { describe, expect, it } from 'vitest';
import {
  CHUNK_MASK, CHUNK_SHIFT, checkPool, checkTable, clearRange, clonePt, rewriteRange, DIR_SHIFT, DirPool, forEachPte, HmmPt,
  makePte, maskRange, PFN_LIMIT, PFN_SHIFT, PTE_DIRTY, PTE_VALID, PTE_WRITE,
} from '../../impl/pagetable/index.js';

function fresh(): HmmPt {
  return new HmmPt(new DirPool());
}
function sound(...pts: HmmPt[]): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  pts.forEach((pt, i) => checkTable(pt, `pt${i}`, seen, out));
  checkPool(pts[0].pool, seen, out);
  return out;
}
/** The pte fields, decoded from the layout above (bit 1 WRITE, bit 2 DIRTY, bits 3.. the pfn). */
const ptePfn = (e: number): number => e >>> PFN_SHIFT;
const pteWrite = (e: number): boolean => (e & PTE_WRITE) !== 0;
const pteDirty = (e: number): boolean => (e & PTE_DIRTY) !== 0;
/** Valid ptes in [start, end), counted by a walk. */
function countRange(pt: HmmPt, start: number, end: number): number {
  return visit(pt, start, end).length;
}
function visit(pt: HmmPt, start = 0, end = 2 ** 36): number[] {
  const v: number[] = [];
  forEachPte(pt, start, end, (vpn) => v.push(vpn));
  return v;
}

describe('pte packing', () => {
  it('packs valid, write, dirty and the pfn', () => {
    const e = makePte(7, PTE_WRITE | PTE_DIRTY);
    // 7 << 3 = 56, + VALID 1 + WRITE 2 + DIRTY 4 = 63
    expect(e).toBe(63);
    expect([ptePfn(e), pteWrite(e), pteDirty(e)]).toEqual([7, true, true]);
  });
  it('holds the largest pfn of the 29-bit field unsigned', () => {
    const e = makePte(PFN_LIMIT - 1, PTE_WRITE);
    // (2^29 - 1) * 8 + 3 = 2^32 - 5
    expect(e).toBe(2 ** 32 - 5);
    const a = new Uint32Array(1);
    a[0] = e;
    expect(ptePfn(a[0])).toBe(PFN_LIMIT - 1);
  });
  it('throws a clear invariant error past the field', () => {
    expect(() => makePte(PFN_LIMIT, 0)).toThrow(/does not fit the 29-bit pte field/);
  });
});

describe('hmm_pt insert, lookup and directories', () => {
  it('an empty table holds no directory', () => {
    const pt = fresh();
    expect(pt.get(0)).toBe(0);
    expect(pt.get(2 ** 36 - 1)).toBe(0);
    expect(pt.root).toBe(0);
    expect(pt.pool.used).toBe(0);
  });
  it('one pte needs root, level 2, level 1 and a leaf', () => {
    const pt = fresh();
    pt.set(5, makePte(9, PTE_WRITE));
    expect(ptePfn(pt.get(5))).toBe(9);
    expect(pt.get(4)).toBe(0);
    expect(pt.pool.used).toBe(4);
    expect(sound(pt)).toEqual([]);
  });
  it('crossing each directory boundary adds exactly the directories below it', () => {
    const pt = fresh();
    pt.set(511, makePte(1, 0)); // root, L2, L1, leaf 0 → 4
    pt.set(512, makePte(2, 0)); // leaf 1 under the same L1 → 5
    expect(pt.pool.used).toBe(5);
    pt.set(2 ** 18, makePte(3, 0)); // a new L1 and its leaf → 7
    expect(pt.pool.used).toBe(7);
    pt.set(2 ** 27, makePte(4, 0)); // a new L2, L1 and leaf → 10
    expect(pt.pool.used).toBe(10);
    pt.set(2 ** 36 - 1, makePte(5, 0)); // root index 511: L2, L1, leaf → 13
    expect(pt.pool.used).toBe(13);
    expect(ptePfn(pt.get(2 ** 36 - 1))).toBe(5);
    expect(sound(pt)).toEqual([]);
  });
  it('replacing an entry keeps the count', () => {
    const pt = fresh();
    pt.set(3, makePte(1, 0));
    pt.set(3, makePte(2, PTE_WRITE));
    expect(countRange(pt, 0, 2 ** 36)).toBe(1);
    expect(sound(pt)).toEqual([]);
  });
});

describe('hmm_pt clear frees empty directories at once', () => {
  it('clearing the last pte of a leaf frees the leaf and emptied ancestors', () => {
    const pt = fresh();
    pt.set(511, makePte(1, 0));
    pt.set(512, makePte(2, 0));
    expect(pt.clear(512)).toBe(makePte(2, 0)); // leaf 1 freed → 4
    expect(pt.pool.used).toBe(4);
    expect(pt.clear(512)).toBe(0);
    pt.clear(511); // everything freed, root included
    expect(pt.pool.used).toBe(0);
    expect(pt.root).toBe(0);
    expect(sound(pt)).toEqual([]);
  });
  it('freed directories are reused; capacity does not grow', () => {
    const pt = fresh();
    pt.set(0, makePte(1, 0));
    const cap = pt.pool.capacity;
    pt.clear(0);
    for (let i = 0; i < 10; i++) {
      pt.set(i * 512, makePte(1, 0));
      pt.clear(i * 512);
    }
    expect(pt.pool.capacity).toBe(cap);
    expect(pt.pool.freeCount).toBe(cap);
  });
});

describe('hmm_pt range operations', () => {
  it('iterates in vpn order across directory boundaries, only inside the range', () => {
    const pt = fresh();
    for (const v of [2 ** 27 + 1, 3, 511, 512, 2 ** 18]) pt.set(v, makePte(1, 0));
    expect(visit(pt)).toEqual([3, 511, 512, 2 ** 18, 2 ** 27 + 1]);
    expect(visit(pt, 4, 2 ** 18)).toEqual([511, 512]);
    expect(visit(pt, 512, 2 ** 18 + 1)).toEqual([512, 2 ** 18]);
    expect(visit(pt, 2 ** 18 + 1, 2 ** 27 + 1)).toEqual([]);
  });
  it('clearRange harvests dirty ptes into the page array and frees directories', () => {
    const pt = fresh();
    pt.set(100, makePte(10, PTE_WRITE | PTE_DIRTY));
    pt.set(600, makePte(11, PTE_WRITE));
    pt.set(2 ** 30, makePte(12, PTE_WRITE | PTE_DIRTY));
    const dirty = new Uint8Array(16);
    // [0, 2^30) holds vpns 100 and 600: two cleared, pfn 10 harvested, not 11 nor 12.
    expect(clearRange(pt, 0, 2 ** 30, dirty)).toBe(2);
    expect([dirty[10], dirty[11], dirty[12]]).toEqual([1, 0, 0]);
    expect(visit(pt)).toEqual([2 ** 30]);
    // Remaining: root + L2 + L1 + leaf for 2^30.
    expect(pt.pool.used).toBe(4);
    expect(sound(pt)).toEqual([]);
  });
  it('maskRange keeps VALID (WRITE_PROTECT) or VALID|WRITE (ISDIRTY), harvesting dirty', () => {
    const pt = fresh();
    pt.set(1, makePte(5, PTE_WRITE | PTE_DIRTY));
    pt.set(2, makePte(6, PTE_WRITE));
    const dirty = new Uint8Array(8);
    maskRange(pt, 0, 3, PTE_VALID | PTE_WRITE, dirty);
    expect([pt.get(1), pt.get(2)]).toEqual([makePte(5, PTE_WRITE), makePte(6, PTE_WRITE)]);
    expect(dirty[5]).toBe(1);
    maskRange(pt, 2, 3, PTE_VALID, dirty);
    expect([pt.get(1), pt.get(2)]).toEqual([makePte(5, PTE_WRITE), makePte(6, 0)]);
    expect(countRange(pt, 0, 2 ** 36)).toBe(2);
  });
  it('a huge sparse range visits only what is mapped', () => {
    const pt = fresh();
    for (let i = 0; i < 100; i++) pt.set(i * 2 ** 20 + 7, makePte(i + 1, 0));
    expect(countRange(pt, 0, 2 ** 36)).toBe(100);
    expect(countRange(pt, 7, 2 ** 20 * 50 + 8)).toBe(51);
    expect(clearRange(pt, 0, 2 ** 36, null)).toBe(100);
    expect(pt.pool.used).toBe(0);
  });
  it('checkTable reports a wrong count and an empty kept directory', () => {
    const pt = fresh();
    pt.set(0, makePte(1, 0));
    pt.pool.counts[pt.root] = 2;
    expect(sound(pt).some((s) => s.includes('count 2 but 1 entries'))).toBe(true);
  });
  it('checkTable and checkPool name each breach of a broken table once', () => {
    const pt = fresh();
    pt.set(5, makePte(1, 0));
    const leaf = pt.leafDir;
    pt.pool.chunks[leaf >>> CHUNK_SHIFT][((leaf & CHUNK_MASK) << DIR_SHIFT) | 6] = 8; // non-zero without VALID, not counted
    pt.leafDir = pt.root; // the leaf cache names another directory
    const out = sound(pt);
    expect(out).toContain(`pt0: leaf ${leaf} entry 6 non-zero without VALID`);
    expect(out).toContain(`pt0: directory ${leaf} (level 0) count 1 but 2 entries`);
    expect(out.some((m) => m.startsWith('pt0: leaf cache names directory'))).toBe(true);
  });
  it('a directory reached from two tables is reported, and counted once', () => {
    const pool = new DirPool();
    const a = new HmmPt(pool);
    a.set(0, makePte(1, 0));
    const b = new HmmPt(pool);
    b.root = a.root;
    expect(sound(a, b)).toEqual([`pt1: directory ${a.root} reachable twice`]);
  });
});

describe('hmm_pt structural copy and in-place rewrite', () => {
  it('clonePt copies every entry into fresh directories of the same pool', () => {
    const pool = new DirPool();
    const src = new HmmPt(pool);
    for (const v of [0, 511, 512, 2 ** 18 + 3, 2 ** 35]) src.set(v, makePte(v % 1000 + 1, PTE_WRITE));
    const used = pool.used; // root + ... : whatever src needs, the copy needs as many again
    const dst = new HmmPt(pool);
    clonePt(src, dst);
    expect(pool.used).toBe(2 * used);
    expect(visit(dst)).toEqual(visit(src));
    for (const v of visit(src)) expect(dst.get(v)).toBe(src.get(v));
    // independent: clearing the copy leaves the source
    clearRange(dst, 0, 2 ** 36, null);
    expect(visit(src)).toEqual([0, 511, 512, 2 ** 18 + 3, 2 ** 35]);
    expect(sound(src, dst)).toEqual([]);
  });
  it('rewriteRange replaces entries in range only', () => {
    const pt = fresh();
    for (const v of [1, 2, 600]) pt.set(v, makePte(v, PTE_WRITE));
    rewriteRange(pt, 2, 601, (_v, e) => (e & ~PTE_WRITE) >>> 0);
    expect([pteWrite(pt.get(1)), pteWrite(pt.get(2)), pteWrite(pt.get(600))]).toEqual([true, false, false]);
    expect(() => rewriteRange(pt, 0, 3, () => 0)).toThrow(/would zero/);
  });
});

describe('hmm_pt against a Map (random operations)', () => {
  it('agrees with a Map and stays sound', () => {
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pool = new DirPool();
    const pt = new HmmPt(pool);
    const other = new HmmPt(pool);
    other.set(77, makePte(1, 0));
    const ref = new Map<number, number>();
    const vpnOf = (): number => [rnd(2048), 2 ** 18 - 2 + rnd(4), 2 ** 27 * rnd(3) + rnd(600)][rnd(3)];
    for (let i = 0; i < 3000; i++) {
      const k = rnd(10);
      if (k < 5) {
        const v = vpnOf();
        const e = makePte(1 + rnd(1000), rnd(8) & 6);
        pt.set(v, e);
        ref.set(v, e);
      } else if (k < 8) {
        const v = vpnOf();
        expect(pt.clear(v)).toBe(ref.get(v) ?? 0);
        ref.delete(v);
      } else {
        const s = vpnOf();
        const n = 1 + rnd(3000);
        clearRange(pt, s, s + n, null);
        for (const v of [...ref.keys()]) if (v >= s && v < s + n) ref.delete(v);
      }
      if (i % 100 === 0) expect(sound(pt, other)).toEqual([]);
    }
    const keys = [...ref.keys()].sort((a, b) => a - b);
    expect(visit(pt)).toEqual(keys);
    for (const k of keys) expect(pt.get(k)).toBe(ref.get(k));
    expect(sound(pt, other)).toEqual([]);
  });
});
