/**
 * Dropping device ptes with the reporting rule (SPEC §2, INTERPRETATION 11): a dropped device
 * pte's dirty bit goes to the mirror pte at that vpn if that is valid and maps the same pfn,
 * otherwise to the page (lost if the page was freed: its slot is never read again).
 * This is what the driver does in its update, at signal/fail, at fault commit and at teardown.
 */
import { clearEach } from '../pagetable/range.js';
import { PFN_SHIFT, PTE_DIRTY } from '../pagetable/pte.js';
import type { Mirror } from '../hmm/mirror.js';
import type { Core } from '../world/core.js';

/** Reports the dirty bit of a dropped device pte `e` at vpn. */
export function reportDirty(core: Core, m: Mirror, vpn: number, e: number): void {
  if ((e & PTE_DIRTY) === 0) return;
  const me = m.pt.get(vpn);
  if (me !== 0 && me >>> PFN_SHIFT === e >>> PFN_SHIFT) m.pt.update(vpn, me | PTE_DIRTY);
  else core.pages.dirty[e >>> PFN_SHIFT] = 1;
}

/** Drops m's device ptes in [start, end) in vpn order, reporting dirty bits. */
export function dropDevicePtes(core: Core, m: Mirror, start: number, end: number): void {
  clearEach(m.devicePt, start, end, (vpn, e) => reportDirty(core, m, vpn, e));
}

/** Drops m's device pte at vpn, if any, reporting its dirty bit. */
export function dropDevicePte(core: Core, m: Mirror, vpn: number): void {
  const e = m.devicePt.clear(vpn);
  if (e !== 0) reportDirty(core, m, vpn, e);
}
