/**
 * CPU page-table population and pte drops (SPEC §3 read/write, INTERPRETATION 5): an absent pte
 * gets a new zero page, a swapped pte a page read back from swap; the pte is writable iff the
 * vma is `rw`. The kernel's do_anonymous_page / do_swap_page.
 */
import type { Prot } from '../../spec/index.js';
import { makePte, PFN_SHIFT, PTE_SWAP, PTE_WRITE } from '../pagetable/pte.js';
import type { Core } from '../world/core.js';
import type { Mm } from './mm.js';

/** CPU pte of a present page. */
export const cpuPte = (pfn: number, write: boolean): number => makePte(pfn, write ? PTE_WRITE : 0);

/** Populates vpn if absent or swapped; returns the present CPU pte. */
export function populate(core: Core, mm: Mm, vpn: number, prot: Prot): number {
  const e = mm.pt.get(vpn);
  if (e !== 0 && (e & PTE_SWAP) === 0) return e;
  let pfn: number;
  if (e === 0) {
    pfn = core.pages.alloc(0, false, 0);
  } else {
    const slot = e >>> PFN_SHIFT;
    const data = core.swap.get(slot);
    core.swap.free(slot);
    pfn = core.pages.alloc(data, false, data);
  }
  const ne = cpuPte(pfn, prot === 'rw');
  mm.pt.set(vpn, ne);
  return ne;
}

/** Drops one CPU pte: a present one unmaps its page (freed at mapcount 0), a swapped one its slot. */
export function dropCpuPte(core: Core, e: number): void {
  if ((e & PTE_SWAP) !== 0) core.swap.free(e >>> PFN_SHIFT);
  else core.pages.unmap(e >>> PFN_SHIFT);
}
