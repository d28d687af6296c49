/**
 * Structural self-check of `hmm_pt` tables and their pool: every directory's count equals its
 * non-zero entries, every non-zero leaf entry has VALID set, no empty directory is kept, no
 * directory is reachable twice, and the pool's accounting is exact (used = reachable, used +
 * free = capacity, free slots are all zero). Costs O(state); tests run it after every command.
 */
import { PTE_VALID } from './pte.js';
import { CHUNK_MASK, CHUNK_SHIFT, DIR_ENTRIES, DIR_SHIFT, SUMMARY_WORDS, type DirPool } from './pool.js';
import { TOP_LEVEL, type HmmPt } from './hmmPt.js';

/** Checks one table; adds every directory reached to `seen`. One message per breach. */
export function checkTable(pt: HmmPt, name: string, seen: Set<number>, out: string[]): void {
  if (pt.root !== 0) checkDir(pt.pool, pt.root, TOP_LEVEL, name, seen, out);
  if (pt.leafKey !== -1 && leafOf(pt, pt.leafKey) !== pt.leafDir) {
    out.push(`${name}: leaf cache names directory ${pt.leafDir} for vpn ${pt.leafKey}, the table has ${leafOf(pt, pt.leafKey)}`);
  }
}

/** The leaf directory holding vpn, found by descending from the root (0 if none). */
function leafOf(pt: HmmPt, vpn: number): number {
  const pool = pt.pool;
  let d = pt.root;
  const idx = [Math.floor(vpn / 2 ** 27), Math.floor(vpn / 2 ** 18) % 512, Math.floor(vpn / 2 ** 9) % 512];
  for (const i of idx) {
    if (d === 0) return 0;
    d = pool.chunks[d >>> CHUNK_SHIFT][((d & CHUNK_MASK) << DIR_SHIFT) | i];
  }
  return d;
}

function checkDir(pool: DirPool, d: number, level: number, name: string, seen: Set<number>, out: string[]): void {
  if (seen.has(d)) {
    out.push(`${name}: directory ${d} reachable twice`);
    return;
  }
  seen.add(d);
  if (pool.inUse[d] !== 1) out.push(`${name}: directory ${d} (level ${level}) is not allocated in the pool`);
  const c = pool.chunks[d >>> CHUNK_SHIFT];
  const off = (d & CHUNK_MASK) << DIR_SHIFT;
  let n = 0;
  for (let i = 0; i < DIR_ENTRIES; i++) {
    const e = c[off + i];
    if (e === 0) continue;
    n++;
    if (level === 0) {
      if ((e & PTE_VALID) === 0) out.push(`${name}: leaf ${d} entry ${i} non-zero without VALID`);
    } else {
      checkDir(pool, e, level - 1, name, seen, out);
    }
    if (level > 0 && ((pool.summary[d * SUMMARY_WORDS + (i >>> 5)] >>> (i & 31)) & 1) !== 1) {
      out.push(`${name}: directory ${d} child ${i} missing from its summary`);
    }
  }
  if (level > 0) {
    let bits = 0;
    for (let w = 0; w < SUMMARY_WORDS; w++) bits += popcount(pool.summary[d * SUMMARY_WORDS + w]);
    if (bits !== n) out.push(`${name}: directory ${d} summary has ${bits} bits but ${n} children`);
  }
  if (n !== pool.counts[d]) out.push(`${name}: directory ${d} (level ${level}) count ${pool.counts[d]} but ${n} entries`);
  if (n === 0) out.push(`${name}: empty directory ${d} (level ${level}) kept`);
}

/** Checks the pool against the directories reached from all its tables. */
export function checkPool(pool: DirPool, seen: Set<number>, out: string[]): void {
  if (pool.used !== seen.size) out.push(`pool: ${pool.used} directories in use but ${seen.size} reachable`);
  if (pool.used + pool.freeCount !== pool.capacity) {
    out.push(`pool: used ${pool.used} + free ${pool.freeCount} != capacity ${pool.capacity}`);
  }
  for (let d = 1; d <= pool.capacity; d++) {
    if (pool.inUse[d] === 1) continue;
    if (pool.counts[d] !== 0) out.push(`pool: free directory ${d} has count ${pool.counts[d]}`);
    if (!pool.isZero(d)) out.push(`pool: free directory ${d} is not zeroed`);
    for (let w = 0; w < SUMMARY_WORDS; w++) {
      if (pool.summary[d * SUMMARY_WORDS + w] !== 0) out.push(`pool: free directory ${d} has a summary`);
    }
  }
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}
