/**
 * fork's copy (SPEC §3 fork, INTERPRETATION 7; the kernel's dup_mmap/copy_page_range): the child
 * takes the next mm id and copies of all vmas and ptes; present ptes are shared (mapcount + 1)
 * and those in `rw` vmas become read-only in both; swapped ptes are copied (a new swap slot with
 * the same data). One pass over the parent's ptes, a structural copy of its table, then a pass
 * giving the child's swapped ptes their own slots.
 */
import { makePte, PFN_SHIFT, PTE_FLAGS, PTE_SWAP, PTE_WRITE } from '../pagetable/pte.js';
import { clonePt } from '../pagetable/clone.js';
import { rewriteRange } from '../pagetable/range.js';
import type { Core } from '../world/core.js';
import type { Mm } from './mm.js';

const ALL = 2 ** 36;

export function forkMm(core: Core, parent: Mm): Mm {
  const child = core.newMm();
  child.vmas = parent.vmas.clone();
  const mapcount = core.pages.mapcount;
  let swapped = 0;
  rewriteRange(parent.pt, 0, ALL, (vpn, e) => {
    if ((e & PTE_SWAP) !== 0) {
      swapped++;
      return e;
    }
    mapcount[e >>> PFN_SHIFT]++;
    return (e & PTE_WRITE) !== 0 && parent.vmas.protAt(vpn) === 'rw' ? (e & ~PTE_WRITE) >>> 0 : e;
  });
  clonePt(parent.pt, child.pt);
  if (swapped > 0) {
    const swap = core.swap;
    rewriteRange(child.pt, 0, ALL, (_vpn, e) =>
      (e & PTE_SWAP) !== 0 ? makePte(swap.alloc(swap.get(e >>> PFN_SHIFT)), e & PTE_FLAGS) : e);
  }
  return child;
}
