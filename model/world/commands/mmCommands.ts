/**
 * `fork`, `migrate`, `writeback`, `reclaim`, `exit` (SPEC §3; INTERPRETATION 7–9). Checks in
 * SPEC §3 order: EINVAL, ESRCH, EBUSY (fork: any CPU op in flight; exit: any op in flight).
 */
import {
  err, isRange, ok, opCreated, type Exit, type Fork, type InvalidationKind, type Migrate, type Reclaim, type Result, type Writeback,
} from '../../../spec/index.js';
import { forkMm } from '../apply.js';
import { createInvalidation } from '../invalidation.js';
import { releaseMirror, mirrorOf } from '../mirrors.js';
import { anyOpInFlight, cpuBusy, forkBusy, liveMm } from '../mm.js';
import { unmapPage } from '../pages.js';
import type { WorldState } from '../state.js';
import { isId } from './checks.js';

/**
 * `fork`: WRITE_PROTECT over `[lowest start, highest end)` of the `rw` vmas, whose apply makes
 * the child; with no `rw` vma the child appears at once and the result is `{ok: child}`.
 */
export function fork(w: WorldState, c: Fork): Result {
  if (!isId(c.mm)) return err('EINVAL');
  const mm = liveMm(w, c.mm);
  if (mm === undefined) return err('ESRCH');
  if (forkBusy(w, mm.id)) return err('EBUSY');
  const writable = mm.vmas.filter((vma) => vma.prot === 'rw');
  if (writable.length === 0) return ok(forkMm(w, mm).id);
  const start = Math.min(...writable.map((vma) => vma.start));
  const end = Math.max(...writable.map((vma) => vma.end));
  return opCreated(createInvalidation(w, { kind: 'fork', mm: mm.id, start, end }).id);
}

/** `migrate`, `writeback`, `reclaim`: always an op on the command's range (SPEC §3). */
function rangeOp(w: WorldState, kind: InvalidationKind, c: Migrate | Writeback | Reclaim): Result {
  if (!isId(c.mm) || !isRange(c.start, c.npages)) return err('EINVAL');
  const mm = liveMm(w, c.mm);
  if (mm === undefined) return err('ESRCH');
  const end = c.start + c.npages;
  if (cpuBusy(w, mm.id, c.start, end)) return err('EBUSY');
  return opCreated(createInvalidation(w, { kind, mm: mm.id, start: c.start, end }).id);
}

/** `migrate`: a MIGRATE op moving unshared pages to new pfns at apply. */
export function migrate(w: WorldState, c: Migrate): Result {
  return rangeOp(w, 'migrate', c);
}

/** `writeback`: an ISDIRTY op cleaning dirty pages at apply. */
export function writeback(w: WorldState, c: Writeback): Result {
  return rangeOp(w, 'writeback', c);
}

/** `reclaim`: a MIGRATE op sending unshared pages to swap at apply. */
export function reclaim(w: WorldState, c: Reclaim): Result {
  return rangeOp(w, 'reclaim', c);
}

/**
 * `exit`: EBUSY while any op of the mm is in flight. Releases every live mirror in registration
 * order, drops every pte in vpn order (pages freed at mapcount 0), then the vmas; the mm is dead.
 */
export function exit(w: WorldState, c: Exit): Result {
  if (!isId(c.mm)) return err('EINVAL');
  const mm = liveMm(w, c.mm);
  if (mm === undefined) return err('ESRCH');
  if (anyOpInFlight(w, mm.id)) return err('EBUSY');
  for (const id of [...mm.mirrors]) releaseMirror(w, mirrorOf(w, id));
  for (const vpn of [...mm.ptes.keys()].sort((a, b) => a - b)) {
    const pte = mm.ptes.get(vpn);
    mm.ptes.delete(vpn);
    if (pte?.kind === 'present') unmapPage(w, pte.pfn);
  }
  mm.vmas = [];
  mm.state = 'dead';
  return ok(0);
}
