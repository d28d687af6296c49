/**
 * Pages and CPU ptes (SPEC §2, §3 read/write; INTERPRETATION 5): allocation in pfn order,
 * mapcount, populate as `read` does, and the CPU pte walks the apply steps use.
 */
import type { CpuPte, Mm, Page, Vma, WorldState } from './state.js';

/** A new page with the next pfn, mapped once. */
export function allocPage(w: WorldState, data: number, dirty: boolean, stored: number | null): Page {
  const page: Page = { pfn: w.next.pfn++, data, dirty, stored, mapcount: 1 };
  w.pages.set(page.pfn, page);
  return page;
}

/** The page `pfn`; throws if it was freed while something still maps it. */
export function pageOf(w: WorldState, pfn: number): Page {
  const page = w.pages.get(pfn);
  if (page === undefined) throw new Error(`page ${pfn} is mapped but was freed`);
  return page;
}

/** One CPU pte stops mapping `pfn`; the page is freed when its mapcount reaches 0. */
export function unmapPage(w: WorldState, pfn: number): void {
  const page = pageOf(w, pfn);
  page.mapcount -= 1;
  if (page.mapcount === 0) w.pages.delete(pfn);
}

/**
 * Populates `vpn` as `read` does when its pte is absent or swapped: a zero page (`data 0`, clean,
 * `stored 0`) or a page read back from swap (`data = stored`, clean); writable iff the vma is `rw`.
 * Returns the present pte.
 */
export function populate(w: WorldState, mm: Mm, vpn: number, vma: Vma): CpuPte & { kind: 'present' } {
  const pte = mm.ptes.get(vpn);
  if (pte !== undefined && pte.kind === 'present') return pte;
  const data = pte === undefined ? 0 : pte.data;
  const page = allocPage(w, data, false, data);
  const present = { kind: 'present' as const, pfn: page.pfn, write: vma.prot === 'rw' };
  mm.ptes.set(vpn, present);
  return present;
}

/** The present CPU ptes of `[start, end)` in vpn order. */
export function presentPtesInRange(mm: Mm, start: number, end: number): [number, CpuPte & { kind: 'present' }][] {
  const found: [number, CpuPte & { kind: 'present' }][] = [];
  for (const [vpn, pte] of mm.ptes) {
    if (start <= vpn && vpn < end && pte.kind === 'present') found.push([vpn, pte]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** The vpns of `mm`'s ptes (present or swapped) in `[start, end)`, in order. */
export function pteVpnsInRange(mm: Mm, start: number, end: number): number[] {
  return [...mm.ptes.keys()].filter((vpn) => start <= vpn && vpn < end).sort((a, b) => a - b);
}
