/**
 * CPU-side dirty mutants (SPEC §3 migrate and reclaim, applied at SPEC §4.2 step 5): the apply
 * step of the ops table is replaced for one kind of op. The kernel's migrate_page_copy carries
 * PageDirty to the new page; shrink_page_list calls pageout() on a dirty page before freeing it.
 */
import { migratePages, reclaimPages, type PageCopy, type SwapOut } from '../cpu/apply.js';
import { applyEvent } from '../hmm/invalidate.js';
import type { Op } from '../hmm/op.js';
import type { Core } from '../world/core.js';
import { mutant } from './mutant.js';

/** Migration's page copy, but the new page starts clean. */
const copyClean: PageCopy = (pages, old) => pages.alloc(pages.data[old], false, pages.stored[old]);

/** Reclaim's write-out that never writes a dirty page: swap keeps the old stored copy (a page never stored is written). */
const keepStored: SwapOut = (pages, pfn) => {
  if (Number.isNaN(pages.stored[pfn])) pages.stored[pfn] = pages.data[pfn];
  return pages.stored[pfn];
};

/** The apply step of the ops table with `change` instead of the CPU change for ops of `kind`. */
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
  copies: [{ file: 'impl/cpu/apply.ts', fn: 'copyPage', hash: '5d3ae69e2a2d' }, { file: 'impl/hmm/invalidate.ts', fn: 'applyEvent', hash: 'b42a53173cc8' }],
  apply: { ops: { applyEvent: applyFor('migrate', (core, op) => migratePages(core, op.mm, op.start, op.end, copyClean)) } },
});

export const reclaimSkipsSwapWrite = mutant({
  name: 'reclaimSkipsSwapWrite',
  family: 'dirty',
  description: 'reclaim frees a dirty page without writing it to swap: the swap entry keeps the old stored copy and the newest data is lost (SPEC §3 reclaim: written to swap if dirty; the kernel\'s shrink_page_list pageout() of dirty pages).',
  copies: [{ file: 'impl/cpu/apply.ts', fn: 'writeOut', hash: 'e9948e2f5dba' }, { file: 'impl/hmm/invalidate.ts', fn: 'applyEvent', hash: 'b42a53173cc8' }],
  apply: { ops: { applyEvent: applyFor('reclaim', (core, op) => reclaimPages(core, op.mm, op.start, op.end, keepStored)) } },
});

/** The CPU side of the masks-and-dirty-bits family. */
export const CPU_SIDE_MUTANTS = [migrateDropsDirty, reclaimSkipsSwapWrite];
