/**
 * Structural self-check of `hmm_pt` tables and their pool: every directory's count equals its
 * non-zero entries, every non-zero leaf entry has VALID set, no empty directory is kept, no
 * directory is reachable twice, and the pool's accounting is exact (used = reachable, used +
 * free = capacity, free slots are all zero). Costs O(state); the world's incremental check
 * (world/structureCheck.ts) runs it on the tables a command changed and the slots it freed.
 *
 * Each condition is written as what must hold and goes through `expectHolds`, which writes a
 * breach down (its message built only then), except the two per-entry tests of `checkDir`, kept
 * as plain tests so that the loop over every entry allocates no message closure.
 */
import { PTE_VALID } from './pte.js';
import { CHUNK_MASK, CHUNK_SHIFT, DIR_ENTRIES, DIR_SHIFT, SUMMARY_WORDS, type DirPool } from './pool.js';
import { TOP_LEVEL, type HmmPt } from './hmmPt.js';

/**
 * Adds `message()` to `out` unless `holds`; returns `holds`. The message is built only for a
 * breach. Shared by the world's self-check (impl/world/checkWorld.ts).
 */
export function expectHolds(out: string[], holds: boolean, message: () => string): boolean {
  if (!holds) out.push(message());
  return holds;
}

/** Checks one table; adds every directory reached to `seen`. One message per breach. */
export function checkTable(pt: HmmPt, name: string, seen: Set<number>, out: string[]): void {
  if (pt.root !== 0) checkDir(pt.pool, pt.root, TOP_LEVEL, name, seen, out);
  expectHolds(out, pt.leafKey === -1 || leafOf(pt, pt.leafKey) === pt.leafDir,
    () => `${name}: leaf cache names directory ${pt.leafDir} for vpn ${pt.leafKey}, the table has ${leafOf(pt, pt.leafKey)}`);
}

/** The leaf directory holding vpn, found by descending from the root (0 if none). */
function leafOf(pt: HmmPt, vpn: number): number {
  const pool = pt.pool;
  const idx = [Math.floor(vpn / 2 ** 27), Math.floor(vpn / 2 ** 18) % 512, Math.floor(vpn / 2 ** 9) % 512];
  let d = pt.root;
  for (let k = 0; k < idx.length && d !== 0; k++) d = pool.chunks[d >>> CHUNK_SHIFT][((d & CHUNK_MASK) << DIR_SHIFT) | idx[k]];
  return d;
}

function checkDir(pool: DirPool, d: number, level: number, name: string, seen: Set<number>, out: string[]): void {
  // A directory reached twice is reported once and not descended again (a cycle would not end).
  if (!expectHolds(out, !seen.has(d), () => `${name}: directory ${d} reachable twice`)) return;
  seen.add(d);
  expectHolds(out, pool.inUse[d] === 1, () => `${name}: directory ${d} (level ${level}) is not allocated in the pool`);
  const c = pool.chunks[d >>> CHUNK_SHIFT];
  const off = (d & CHUNK_MASK) << DIR_SHIFT;
  let n = 0;
  for (let i = 0; i < DIR_ENTRIES; i++) {
    const e = c[off + i];
    if (e === 0) continue;
    n++;
    // Per entry, a plain test: no message closure on this path, which runs for every entry.
    if (level === 0) {
      if ((e & PTE_VALID) === 0) out.push(`${name}: leaf ${d} entry ${i} non-zero without VALID`);
    } else {
      checkDir(pool, e, level - 1, name, seen, out);
      const inSummary = (pool.summary[d * SUMMARY_WORDS + (i >>> 5)] >>> (i & 31)) & 1;
      if (inSummary !== 1) out.push(`${name}: directory ${d} child ${i} missing from its summary`);
    }
  }
  if (level > 0) {
    let bits = 0;
    for (let w = 0; w < SUMMARY_WORDS; w++) bits += popcount(pool.summary[d * SUMMARY_WORDS + w]);
    expectHolds(out, bits === n, () => `${name}: directory ${d} summary has ${bits} bits but ${n} children`);
  }
  expectHolds(out, n === pool.counts[d], () => `${name}: directory ${d} (level ${level}) count ${pool.counts[d]} but ${n} entries`);
  expectHolds(out, n !== 0, () => `${name}: empty directory ${d} (level ${level}) kept`);
}

/** Checks the pool against the directories reached from all its tables. */
export function checkPool(pool: DirPool, seen: Set<number>, out: string[]): void {
  expectHolds(out, pool.used === seen.size, () => `pool: ${pool.used} directories in use but ${seen.size} reachable`);
  expectHolds(out, pool.used + pool.freeCount === pool.capacity,
    () => `pool: used ${pool.used} + free ${pool.freeCount} != capacity ${pool.capacity}`);
  for (let d = 1; d <= pool.capacity; d++) checkFreeSlot(pool, d, out);
}

/** A free directory (one in use is skipped) has count 0, no summary and all entries zero. */
export function checkFreeSlot(pool: DirPool, d: number, out: string[]): void {
  if (pool.inUse[d] === 1) return;
  let summary = 0;
  for (let w = 0; w < SUMMARY_WORDS; w++) summary |= pool.summary[d * SUMMARY_WORDS + w];
  expectHolds(out, pool.counts[d] === 0, () => `pool: free directory ${d} has count ${pool.counts[d]}`);
  expectHolds(out, pool.isZero(d), () => `pool: free directory ${d} is not zeroed`);
  expectHolds(out, summary === 0, () => `pool: free directory ${d} has a summary`);
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}
