/**
 * Invalidation ops (SPEC §4.1, §4.2; INTERPRETATION 14–16): start, update × captured mirrors,
 * wait × fences, commit, apply, end. Each step moves the op through `invalidationMachine`.
 *
 * Kernel reference: the series' `hmm_invalidate_range_start`, `hmm_mirror_update`,
 * `hmm_fence_wait` and the mirror page-table commit with `pte_mask`.
 */
import { PTE_MASK, err, ok, type Choice, type InvalidationKind, type Prot, type Result } from '../../spec/index.js';
import { advance, assertCan, initialLifecycle } from '../statecharts/advance.js';
import { invalidationMachine, type InvalidationEvent, type InvalidationFacts } from '../statecharts/invalidation.js';
import { applyCpuChange } from './apply.js';
import { propagateDirty } from './devicePt.js';
import { driverUpdate, fenceUnref, fenceWait } from './driver.js';
import { isLive, killMirror, mirrorOf, refMirror, unrefMirror } from './mirrors.js';
import type { Invalidation, Mm, Pte, WorldState } from './state.js';

/** What a CPU command asks to invalidate. */
export interface InvalidationRequest {
  readonly kind: InvalidationKind;
  readonly mm: number;
  readonly start: number;
  readonly end: number;
  /** mprotect: the new prot. */
  readonly prot?: Prot;
  /** cow made by a CPU write: the value it writes. */
  readonly value?: number;
}

/** The event type of an invalidation (SPEC §4.1). */
function eventType(request: InvalidationRequest): Invalidation['event'] {
  switch (request.kind) {
    case 'munmap': return 'MUNMAP';
    case 'mprotect': return request.prot === 'none' ? 'MUNMAP' : 'WRITE_PROTECT';
    case 'fork': return 'WRITE_PROTECT';
    case 'writeback': return 'ISDIRTY';
    case 'cow': case 'migrate': case 'reclaim': return 'MIGRATE';
  }
}

/** A new invalidation op in phase `created`, with the next op id. */
export function createInvalidation(w: WorldState, request: InvalidationRequest): Invalidation {
  const op: Invalidation = {
    family: 'invalidation', id: w.next.op++, kind: request.kind, mm: request.mm,
    start: request.start, end: request.end, event: eventType(request),
    lifecycle: initialLifecycle(invalidationMachine, w.coverage),
    captured: [], updated: 0, fences: [], finished: 0,
    prot: request.prot ?? null, value: request.value ?? null, child: null,
  };
  w.ops.set(op.id, op);
  return op;
}

/** Performs the op's next step (SPEC §4.2); `choice` answers an update step. */
export function stepInvalidation(w: WorldState, op: Invalidation, choice: Choice): Result {
  switch (op.lifecycle.value) {
    case 'created': return startEvent(w, op);
    case 'start': case 'update': case 'wait':
      if (op.updated < op.captured.length) return updateMirror(w, op, choice);
      if (op.finished < op.fences.length) return waitFence(w, op);
      return commitEvent(w, op);
    case 'commit': return applyEvent(w, op);
    case 'apply': return endEvent(w, op);
    case 'end': throw new Error(`invalidation op ${op.id} has ended but is still in flight`);
  }
}

function facts(op: Invalidation): InvalidationFacts {
  return {
    allMirrorsUpdated: op.updated === op.captured.length,
    hasFences: op.fences.length > 0,
    allFencesDone: op.finished === op.fences.length,
  };
}

function move(w: WorldState, op: Invalidation, event: InvalidationEvent): void {
  op.lifecycle = advance(op.lifecycle, event, `invalidation op ${op.id}`, w.coverage);
}

function mmOf(w: WorldState, op: Invalidation): Mm {
  const mm = w.mms.get(op.mm);
  if (mm === undefined || mm.state !== 'live') throw new Error(`invalidation op ${op.id}: mm ${op.mm} is not live`);
  return mm;
}

