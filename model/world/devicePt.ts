/**
 * Device page tables and the reporting rule (SPEC §2; INTERPRETATION 11).
 *
 * HMM never sees device ptes: when the driver drops (or replaces) one, its dirty bit goes to the
 * mirror pte at that vpn if that is valid and maps the same pfn, otherwise straight to the page
 * (lost if the page no longer exists).
 */
import type { Mirror, Pte, WorldState } from './state.js';

/** The device page table of `mirror` on its device: it exists from registration until the mirror is freed. */
export function devicePt(w: WorldState, mirror: Mirror): Map<number, Pte> {
  const pt = w.devices[mirror.dev].pt.get(mirror.id);
  if (pt === undefined) throw new Error(`device ${mirror.dev} has no page table for mirror ${mirror.id}`);
  return pt;
}

/** Drops the device pte of `mirror` at `vpn`, if present, reporting its dirty bit. */
export function dropDevicePte(w: WorldState, mirror: Mirror, vpn: number): void {
  const pt = devicePt(w, mirror);
  const pte = pt.get(vpn);
  if (pte === undefined) return;
  pt.delete(vpn);
  if (pte.dirty) reportDirty(w, mirror, vpn, pte.pfn);
}

/** Drops the device ptes of `mirror` in `[start, end)` in vpn order (reporting rule). */
export function dropDevicePtes(w: WorldState, mirror: Mirror, start: number, end: number): void {
  const vpns = [...devicePt(w, mirror).keys()].filter((vpn) => start <= vpn && vpn < end).sort((a, b) => a - b);
  for (const vpn of vpns) dropDevicePte(w, mirror, vpn);
}

/** Sets the device pte of `mirror` at `vpn` to `{pfn, write, dirty false}`. */
export function setDevicePte(w: WorldState, mirror: Mirror, vpn: number, pfn: number, write: boolean): void {
  devicePt(w, mirror).set(vpn, { pfn, write, dirty: false });
}

function reportDirty(w: WorldState, mirror: Mirror, vpn: number, pfn: number): void {
  const mirrorPte = mirror.pt.get(vpn);
  if (mirrorPte !== undefined && mirrorPte.pfn === pfn) {
    mirrorPte.dirty = true;
    return;
  }
  const page = w.pages.get(pfn);
  if (page !== undefined) page.dirty = true;
}

/** Moves a mirror pte's dirty bit to its page (lost if the page no longer exists). */
export function propagateDirty(w: WorldState, pte: Pte): void {
  if (!pte.dirty) return;
  const page = w.pages.get(pte.pfn);
  if (page !== undefined) page.dirty = true;
}
