/**
 * CPU commands (SPEC §3), each checking in the order of SPEC §3: EINVAL, ESRCH, EBUSY, then its
 * own conditions (INTERPRETATION 1–9). A refused command changes nothing.
 */
import type { Exit, Fork, Mmap, Mprotect, Munmap, Read, Result, Write } from '../../spec/index.js';
import { err, isProt, isRange, isVpn, ok, opCreated } from '../../spec/index.js';
import { PFN_SHIFT, PTE_WRITE } from '../pagetable/pte.js';
import { exitMm } from '../cpu/apply.js';
import { forkMm } from '../cpu/fork.js';
import { populate } from '../cpu/populate.js';
import { createOp } from '../hmm/events.js';
import type { Core } from './core.js';

const si = Number.isSafeInteger;
export const EINVAL = err('EINVAL');
export const ESRCH = err('ESRCH');
export const EBUSY = err('EBUSY');
export const EFAULT = err('EFAULT');
export const OK0 = ok(0);

export function mmap(core: Core, c: Mmap): Result {
  if (!si(c.mm) || !isRange(c.start, c.npages) || !isProt(c.prot)) return EINVAL;
  const mm = core.liveMm(c.mm);
  if (mm === null) return ESRCH;
  const end = c.start + c.npages;
  if (mm.cpuBusy(c.start, end)) return EBUSY;
  if (mm.vmas.overlapping(c.start, end).length > 0) return err('EEXIST');
  mm.vmas.setRange(c.start, end, c.prot);
  return OK0;
}

export function munmap(core: Core, c: Munmap): Result {
  if (!si(c.mm) || !isRange(c.start, c.npages)) return EINVAL;
  const mm = core.liveMm(c.mm);
  if (mm === null) return ESRCH;
  const end = c.start + c.npages;
  if (mm.cpuBusy(c.start, end)) return EBUSY;
  if (mm.vmas.overlapping(c.start, end).length === 0) return OK0;
  return opCreated(createOp(core, mm, 'munmap', c.start, end, null, null).id);
}

export function mprotect(core: Core, c: Mprotect): Result {
  if (!si(c.mm) || !isRange(c.start, c.npages) || !isProt(c.prot)) return EINVAL;
  const mm = core.liveMm(c.mm);
  if (mm === null) return ESRCH;
  const end = c.start + c.npages;
  if (mm.cpuBusy(c.start, end)) return EBUSY;
  if (!mm.vmas.covers(c.start, end)) return err('ENOMEM');
  const prot = c.prot;
  const removes = mm.vmas.overlapping(c.start, end).some((v) =>
    prot === 'none' ? v.prot !== 'none' : prot === 'r' && v.prot === 'rw');
  if (!removes) {
    mm.vmas.protectRange(c.start, end, prot);
    return OK0;
  }
  return opCreated(createOp(core, mm, 'mprotect', c.start, end, null, prot).id);
}

export function read(core: Core, c: Read): Result {
  if (!si(c.mm) || !isVpn(c.vpn)) return EINVAL;
  const mm = core.liveMm(c.mm);
  if (mm === null) return ESRCH;
  const vpn = c.vpn;
  if (mm.cpuBusy(vpn, vpn + 1)) return EBUSY;
  const prot = mm.vmas.protAt(vpn);
  if (prot === null || prot === 'none') return EFAULT;
  const e = populate(core, mm, vpn, prot);
  return ok(core.pages.data[e >>> PFN_SHIFT]);
}

/** write (INTERPRETATION 6): populate, then write in place or break COW through an op. */
export function write(core: Core, c: Write): Result {
  if (!si(c.mm) || !isVpn(c.vpn) || !si(c.value)) return EINVAL;
  const mm = core.liveMm(c.mm);
  if (mm === null) return ESRCH;
  const vpn = c.vpn;
  if (mm.cpuBusy(vpn, vpn + 1)) return EBUSY;
  const prot = mm.vmas.protAt(vpn);
  if (prot === null || prot === 'none') return EFAULT;
  if (prot !== 'rw') return err('EPERM');
  let e = populate(core, mm, vpn, prot);
  const pages = core.pages;
  const pfn = e >>> PFN_SHIFT;
  if ((e & PTE_WRITE) === 0) {
    if (pages.mapcount[pfn] !== 1) return opCreated(createOp(core, mm, 'cow', vpn, vpn + 1, c.value, null).id);
    e = (e | PTE_WRITE) >>> 0;
    mm.pt.update(vpn, e);
  }
  pages.data[pfn] = c.value;
  pages.dirty[pfn] = 1;
  return OK0;
}

/** fork (INTERPRETATION 7): WRITE_PROTECT over the rw vmas' span, or a child at once. */
export function fork(core: Core, c: Fork): Result {
  if (!si(c.mm)) return EINVAL;
  const mm = core.liveMm(c.mm);
  if (mm === null) return ESRCH;
  if (mm.cpuOps.size > 0) return EBUSY;
  const rw = mm.vmas.list.filter((v) => v.prot === 'rw');
  if (rw.length === 0) return ok(forkMm(core, mm).id);
  const start = rw[0].start;
  const end = rw[rw.length - 1].end;
  return opCreated(createOp(core, mm, 'fork', start, end, null, null).id);
}

/** migrate / writeback / reclaim: always an op, even over nothing. */
export function rangeOp(core: Core, c: { cmd: 'migrate' | 'writeback' | 'reclaim'; mm: number; start: number; npages: number }): Result {
  if (!si(c.mm) || !isRange(c.start, c.npages)) return EINVAL;
  const mm = core.liveMm(c.mm);
  if (mm === null) return ESRCH;
  const end = c.start + c.npages;
  if (mm.cpuBusy(c.start, end)) return EBUSY;
  return opCreated(createOp(core, mm, c.cmd, c.start, end, null, null).id);
}

/** exit (INTERPRETATION 9): EBUSY while any op of mm is in flight; release mirrors; drop all. */
export function exit(core: Core, c: Exit): Result {
  if (!si(c.mm)) return EINVAL;
  const mm = core.liveMm(c.mm);
  if (mm === null) return ESRCH;
  if (mm.cpuOps.size > 0 || mm.faults.length > 0) return EBUSY;
  core.hmm.releaseMm(core, mm);
  exitMm(core, mm);
  return OK0;
}
