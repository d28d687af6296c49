/**
 * CPU `read` and `write` (SPEC §3; INTERPRETATION 5, 6): CPU operations on `[vpn, vpn+1)`.
 * Checks in SPEC §3 order: EINVAL, ESRCH, EBUSY, then EFAULT before EPERM.
 */
import { err, isVpn, ok, opCreated, type Read, type Result, type Write } from '../../../spec/index.js';
import { createInvalidation } from '../invalidation.js';
import { cpuBusy, liveMm } from '../mm.js';
import { pageOf, populate } from '../pages.js';
import type { WorldState } from '../state.js';
import { findVma } from '../vmas.js';
import { isId, isValue } from './checks.js';

/** `read`: the page's data, populating an absent or swapped pte. EFAULT without vma or with prot none. */
export function read(w: WorldState, c: Read): Result {
  if (!isId(c.mm) || !isVpn(c.vpn)) return err('EINVAL');
  const mm = liveMm(w, c.mm);
  if (mm === undefined) return err('ESRCH');
  if (cpuBusy(w, mm.id, c.vpn, c.vpn + 1)) return err('EBUSY');
  const vma = findVma(mm, c.vpn);
  if (vma === undefined || vma.prot === 'none') return err('EFAULT');
  const pte = populate(w, mm, c.vpn, vma);
  return ok(pageOf(w, pte.pfn).data);
}

/**
 * `write`: populates as `read`, then writes and dirties the page. A read-only pte of a page
 * mapped once becomes writable in place (no event); a shared one needs a COW break op.
 */
export function write(w: WorldState, c: Write): Result {
  if (!isId(c.mm) || !isVpn(c.vpn) || !isValue(c.value)) return err('EINVAL');
  const mm = liveMm(w, c.mm);
  if (mm === undefined) return err('ESRCH');
  if (cpuBusy(w, mm.id, c.vpn, c.vpn + 1)) return err('EBUSY');
  const vma = findVma(mm, c.vpn);
  if (vma === undefined || vma.prot === 'none') return err('EFAULT');
  if (vma.prot !== 'rw') return err('EPERM');
  const pte = populate(w, mm, c.vpn, vma);
  const page = pageOf(w, pte.pfn);
  if (!pte.write) {
    if (page.mapcount > 1) {
      return opCreated(createInvalidation(w, { kind: 'cow', mm: mm.id, start: c.vpn, end: c.vpn + 1, value: c.value }).id);
    }
    pte.write = true;
  }
  page.data = c.value;
  page.dirty = true;
  return ok(0);
}
