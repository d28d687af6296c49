/**
 * The CPU side of each invalidation: SPEC §4.2 step 5 `apply` (the kernel's zap_page_range,
 * change_protection, wp_page_copy, migrate_pages, writepage, shrink_page_list), plus exit.
 * The pages it touches are present: no other CPU operation can overlap the op's range.
 */
import { makePte, PFN_SHIFT, PTE_SWAP, PTE_VALID, PTE_WRITE } from '../pagetable/pte.js';
import { clearEach, forEachPte } from '../pagetable/range.js';
import type { Op } from '../hmm/op.js';
import type { Core } from '../world/core.js';
import { bugOn } from '../hmm/bugOn.js';
import { cpuPte, dropCpuPte } from './populate.js';
import { forkMm } from './fork.js';
import type { Mm } from './mm.js';

/** Applies op's CPU change; returns the op's result value (fork: the child mm). */
export function applyCpu(core: Core, op: Op): number {
  const { mm, start, end } = op;
  switch (op.kind) {
    case 'munmap':
      mm.vmas.setRange(start, end, null);
      clearEach(mm.pt, start, end, (_vpn, e) => dropCpuPte(core, e));
      return 0;
    case 'mprotect':
      mm.vmas.protectRange(start, end, op.prot ?? 'none');
      writeProtect(mm, start, end);
      return 0;
    case 'cow':
      applyCow(core, op);
      return 0;
    case 'fork':
      return forkMm(core, mm).id;
    case 'migrate':
      migratePages(core, mm, start, end, copyPage);
      return 0;
    case 'writeback':
      applyWriteback(core, mm, start, end);
      return 0;
    case 'reclaim':
      reclaimPages(core, mm, start, end, writeOut);
      return 0;
    default:
      throw new Error(`apply invariant: op ${op.id} of kind ${op.kind} is not an invalidation`);
  }
}

/** Present ptes in [start, end) lose write (INTERPRETATION 3). */
export function writeProtect(mm: Mm, start: number, end: number): void {
  forEachPte(mm.pt, start, end, (vpn, e) => {
    if ((e & PTE_WRITE) !== 0) mm.pt.update(vpn, (e & ~PTE_WRITE) >>> 0);
  });
}

/** COW break (INTERPRETATION 6): a new writable dirty page, stored null; old page unmapped. */
function applyCow(core: Core, op: Op): void {
  const e = op.mm.pt.get(op.start);
  bugOn(e === 0 || (e & PTE_SWAP) !== 0, () => `cow invariant: op ${op.id} vpn ${op.start} not present at apply`);
  const old = e >>> PFN_SHIFT;
  const data = op.value ?? core.pages.data[old];
  const pfn = core.pages.alloc(data, true, NaN);
  op.mm.pt.update(op.start, cpuPte(pfn, true));
  core.pages.unmap(old);
}

/**
 * How a migration copies a page (SPEC §3 migrate: same data, dirty and stored): the new pfn.
 * A seam, so a mutant can change the copy without copying the migration's walk.
 */
export type PageCopy = (pages: Core['pages'], old: number) => number;

/** SPEC §3: the new page has the old one's data, dirty bit and stored copy. */
export const copyPage: PageCopy = (pages, old) => pages.alloc(pages.data[old], pages.dirty[old] === 1, pages.stored[old]);

/** Pages of mapcount 1 move to new pfns made by `copy` (same pte write bit), in vpn order. */
export function migratePages(core: Core, mm: Mm, start: number, end: number, copy: PageCopy): void {
  const pages = core.pages;
  forEachPte(mm.pt, start, end, (vpn, e) => {
    if ((e & PTE_SWAP) !== 0) return;
    const old = e >>> PFN_SHIFT;
    if (pages.mapcount[old] !== 1) return;
    mm.pt.update(vpn, makePte(copy(pages, old), e & PTE_WRITE));
    pages.unmap(old);
  });
}

/** Every present dirty page in range: stored = data, clean (shared or not). */
function applyWriteback(core: Core, mm: Mm, start: number, end: number): void {
  const pages = core.pages;
  forEachPte(mm.pt, start, end, (_vpn, e) => {
    if ((e & PTE_SWAP) !== 0) return;
    const pfn = e >>> PFN_SHIFT;
    if (pages.dirty[pfn] === 0) return;
    pages.stored[pfn] = pages.data[pfn];
    pages.dirty[pfn] = 0;
  });
}

/**
 * What reclaim writes to swap for a page it frees (SPEC §3 reclaim: written first if dirty, so
 * the swap entry holds the newest data): the value the swapped pte keeps. A seam, so a mutant
 * can change the write-out without copying reclaim's walk.
 */
export type SwapOut = (pages: Core['pages'], pfn: number) => number;

/**
 * SPEC §3: a dirty page is written (stored = data) before it goes. Interpretation beyond the
 * spec: a clean page whose stored copy is null (impossible while the rules hold) is written too,
 * so swap never holds null.
 */
export const writeOut: SwapOut = (pages, pfn) => {
  if (pages.dirty[pfn] === 1 || Number.isNaN(pages.stored[pfn])) {
    pages.stored[pfn] = pages.data[pfn];
    pages.dirty[pfn] = 0;
  }
  return pages.stored[pfn];
};

/** Pages of mapcount 1 go to swap with the value `out` gives; the pte becomes swapped, the page is freed. */
export function reclaimPages(core: Core, mm: Mm, start: number, end: number, out: SwapOut): void {
  const pages = core.pages;
  forEachPte(mm.pt, start, end, (vpn, e) => {
    if ((e & PTE_SWAP) !== 0) return;
    const pfn = e >>> PFN_SHIFT;
    if (pages.mapcount[pfn] !== 1) return;
    const slot = core.swap.alloc(out(pages, pfn));
    mm.pt.update(vpn, makePte(slot, PTE_SWAP | PTE_VALID));
    pages.unmap(pfn);
  });
}

/** exit's CPU part (INTERPRETATION 9): drop every pte in vpn order, then the vmas; mm dead. */
export function exitMm(core: Core, mm: Mm): void {
  clearEach(mm.pt, 0, 2 ** 36, (_vpn, e) => dropCpuPte(core, e));
  mm.vmas.list = [];
  mm.state = 'dead';
}
