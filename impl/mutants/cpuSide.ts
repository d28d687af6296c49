/**
 * CPU-side dirty mutants (SPEC §3 migrate and reclaim, applied at SPEC §4.2 step 5): the apply
 * step of the ops table is replaced for one kind of op. The kernel's migrate_page_copy carries
 * PageDirty to the new page; shrink_page_list calls pageout() on a dirty page before freeing it.
 */
import { applyEvent } from '../hmm/invalidate.js';
import type { Op } from '../hmm/op.js';
import { makePte, PFN_SHIFT, PTE_SWAP, PTE_VALID, PTE_WRITE } from '../pagetable/pte.js';
import { forEachPte } from '../pagetable/range.js';
import type { Core } from '../world/core.js';
import { mutant } from './mutant.js';

/** Migration as in SPEC §3, but the new page starts clean. */
function migrateClean(core: Core, op: Op): void {
  const pages = core.pages;
  forEachPte(op.mm.pt, op.start, op.end, (vpn, e) => {
    if ((e & PTE_SWAP) !== 0) return;
    const old = e >>> PFN_SHIFT;
    if (pages.mapcount[old] !== 1) return;
    const pfn = pages.alloc(pages.data[old], false, pages.stored[old]);
    op.mm.pt.update(vpn, makePte(pfn, e & PTE_WRITE));
    pages.unmap(old);
  });
}

/** Reclaim as in SPEC §3, but a dirty page goes to swap with its old stored copy. */
function reclaimUnwritten(core: Core, op: Op): void {
  const pages = core.pages;
  forEachPte(op.mm.pt, op.start, op.end, (vpn, e) => {
    if ((e & PTE_SWAP) !== 0) return;
    const pfn = e >>> PFN_SHIFT;
    if (pages.mapcount[pfn] !== 1) return;
    if (Number.isNaN(pages.stored[pfn])) pages.stored[pfn] = pages.data[pfn];
    const slot = core.swap.alloc(pages.stored[pfn]);
    op.mm.pt.update(vpn, makePte(slot, PTE_SWAP | PTE_VALID));
    pages.unmap(pfn);
  });
}

/** An apply step that runs `fault` for ops of `kind` and the default for the rest. */
function applyFor(kind: Op['kind'], fault: (core: Core, op: Op) => void) {
  return (core: Core, op: Op) => {
    if (op.kind !== kind) return applyEvent(core, op);
    fault(core, op);
    op.child = 0;
    op.phase = 'apply';
    return { ok: 0 };
  };
}

export const migrateDropsDirty = mutant({
  name: 'migrateDropsDirty',
  family: 'dirty',
  description: 'migration does not carry the dirty bit: the new page starts clean though its data is newer than the stored copy (SPEC §3 migrate: same data, dirty and stored; the kernel\'s migrate_page_copy/folio_migrate_flags copy PageDirty).',
  apply: { ops: { applyEvent: applyFor('migrate', migrateClean) } },
});

export const reclaimSkipsSwapWrite = mutant({
  name: 'reclaimSkipsSwapWrite',
  family: 'dirty',
  description: 'reclaim frees a dirty page without writing it to swap: the swap entry keeps the old stored copy and the newest data is lost (SPEC §3 reclaim: written to swap if dirty; the kernel\'s shrink_page_list pageout() of dirty pages).',
  apply: { ops: { applyEvent: applyFor('reclaim', reclaimUnwritten) } },
});

/** The CPU side of the masks-and-dirty-bits family. */
export const CPU_SIDE_MUTANTS = [migrateDropsDirty, reclaimSkipsSwapWrite];
