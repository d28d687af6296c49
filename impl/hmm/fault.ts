/**
 * Device fault steps (SPEC §4.3; the seed's hmm_mirror_fault with its backoff): start, walk,
 * commit. A fault holds a ref on its mirror from creation to end (INTERPRETATION 17).
 */
import type { Result } from '../../spec/index.js';
import { err, ok } from '../../spec/index.js';
import { makePte, PFN_SHIFT, PTE_DIRTY, PTE_WRITE } from '../pagetable/pte.js';
import { dropDevicePte } from '../device/report.js';
import { populate } from '../cpu/populate.js';
import type { Core } from '../world/core.js';
import { createOp } from './events.js';
import { keptRecords, newRecords, putRecord } from './faultRecords.js';
import { unrefMirror } from './mirror.js';
import type { Op } from './op.js';
import { removeOp } from './invalidate.js';

/** Performs the fault's next step. */
export function stepFault(core: Core, op: Op): Result {
  switch (op.phase) {
    case 'created': return core.hmm.faultStart(core, op);
    case 'start': return core.hmm.faultWalk(core, op);
    default: return core.hmm.faultCommit(core, op);
  }
}

/** start: EAGAIN while an active invalidation overlaps; else backoff cleared. */
export function faultStart(_core: Core, op: Op): Result {
  if (op.mm.activeOverlaps(op.start, op.end)) return err('EAGAIN');
  op.backoff = false;
  op.phase = 'start';
  return ok(0);
}

/**
 * What a write fault's walk does on a read-only pte of a shared page (mapcount > 1, SPEC §4.3):
 * the record to keep for the commit, or null to end the fault with EAGAIN. The seam exists so a
 * mutant can change this one decision without copying the walk.
 */
export type SharedWriteFault = (core: Core, op: Op, vpn: number, e: number) => number | null;

/** SPEC §4.3: a COW break op (unless a CPU op overlapping the vpn is in flight), then EAGAIN. */
export const breakCow: SharedWriteFault = (core, op, vpn) => {
  if (!op.mm.cpuBusy(vpn, vpn + 1)) createOp(core, op.mm, 'cow', vpn, vpn + 1, null, null);
  return null;
};

/** walk (SPEC §4.3), the default entry of the ops table: `walkFault` with `breakCow`. */
export function faultWalk(core: Core, op: Op): Result {
  return walkFault(core, op, breakCow);
}

/**
 * walk: one pass over the range in vpn order (INTERPRETATION 17); records {pfn, write}, in a
 * buffer that grows with the pages walked (faultRecords.ts), never one of the range's size.
 * A write fault on a read-only pte of mapcount 1 makes it writable in place; on a shared page
 * `onShared` decides.
 */
export function walkFault(core: Core, op: Op, onShared: SharedWriteFault): Result {
  const mm = op.mm;
  const write = op.kind === 'wfault';
  let records = newRecords(op.end - op.start);
  for (let vpn = op.start; vpn < op.end; vpn++) {
    const prot = mm.vmas.protAt(vpn);
    if (prot === null || prot === 'none') return endFault(core, op, err('EFAULT'));
    if (write && prot !== 'rw') return endFault(core, op, err('EPERM'));
    let e = populate(core, mm, vpn, prot);
    if (write && (e & PTE_WRITE) === 0) {
      if (core.pages.mapcount[e >>> PFN_SHIFT] !== 1) {
        const kept = onShared(core, op, vpn, e);
        if (kept === null) return endFault(core, op, err('EAGAIN'));
        e = kept;
      } else {
        e = (e | PTE_WRITE) >>> 0;
        mm.pt.update(vpn, e);
      }
    }
    records = putRecord(records, vpn - op.start, e);
  }
  op.records = keptRecords(records, op.end - op.start);
  op.phase = 'walk';
  return ok(0);
}

/**
 * commit: backoff → EAGAIN; mirror not live → ENODEV; else per record in vpn order: drop the
 * device pte (reporting rule), replace the mirror pte (dirty kept iff same pfn and writable,
 * else moved to the old page), set the device pte clean (INTERPRETATION 18).
 */
export function faultCommit(core: Core, op: Op): Result {
  const m = op.mirror;
  if (m === null || op.records === null) throw new Error(`fault invariant: op ${op.id} commits without mirror or walk`);
  if (op.backoff) return endFault(core, op, err('EAGAIN'));
  if (m.state !== 'live') return endFault(core, op, err('ENODEV'));
  const records = op.records;
  const dirty = core.pages.dirty;
  for (let i = 0; i < records.length; i++) {
    const vpn = op.start + i;
    const rec = records[i];
    const pfn = rec >>> PFN_SHIFT;
    const w = rec & PTE_WRITE;
    dropDevicePte(core, m, vpn);
    const old = m.pt.get(vpn);
    let keep = 0;
    if (old !== 0 && (old & PTE_DIRTY) !== 0) {
      if (old >>> PFN_SHIFT === pfn && w !== 0) keep = PTE_DIRTY;
      else dirty[old >>> PFN_SHIFT] = 1;
    }
    m.pt.set(vpn, makePte(pfn, w | keep));
    m.devicePt.set(vpn, makePte(pfn, w));
  }
  return endFault(core, op, ok(0));
}

/** The fault ends: out of the registry and the op table, its mirror ref dropped. */
export function endFault(core: Core, op: Op, result: Result): Result {
  removeOp(op.mm.faults, op);
  core.ops.delete(op.id);
  if (op.mirror !== null) unrefMirror(core, op.mirror);
  return result;
}
