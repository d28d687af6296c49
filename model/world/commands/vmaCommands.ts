/**
 * `mmap`, `munmap`, `mprotect` (SPEC §3; INTERPRETATION 2–4). Checks in SPEC §3 order:
 * EINVAL, ESRCH, EBUSY, then the command's own conditions.
 */
import { err, isProt, isRange, ok, opCreated, type Mmap, type Mprotect, type Munmap, type Prot, type Result } from '../../../spec/index.js';
import { createInvalidation } from '../invalidation.js';
import { cpuBusy, liveMm } from '../mm.js';
import type { Mm, WorldState } from '../state.js';
import { rangeCovered, setVmaRange, vmasOverlapping } from '../vmas.js';
import { isId } from './checks.js';

/** `mmap`: adds a vma; nothing is populated. EEXIST when it overlaps a vma. */
export function mmap(w: WorldState, c: Mmap): Result {
  if (!isId(c.mm) || !isRange(c.start, c.npages) || !isProt(c.prot)) return err('EINVAL');
  const mm = liveMm(w, c.mm);
  if (mm === undefined) return err('ESRCH');
  const end = c.start + c.npages;
  if (cpuBusy(w, mm.id, c.start, end)) return err('EBUSY');
  if (vmasOverlapping(mm, c.start, end).length > 0) return err('EEXIST');
  setVmaRange(mm, c.start, end, c.prot);
  return ok(0);
}

/** `munmap`: a MUNMAP invalidation, or `{ok:0}` at once when no vma overlaps the range. */
export function munmap(w: WorldState, c: Munmap): Result {
  if (!isId(c.mm) || !isRange(c.start, c.npages)) return err('EINVAL');
  const mm = liveMm(w, c.mm);
  if (mm === undefined) return err('ESRCH');
  const end = c.start + c.npages;
  if (cpuBusy(w, mm.id, c.start, end)) return err('EBUSY');
  if (vmasOverlapping(mm, c.start, end).length === 0) return ok(0);
  return opCreated(createInvalidation(w, { kind: 'munmap', mm: mm.id, start: c.start, end }).id);
}

/**
 * `mprotect`: ENOMEM when a page of the range has no vma. If the new prot removes a right from
 * some vma in range, an invalidation (MUNMAP for `none`, WRITE_PROTECT for `r`) whose apply sets
 * the prot; otherwise the prot changes at once.
 */
export function mprotect(w: WorldState, c: Mprotect): Result {
  if (!isId(c.mm) || !isRange(c.start, c.npages) || !isProt(c.prot)) return err('EINVAL');
  const mm = liveMm(w, c.mm);
  if (mm === undefined) return err('ESRCH');
  const end = c.start + c.npages;
  if (cpuBusy(w, mm.id, c.start, end)) return err('EBUSY');
  if (!rangeCovered(mm, c.start, end)) return err('ENOMEM');
  if (!removesRight(mm, c.start, end, c.prot)) {
    setVmaRange(mm, c.start, end, c.prot);
    return ok(0);
  }
  return opCreated(createInvalidation(w, { kind: 'mprotect', mm: mm.id, start: c.start, end, prot: c.prot }).id);
}

/** `none` removes a right from `r` and `rw` vmas; `r` from `rw` vmas; `rw` removes none. */
function removesRight(mm: Mm, start: number, end: number, prot: Prot): boolean {
  return vmasOverlapping(mm, start, end).some((vma) =>
    prot === 'none' ? vma.prot !== 'none' : prot === 'r' && vma.prot === 'rw');
}