/** Start: the event becomes active, overlapping faults back off, live mirrors are captured. */
function startEvent(w: WorldState, op: Invalidation): Result {
  move(w, op, { type: 'START' });
  for (const other of w.ops.values()) {
    if (other.family === 'fault' && other.mm === op.mm && other.start < op.end && op.start < other.end) other.backoff = true;
  }
  op.captured = [...mmOf(w, op).mirrors];
  for (const id of op.captured) refMirror(mirrorOf(w, id));
  return ok(0);
}

/** Update of the next captured mirror: nothing for a mirror no longer live, else the driver's answer. */
function updateMirror(w: WorldState, op: Invalidation, choice: Choice): Result {
  move(w, op, { type: 'UPDATE', allMirrorsUpdated: facts(op).allMirrorsUpdated });
  const mirror = mirrorOf(w, op.captured[op.updated]);
  op.updated += 1;
  if (!isLive(mirror)) return ok(0);
  const answer = driverUpdate(w, mirror, op, choice);
  if (answer.kind === 'fence') op.fences.push(answer.fence);
  if (answer.kind === 'error') killMirror(w, mirror);
  return ok(0);
}

/**
 * Wait on the first unfinished fence: -EAGAIN changes nothing; otherwise a failure code other
 * than EIO adds a warning, a failed fence kills its mirror if still live, and HMM unrefs the fence.
 */
function waitFence(w: WorldState, op: Invalidation): Result {
  const event: InvalidationEvent = { type: 'WAIT', ...facts(op) };
  assertCan(op.lifecycle, event, `invalidation op ${op.id}`);
  const fenceId = op.fences[op.finished];
  const mirrorId = w.fences.get(fenceId)?.mirror;
  const answer = fenceWait(w, fenceId);
  if (answer === 'EAGAIN') return err('EAGAIN');
  move(w, op, event);
  if (answer !== 0) {
    if (answer !== 'EIO') w.warnings += 1;
    const mirror = mirrorId === undefined ? undefined : w.mirrors.get(mirrorId);
    if (mirror !== undefined && isLive(mirror)) killMirror(w, mirror);
  }
  fenceUnref(w, fenceId);
  op.finished += 1;
  return ok(0);
}

/** Commit: for each captured live mirror, each valid mirror pte in range harvests dirty, then keeps `pte_mask`. */
function commitEvent(w: WorldState, op: Invalidation): Result {
  const { allMirrorsUpdated, allFencesDone } = facts(op);
  move(w, op, { type: 'COMMIT', allMirrorsUpdated, allFencesDone });
  for (const id of op.captured) {
    const mirror = mirrorOf(w, id);
    if (!isLive(mirror)) continue;
    const vpns = [...mirror.pt.keys()].filter((vpn) => op.start <= vpn && vpn < op.end).sort((a, b) => a - b);
    for (const vpn of vpns) {
      const pte = mirror.pt.get(vpn) as Pte;
      propagateDirty(w, pte);
      applyPteMask(mirror.pt, vpn, pte, op);
    }
  }
  return ok(0);
}

function applyPteMask(pt: Map<number, Pte>, vpn: number, pte: Pte, op: Invalidation): void {
  switch (PTE_MASK[op.event]) {
    case 'none': pt.delete(vpn); return;
    case 'valid': pte.write = false; pte.dirty = false; return;
    case 'validWrite': pte.dirty = false; return;
  }
}

function applyEvent(w: WorldState, op: Invalidation): Result {
  move(w, op, { type: 'APPLY' });
  applyCpuChange(w, op, mmOf(w, op));
  return ok(0);
}

/** End: the event stops being active; each captured mirror drops its ref in capture order. */
function endEvent(w: WorldState, op: Invalidation): Result {
  move(w, op, { type: 'END' });
  w.ops.delete(op.id);
  for (const id of op.captured) unrefMirror(w, mirrorOf(w, id));
  return ok(op.child ?? 0);
}
