/**
 * Shared by the dirty-bit and range mutants: the pte_mask of SPEC §4.1 applied to one mirror's
 * range with the harvest switched on or off, as a faulty hmm_mirror_update would do it.
 */
import type { EventType } from '../../spec/index.js';
import type { Mirror } from '../hmm/mirror.js';
import { PTE_VALID, PTE_WRITE } from '../pagetable/pte.js';
import { clearRange, maskRange } from '../pagetable/range.js';
import type { Core } from '../world/core.js';

/** The flag bits an event type keeps (SPEC §4.1), or null when it removes the entry. */
export function keepOf(event: EventType): number | null {
  switch (event) {
    case 'WRITE_PROTECT': return PTE_VALID;
    case 'ISDIRTY': return PTE_VALID | PTE_WRITE;
    default: return null;
  }
}

/** Applies `keep` (null: remove) to m's valid ptes in [start, end); dirty bits reach pages only if `harvest`. */
export function maskMirror(core: Core, m: Mirror, start: number, end: number, keep: number | null, harvest: boolean): void {
  const sink = harvest ? core.pages.dirty : new Uint8Array(core.pages.dirty.length);
  if (keep === null) clearRange(m.pt, start, end, harvest ? sink : null);
  else maskRange(m.pt, start, end, keep, sink);
}
