/**
 * `hmm_pt` mutants (the series' "mm/hmm/pt: add hmm page table": per-directory counts of valid
 * entries, and directories freed when they empty, hmm_pt_iter_fini). Both replace the commit's
 * clear of the mirror page table (events that remove entries: MUNMAP, MIGRATE), the one place
 * the mirror table is cleared by range. The implementation's `checkStructure` (rule
 * `ptStructure`) is what sees them.
 */
import type { Mirror } from '../hmm/mirror.js';
import { applyPteMask } from '../hmm/invalidate.js';
import type { HmmPt } from '../pagetable/hmmPt.js';
import { CHUNK_MASK, CHUNK_SHIFT, DIR_MASK, DIR_SHIFT } from '../pagetable/pool.js';
import { PFN_SHIFT, PTE_DIRTY } from '../pagetable/pte.js';
import { forEachPte, walkRange } from '../pagetable/range.js';
import type { Core } from '../world/core.js';
import { keepOf } from './mask.js';
import { mutant } from './mutant.js';

/** Clears m's valid ptes in range, harvesting dirty bits, but counts every entry visited as cleared. */
function clearCountingAll(core: Core, m: Mirror, start: number, end: number): void {
  const dirty = core.pages.dirty;
  m.pt.noteChange();
  walkRange(m.pt, start, end, (c, off, from, to) => {
    for (let i = off + from; i < off + to; i++) {
      const e = c[i];
      if (e === 0) continue;
      if ((e & PTE_DIRTY) !== 0) dirty[e >>> PFN_SHIFT] = 1;
      c[i] = 0;
    }
    return to - from;
  });
}

/**
 * hmm_pt's clear of one vpn (HmmPt.clear) with the fault: a directory whose count drops to 0 is
 * unlinked from its parent but never given back to the pool (the leak of a missing free).
 */
function clearLeaking(pt: HmmPt, vpn: number): void {
  pt.noteChange();
  const pool = pt.pool;
  const slot = (d: number, i: number): [Uint32Array, number] => [pool.chunks[d >>> CHUNK_SHIFT], ((d & CHUNK_MASK) << DIR_SHIFT) | i];
  const path: [number, Uint32Array, number][] = [];
  let d = pt.root;
  for (const idx of [Math.floor(vpn / 2 ** 27), (vpn >>> 18) & 511, (vpn >>> 9) & 511, vpn & 511]) {
    const [c, i] = slot(d, idx);
    path.push([d, c, i]);
    d = c[i];
  }
  for (let level = path.length - 1; level >= 0; level--) {
    const [dir, c, i] = path[level]!;
    c[i] = 0;
    if (level < path.length - 1) pool.unmarkChild(dir, i & DIR_MASK);
    if (--pool.counts[dir] !== 0) return;
  }
  pt.root = 0;
}

/** Clears m's valid ptes in range, harvesting dirty bits, leaking the directories that empty. */
function clearLeakingEmpty(core: Core, m: Mirror, start: number, end: number): void {
  const vpns: number[] = [];
  forEachPte(m.pt, start, end, (vpn, e) => {
    if ((e & PTE_DIRTY) !== 0) core.pages.dirty[e >>> PFN_SHIFT] = 1;
    vpns.push(vpn);
  });
  for (const vpn of vpns) clearLeaking(m.pt, vpn);
}

export const clearCountsInvalidEntry = mutant({
  name: 'clearCountsInvalidEntry',
  family: 'pagetable',
  description: 'clearing a range decrements a directory\'s count for every entry visited, valid or not, so the count drifts from the valid entries and a directory is kept or freed wrongly (the series\' hmm_pt: "count of valid entries" per directory; decrement only on a valid entry).',
  copies: [{ file: 'impl/pagetable/range.ts', fn: 'clearRange', hash: '7abd1f401893' }, { file: 'impl/hmm/invalidate.ts', fn: 'applyPteMask', hash: '60778006b1f8' }],
  apply: { ops: { applyPteMask: (core, op, m) => {
    if (keepOf(op.event) !== null) applyPteMask(core, op, m);
    else clearCountingAll(core, m, op.start, op.end);
  } } },
});

export const emptyDirectoryNotReturned = mutant({
  name: 'emptyDirectoryNotReturned',
  family: 'pagetable',
  description: 'a directory whose last valid entry is cleared is unlinked but not returned to the pool, so it leaks (the series\' hmm_pt_iter_fini frees directories whose count drops to 0).',
  copies: [{ file: 'impl/pagetable/hmmPt.ts', fn: 'HmmPt.clear', hash: 'bb12fc5f6f26' }, { file: 'impl/hmm/invalidate.ts', fn: 'applyPteMask', hash: '60778006b1f8' }],
  apply: { ops: { applyPteMask: (core, op, m) => {
    if (keepOf(op.event) !== null) applyPteMask(core, op, m);
    else clearLeakingEmpty(core, m, op.start, op.end);
  } } },
});

/** The page-table family. */
export const PAGE_TABLE_MUTANTS = [clearCountsInvalidEntry, emptyDirectoryNotReturned];
