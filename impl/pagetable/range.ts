/**
 * Range operations of `hmm_pt` (the series' hmm_pt_iter): clear, pte_mask with dirty harvest,
 * and iteration over [start, end). They descend only into populated directories and stop
 * scanning a directory once all its counted entries were seen, so they cost
 * O(populated directories in range + mapped entries), never O(range size) (SPEC §4.2 commit,
 * the kernel's hmm_mirror_update/hmm_pt_iter_walk). Directories left empty go back to the pool.
 * Every function that writes entries marks the table changed (`HmmPt.noteChange`): a leaf that
 * removes entries through `walkRange` is marked by it, one that rewrites them in place marks it.
 */
import { PFN_SHIFT, PTE_DIRTY, PTE_FLAGS, PTE_VALID } from './pte.js';
import { CHUNK_MASK, CHUNK_SHIFT, DIR_ENTRIES, DIR_SHIFT, SUMMARY_WORDS } from './pool.js';
import { SPAN, TOP_LEVEL, type HmmPt } from './hmmPt.js';

/**
 * Visits entries [from, to) of one leaf at chunk c, offset off (count: the leaf's entry count);
 * returns how many entries it zeroed.
 */
export type LeafFn = (c: Uint32Array, off: number, from: number, to: number, vpnBase: number, count: number) => number;

/** Runs `leaf` over every populated leaf overlapping [start, end), then frees emptied directories. */
export function walkRange(pt: HmmPt, start: number, end: number, leaf: LeafFn): void {
  if (pt.root === 0 || start >= end) return;
  walkDir(pt, pt.root, TOP_LEVEL, 0, start, end, leaf);
  if (pt.pool.counts[pt.root] === 0) {
    pt.pool.free(pt.root);
    pt.root = 0;
  }
}

function walkDir(pt: HmmPt, d: number, level: number, base: number, start: number, end: number, leaf: LeafFn): void {
  const pool = pt.pool;
  const c = pool.chunks[d >>> CHUNK_SHIFT];
  const off = (d & CHUNK_MASK) << DIR_SHIFT;
  if (level === 0) {
    const from = start > base ? start - base : 0;
    const to = end - base < DIR_ENTRIES ? end - base : DIR_ENTRIES;
    const removed = leaf(c, off, from, to, base, pool.counts[d]);
    if (removed !== 0) {
      pool.counts[d] -= removed;
      pt.noteChange();
    }
    return;
  }
  const span = SPAN[level];
  const from = start > base ? Math.floor((start - base) / span) : 0;
  const to = end - base >= span * DIR_ENTRIES ? DIR_ENTRIES : Math.ceil((end - base) / span);
  // Children are found through the directory's summary bitmap, 32 at a time.
  const sumBase = d * SUMMARY_WORDS;
  for (let wi = from >>> 5, wl = (to - 1) >>> 5; wi <= wl; wi++) {
    let bits = pool.summary[sumBase + wi];
    if (bits === 0) continue;
    if (wi === from >>> 5) bits &= ~0 << (from & 31);
    if (wi === wl && (to & 31) !== 0) bits &= ~(~0 << (to & 31));
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const i = (wi << 5) | (31 - Math.clz32(low));
      const child = c[off + i];
      walkDir(pt, child, level - 1, base + i * span, start, end, leaf);
      if (pool.counts[child] === 0) {
        pt.leafKey = -1; // the leaf cache may name the directory freed here
        pool.free(child);
        c[off + i] = 0;
        pool.unmarkChild(d, i);
        pool.counts[d]--;
      }
    }
  }
}

/**
 * Clears every valid pte in [start, end); when `dirtyOut` is given, a dirty pte first sets
 * dirtyOut[pfn] = 1 (dirty harvest onto the page array). Returns the number of ptes cleared.
 */
export function clearRange(pt: HmmPt, start: number, end: number, dirtyOut: Uint8Array | null): number {
  let total = 0;
  walkRange(pt, start, end, (c, off, from, to, _base, count) => {
    let left = from === 0 ? count : DIR_ENTRIES;
    let n = 0;
    for (let i = off + from, lim = off + to; i < lim && left > 0; i++) {
      const e = c[i];
      if ((e & PTE_VALID) === 0) continue;
      left--;
      if ((e & PTE_DIRTY) !== 0 && dirtyOut !== null) dirtyOut[e >>> PFN_SHIFT] = 1;
      c[i] = 0;
      n++;
    }
    total += n;
    return n;
  });
  return total;
}

/**
 * Applies a pte_mask to every valid pte in [start, end): the flag bits outside `keep` are
 * cleared (VALID always stays, the pfn stays); a dirty pte is harvested into dirtyOut first.
 */
export function maskRange(pt: HmmPt, start: number, end: number, keep: number, dirtyOut: Uint8Array): void {
  const keepBits = (~PTE_FLAGS | keep | PTE_VALID) >>> 0;
  pt.noteChange();
  walkRange(pt, start, end, (c, off, from, to, _base, count) => {
    let left = from === 0 ? count : DIR_ENTRIES;
    for (let i = off + from, lim = off + to; i < lim && left > 0; i++) {
      const e = c[i];
      if (e === 0) continue;
      left--;
      if ((e & PTE_DIRTY) !== 0) dirtyOut[e >>> PFN_SHIFT] = 1;
      c[i] = e & keepBits;
    }
    return 0;
  });
}

/**
 * Calls fn(vpn, pte) for every valid pte in [start, end), in vpn order. fn may replace the
 * entry at that vpn with another non-zero one (HmmPt.update) and may insert into other tables;
 * it must not clear entries of this table (use clearEach).
 */
export function forEachPte(pt: HmmPt, start: number, end: number, fn: (vpn: number, e: number) => void): void {
  walkRange(pt, start, end, (c, off, from, to, base, count) => {
    let left = from === 0 ? count : DIR_ENTRIES;
    for (let i = from; i < to && left > 0; i++) {
      const e = c[off + i];
      if (e === 0) continue;
      left--;
      fn(base + i, e);
    }
    return 0;
  });
}

/** Calls fn(vpn, pte) for every valid pte in [start, end) in vpn order, then clears it. */
export function clearEach(pt: HmmPt, start: number, end: number, fn: (vpn: number, e: number) => void): void {
  walkRange(pt, start, end, (c, off, from, to, base, count) => {
    let left = from === 0 ? count : DIR_ENTRIES;
    let n = 0;
    for (let i = from; i < to && left > 0; i++) {
      const e = c[off + i];
      if (e === 0) continue;
      left--;
      fn(base + i, e);
      c[off + i] = 0;
      n++;
    }
    return n;
  });
}

/**
 * Rewrites every valid pte in [start, end) in place: fn(vpn, pte) returns the new, non-zero
 * entry (no descent per entry, unlike HmmPt.update). fn must not change this table otherwise.
 */
export function rewriteRange(pt: HmmPt, start: number, end: number, fn: (vpn: number, e: number) => number): void {
  pt.noteChange();
  walkRange(pt, start, end, (c, off, from, to, base, count) => {
    let left = from === 0 ? count : DIR_ENTRIES;
    for (let i = from; i < to && left > 0; i++) {
      const e = c[off + i];
      if (e === 0) continue;
      left--;
      const ne = fn(base + i, e);
      if (ne === 0) throw new Error(`hmm_pt invariant: rewriteRange would zero vpn ${base + i}`);
      c[off + i] = ne;
    }
    return 0;
  });
}
