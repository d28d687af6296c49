/**
 * Device faults (SPEC §4.3; INTERPRETATION 17, 18): start, walk, commit. Each step moves the
 * fault through `faultMachine`. The fault holds a ref on its mirror from creation to end.
 *
 * Kernel reference: the series' `hmm_mirror_fault`: registration against active invalidations,
 * the CPU page-table walk (populating as a CPU fault would), and the commit that fills the mirror
 * and device page tables unless an invalidation marked the fault `backoff`.
 */
import { err, ok, type ErrorCode, type FaultKind, type Result } from '../../spec/index.js';
import { advance, initialLifecycle } from '../statecharts/advance.js';
import { faultMachine, type FaultEvent } from '../statecharts/fault.js';
import { dropDevicePte, propagateDirty, setDevicePte } from './devicePt.js';
import { createInvalidation } from './invalidation.js';
import { isLive, mirrorOf, refMirror, unrefMirror } from './mirrors.js';
import { activeInvalidationOverlaps, cpuBusy, liveMm } from './mm.js';
import { pageOf, populate } from './pages.js';
import type { Fault, FaultRecord, Mirror, WorldState } from './state.js';
import { findVma } from './vmas.js';

/** A new device fault op of `mirror` on `[start, end)` in phase `created`; it refs the mirror. */
export function createFault(w: WorldState, mirror: Mirror, kind: FaultKind, start: number, end: number): Fault {
  const fault: Fault = {
    family: 'fault', id: w.next.op++, kind, mm: mirror.mm, start, end, mirror: mirror.id,
    lifecycle: initialLifecycle(faultMachine, w.coverage), backoff: false, records: [],
  };
  refMirror(mirror);
  w.ops.set(fault.id, fault);
  return fault;
}

/** Performs the fault's next step (SPEC §4.3). */
export function stepFault(w: WorldState, fault: Fault): Result {
  switch (fault.lifecycle.value) {
    case 'created': return startFault(w, fault);
    case 'start': return walkFault(w, fault);
    case 'walk': return commitFault(w, fault);
    case 'end': throw new Error(`fault op ${fault.id} has ended but is still in flight`);
  }
}

function move(w: WorldState, fault: Fault, event: FaultEvent): void {
  fault.lifecycle = advance(fault.lifecycle, event, `fault op ${fault.id}`, w.coverage);
}

/** The fault leaves: the op is removed and its mirror ref dropped. */
function endFault(w: WorldState, fault: Fault, result: Result): Result {
  w.ops.delete(fault.id);
  unrefMirror(w, mirrorOf(w, fault.mirror));
  return result;
}

/** Start: -EAGAIN (phase stays `created`) while an active invalidation overlaps; else registered. */
function startFault(w: WorldState, fault: Fault): Result {
  const overlaps = activeInvalidationOverlaps(w, fault.mm, fault.start, fault.end);
  move(w, fault, { type: 'START', activeInvalidationOverlaps: overlaps });
  if (overlaps) return err('EAGAIN');
  fault.backoff = false;
  return ok(0);
}

/** Walk: one pass over the range; gets through with records, or ends the fault early. */
function walkFault(w: WorldState, fault: Fault): Result {
  const outcome = walkRange(w, fault);
  if (Array.isArray(outcome)) {
    move(w, fault, { type: 'WALK', walkGotThrough: true });
    fault.records = outcome;
    return ok(0);
  }
  move(w, fault, { type: 'WALK', walkGotThrough: false });
  return endFault(w, fault, err(outcome));
}

/**
 * Visits `[start, end)` in vpn order: EFAULT (no vma or prot none), EPERM (write fault, vma not
 * rw), populate, then for a write fault on a read-only pte: mapcount 1 → writable in place;
 * shared → EAGAIN after a COW break op (no value) unless a CPU op overlapping the vpn is in flight.
 */
function walkRange(w: WorldState, fault: Fault): FaultRecord[] | ErrorCode {
  const mm = liveMm(w, fault.mm);
  if (mm === undefined) throw new Error(`fault op ${fault.id}: mm ${fault.mm} is not live`);
  const write = fault.kind === 'wfault';
  const records: FaultRecord[] = [];
  for (let vpn = fault.start; vpn < fault.end; vpn++) {
    const vma = findVma(mm, vpn);
    if (vma === undefined || vma.prot === 'none') return 'EFAULT';
    if (write && vma.prot !== 'rw') return 'EPERM';
    const pte = populate(w, mm, vpn, vma);
    if (write && !pte.write) {
      if (pageOf(w, pte.pfn).mapcount > 1) {
        if (!cpuBusy(w, mm.id, vpn, vpn + 1)) createInvalidation(w, { kind: 'cow', mm: mm.id, start: vpn, end: vpn + 1 });
        return 'EAGAIN';
      }
      pte.write = true;
    }
    records.push({ vpn, pfn: pte.pfn, write: pte.write });
  }
  return records;
}

/**
 * Commit (walk → end): `backoff` → EAGAIN, no table changes; mirror not live → ENODEV; else each
 * record replaces the device pte (reporting rule) and the mirror pte, then sets a clean device pte.
 */
function commitFault(w: WorldState, fault: Fault): Result {
  const mirror = mirrorOf(w, fault.mirror);
  move(w, fault, { type: 'COMMIT', backoff: fault.backoff, mirrorLive: isLive(mirror) });
  if (fault.backoff) return endFault(w, fault, err('EAGAIN'));
  if (!isLive(mirror)) return endFault(w, fault, err('ENODEV'));
  for (const record of fault.records) {
    dropDevicePte(w, mirror, record.vpn);
    replaceMirrorPte(w, mirror, record);
    setDevicePte(w, mirror, record.vpn, record.pfn, record.write);
  }
  return endFault(w, fault, ok(0));
}

/** The mirror pte keeps its dirty bit iff same pfn and the record is writable; else it goes to its old page. */
function replaceMirrorPte(w: WorldState, mirror: Mirror, record: FaultRecord): void {
  const old = mirror.pt.get(record.vpn);
  const keepDirty = old !== undefined && old.pfn === record.pfn && record.write && old.dirty;
  if (old !== undefined && !keepDirty) propagateDirty(w, old);
  mirror.pt.set(record.vpn, { pfn: record.pfn, write: record.write, dirty: keepDirty });
}
