/**
 * The apply step of an invalidation (SPEC §3 effects, §4.2 step 5; INTERPRETATION 3, 6, 7, 8):
 * the CPU page-table change. The pages it touches are still present: no other CPU operation of
 * the mm could overlap.
 */
import { allocPage, pageOf, presentPtesInRange, pteVpnsInRange, unmapPage } from './pages.js';
import { findVma, setVmaRange } from './vmas.js';
import { newMm, type Invalidation, type Mm, type WorldState } from './state.js';

/** Performs the CPU change of `op` on its mm. */
export function applyCpuChange(w: WorldState, op: Invalidation, mm: Mm): void {
  switch (op.kind) {
    case 'munmap': return applyMunmap(w, mm, op.start, op.end);
    case 'mprotect': return applyMprotect(mm, op);
    case 'cow': return applyCow(w, mm, op);
    case 'fork': op.child = forkMm(w, mm).id; return;
    case 'migrate': return applyMigrate(w, mm, op.start, op.end);
    case 'writeback': return applyWriteback(w, mm, op.start, op.end);
    case 'reclaim': return applyReclaim(w, mm, op.start, op.end);
  }
}

/** Removes the vma parts and ptes of `[start, end)`; mapcounts drop. */
function applyMunmap(w: WorldState, mm: Mm, start: number, end: number): void {
  for (const vpn of pteVpnsInRange(mm, start, end)) {
    const pte = mm.ptes.get(vpn);
    mm.ptes.delete(vpn);
    if (pte?.kind === 'present') unmapPage(w, pte.pfn);
  }
  setVmaRange(mm, start, end, null);
}

/** The vmas take the new prot; present ptes lose write (swapped ptes stay). */
function applyMprotect(mm: Mm, op: Invalidation): void {
  if (op.prot === null) throw new Error(`mprotect op ${op.id} carries no prot`);
  setVmaRange(mm, op.start, op.end, op.prot);
  for (const [, pte] of presentPtesInRange(mm, op.start, op.end)) pte.write = false;
}

/**
 * COW break: the pte gets a new writable page (the written value, or the old data for a cow made
 * by a device fault), dirty with no stored copy; the old page's mapcount drops.
 */
function applyCow(w: WorldState, mm: Mm, op: Invalidation): void {
  const pte = mm.ptes.get(op.start);
  if (pte?.kind !== 'present') throw new Error(`cow op ${op.id}: vpn ${op.start} of mm ${mm.id} is not present`);
  const old = pageOf(w, pte.pfn);
  const page = allocPage(w, op.value ?? old.data, true, null);
  unmapPage(w, old.pfn);
  pte.pfn = page.pfn;
  pte.write = true;
}

/**
 * The child mm appears (numbered now) with copies of every vma and pte: present ptes are shared
 * (mapcount + 1) and those in `rw` vmas become read-only in both; swapped ptes are copied.
 */
export function forkMm(w: WorldState, parent: Mm): Mm {
  const child = newMm(w.next.mm++);
  child.vmas = parent.vmas.map((vma) => ({ ...vma }));
  for (const vpn of [...parent.ptes.keys()].sort((a, b) => a - b)) {
    const pte = parent.ptes.get(vpn);
    if (pte === undefined) continue;
    if (pte.kind === 'swapped') {
      child.ptes.set(vpn, { kind: 'swapped', data: pte.data });
      continue;
    }
    if (findVma(parent, vpn)?.prot === 'rw') pte.write = false;
    pageOf(w, pte.pfn).mapcount += 1;
    child.ptes.set(vpn, { kind: 'present', pfn: pte.pfn, write: pte.write });
  }
  w.mms.set(child.id, child);
  return child;
}

/** Every present page of mapcount 1 moves to a new pfn with the same data, dirty and stored. */
function applyMigrate(w: WorldState, mm: Mm, start: number, end: number): void {
  for (const [, pte] of presentPtesInRange(mm, start, end)) {
    const old = pageOf(w, pte.pfn);
    if (old.mapcount !== 1) continue;
    const page = allocPage(w, old.data, old.dirty, old.stored);
    w.pages.delete(old.pfn);
    pte.pfn = page.pfn;
  }
}

/** Every present dirty page gets `stored = data` and becomes clean, shared or not. */
function applyWriteback(w: WorldState, mm: Mm, start: number, end: number): void {
  for (const [, pte] of presentPtesInRange(mm, start, end)) {
    const page = pageOf(w, pte.pfn);
    if (!page.dirty) continue;
    page.stored = page.data;
    page.dirty = false;
  }
}

/** Every present page of mapcount 1 goes to swap (written first if dirty) and is freed. */
function applyReclaim(w: WorldState, mm: Mm, start: number, end: number): void {
  for (const [vpn, pte] of presentPtesInRange(mm, start, end)) {
    const page = pageOf(w, pte.pfn);
    if (page.mapcount !== 1) continue;
    if (page.dirty) page.stored = page.data;
    if (page.stored === null) throw new Error(`reclaim: page ${page.pfn} is clean with no stored copy`);
    mm.ptes.set(vpn, { kind: 'swapped', data: page.stored });
    w.pages.delete(page.pfn);
  }
}
