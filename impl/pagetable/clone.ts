/**
 * Structural copies of an `hmm_pt`. `clonePt`: into an empty table of the same pool, every
 * directory copied whole (typed-array copy), as copy_page_range copies page-table pages;
 * O(populated directories) with no per-entry descent; used by fork (cpu/fork.ts).
 * `copyPtInto`: a table of a copy of the whole pool (`DirPool.clone`), where every directory
 * already sits at the same id, so only the root and the leaf cache are copied; used when a whole
 * world is copied (world/cloneCore.ts).
 */
import { CHUNK_MASK, CHUNK_SHIFT, DIR_ENTRIES, DIR_SHIFT, SUMMARY_WORDS, type DirPool } from './pool.js';
import { TOP_LEVEL, type HmmPt } from './hmmPt.js';

export function clonePt(src: HmmPt, dst: HmmPt): void {
  if (src.pool !== dst.pool) throw new Error('hmm_pt invariant: clonePt across pools');
  if (dst.root !== 0) throw new Error('hmm_pt invariant: clonePt into a non-empty table');
  dst.noteChange();
  if (src.root !== 0) dst.root = cloneDir(src.pool, src.root, TOP_LEVEL);
}

function cloneDir(pool: DirPool, d: number, level: number): number {
  const n = pool.alloc();
  const sc = pool.chunks[d >>> CHUNK_SHIFT];
  const soff = (d & CHUNK_MASK) << DIR_SHIFT;
  const dc = pool.chunks[n >>> CHUNK_SHIFT];
  const doff = (n & CHUNK_MASK) << DIR_SHIFT;
  pool.counts[n] = pool.counts[d];
  if (level === 0) {
    dc.set(sc.subarray(soff, soff + DIR_ENTRIES), doff);
    return n;
  }
  pool.summary.copyWithin(n * SUMMARY_WORDS, d * SUMMARY_WORDS, (d + 1) * SUMMARY_WORDS);
  for (let i = 0; i < DIR_ENTRIES; i++) {
    const child = sc[soff + i];
    if (child !== 0) dc[doff + i] = cloneDir(pool, child, level - 1);
  }
  return n;
}

/** Makes `dst`, a table of a copy of `src`'s pool (`DirPool.clone`), the copy of `src`. */
export function copyPtInto(src: HmmPt, dst: HmmPt): void {
  if (dst.pool === src.pool) throw new Error('hmm_pt invariant: copyPtInto within one pool (use clonePt)');
  dst.noteChange();
  dst.root = src.root;
  dst.leafKey = src.leafKey;
  dst.leafDir = src.leafDir;
}
