/**
 * One `hmm_pt` table in the implementation's complete state (writeState.ts, spec/stateSink.ts):
 * its entries in vpn order, each written by the caller, and its structure as it is, not as it
 * should be: every directory's count and pool flag, each upper directory's children found
 * through its summary (and the summary's popcount), each leaf scanned whole (so an entry its
 * count misses still shows), and whether the leaf cache is consistent (a consistent cache is
 * transparent, so its value is not written). Where directories sit in the pool is not written:
 * ids from history, compared only for equality; checkStructure checks their accounting.
 */
import type { StateSink } from '../../spec/index.js';
import { SPAN, TOP_LEVEL, type HmmPt } from '../pagetable/hmmPt.js';
import { CHUNK_MASK, CHUNK_SHIFT, DIR_ENTRIES, DIR_SHIFT, SUMMARY_WORDS } from '../pagetable/pool.js';

/** Writes `pt` into `s`: nil when empty, else its directories depth-first, then whether its leaf cache is consistent. */
export function writeTable(s: StateSink, pt: HmmPt, entry: (e: number) => void): void {
  if (pt.root === 0) {
    s.nil();
    return;
  }
  dir(s, pt, pt.root, TOP_LEVEL, 0, entry);
  s.bool(pt.leafKey === -1 || leafOf(pt, pt.leafKey) === pt.leafDir);
}

/**
 * One directory: count and pool flag; a leaf's non-zero entries; an upper directory's children
 * through its summary, then the summary's popcount (children it misses show there as a popcount
 * below the count).
 */
function dir(s: StateSink, pt: HmmPt, d: number, level: number, base: number, entry: (e: number) => void): void {
  const pool = pt.pool;
  s.int(pool.counts[d]);
  s.int(pool.inUse[d]);
  const c = pool.chunks[d >>> CHUNK_SHIFT];
  const off = (d & CHUNK_MASK) << DIR_SHIFT;
  if (level === 0) {
    // Eight entries at a time: most of a leaf is empty.
    for (let i = off, end = off + DIR_ENTRIES; i < end; i += 8) {
      if ((c[i] | c[i + 1] | c[i + 2] | c[i + 3] | c[i + 4] | c[i + 5] | c[i + 6] | c[i + 7]) === 0) continue;
      for (let j = i; j < i + 8; j++) {
        const e = c[j];
        if (e === 0) continue;
        s.int(base + j - off);
        entry(e);
      }
    }
    s.nil();
    return;
  }
  let bits = 0;
  for (let w = 0; w < SUMMARY_WORDS; w++) {
    let word = pool.summary[d * SUMMARY_WORDS + w];
    while (word !== 0) {
      const low = word & -word;
      word ^= low;
      bits++;
      const i = (w << 5) | (31 - Math.clz32(low));
      s.int(i);
      const child = c[off + i];
      if (child === 0) s.nil();
      else dir(s, pt, child, level - 1, base + i * SPAN[level], entry);
    }
  }
  s.nil();
  s.int(bits);
}

/** The leaf directory holding vpn, found from the root (0 if none). */
function leafOf(pt: HmmPt, vpn: number): number {
  const ch = pt.pool.chunks;
  let d = pt.root;
  for (let level = TOP_LEVEL; level > 0 && d !== 0; level--) {
    const idx = Math.floor(vpn / SPAN[level]) % DIR_ENTRIES;
    d = ch[d >>> CHUNK_SHIFT][((d & CHUNK_MASK) << DIR_SHIFT) | idx];
  }
  return d;
}
