/**
 * Invalidation steps (SPEC §4.2; the seed's hmm_invalidate_range / hmm_mirror_update /
 * hmm_event_wait): start, update × captured mirrors, wait × fences, commit, apply, end.
 * Each function is one atomic step and the default entry of the ops table (ops.ts).
 */
import type { Choice, Result } from '../../spec/index.js';
import { err, ok } from '../../spec/index.js';
import { PTE_VALID, PTE_WRITE } from '../pagetable/pte.js';
import { clearRange, maskRange } from '../pagetable/range.js';
import { applyCpu } from '../cpu/apply.js';
import type { Core } from '../world/core.js';
import { endMirror, unrefMirror, type Mirror } from './mirror.js';
import type { Op } from './op.js';

const OK0 = ok(0);

/** Performs the op's next step (SPEC §4: the first that applies, in order). */
export function stepInvalidation(core: Core, op: Op, choice: Choice): Result {
  const h = core.hmm;
  switch (op.phase) {
    case 'created': return h.startEvent(core, op);
    case 'commit': return h.applyEvent(core, op);
    case 'apply': return h.endEvent(core, op);
    default:
      if (op.updated < op.captured.length) return h.updateMirror(core, op, choice);
      if (op.waited < op.fences.length) return h.waitFence(core, op);
      return h.commitEvent(core, op);
  }
}

/** start: the event becomes active, overlapping faults back off, live mirrors are captured. */
export function startEvent(core: Core, op: Op): Result {
  const mm = op.mm;
  mm.active.add(op);
  for (const f of mm.faults) if (f.start < op.end && op.start < f.end) f.backoff = true;
  op.captured = mm.mirrors.slice();
  for (const m of op.captured) m.refs++;
  op.phase = 'start';
  return OK0;
}

/** update: the driver's answer for the next captured mirror (nothing if it is not live). */
export function updateMirror(core: Core, op: Op, choice: Choice): Result {
  const m = op.captured[op.updated++];
  op.phase = 'update';
  if (m.state !== 'live') return OK0;
  const answer = core.driver.update(core, m, op, choice);
  if (answer === 'error') endMirror(core, m, 'killed');
  else if (answer !== null) op.fences.push(answer);
  return OK0;
}

/**
 * wait: fence_wait on the first unfinished fence. -EAGAIN changes nothing; any other answer
 * finishes it: a failure other than EIO warns (taken as -EIO), a failed fence's mirror is
 * killed if live, then the single fence_unref (INTERPRETATION 15).
 */
export function waitFence(core: Core, op: Op): Result {
  const f = op.fences[op.waited];
  const r = core.driver.fenceWait(f);
  if (r === 'EAGAIN') return err('EAGAIN');
  if (r !== 0) {
    if (r !== 'EIO') core.warnings++;
    const m = f.mirror;
    if (m.state === 'live') endMirror(core, m, 'killed');
  }
  core.driver.fenceUnref(core, f);
  op.waited++;
  op.phase = 'wait';
  return OK0;
}

/** commit: for each captured live mirror in order, harvest dirty bits and apply the pte_mask. */
export function commitEvent(core: Core, op: Op): Result {
  for (const m of op.captured) if (m.state === 'live') core.hmm.applyPteMask(core, op, m);
  op.phase = 'commit';
  return OK0;
}

/** The event type's pte_mask (SPEC §4.1) on m's valid ptes in range, dirty harvested first. */
export function applyPteMask(core: Core, op: Op, m: Mirror): void {
  const dirty = core.pages.dirty;
  switch (op.event) {
    case 'WRITE_PROTECT': maskRange(m.pt, op.start, op.end, PTE_VALID, dirty); return;
    case 'ISDIRTY': maskRange(m.pt, op.start, op.end, PTE_VALID | PTE_WRITE, dirty); return;
    default: clearRange(m.pt, op.start, op.end, dirty);
  }
}

/** apply: the CPU change (cpu/apply.ts). */
export function applyEvent(core: Core, op: Op): Result {
  op.child = applyCpu(core, op);
  op.phase = 'apply';
  return OK0;
}

/** end: the event stops being active, captured mirrors are unref'd in order; the op's result. */
export function endEvent(core: Core, op: Op): Result {
  const mm = op.mm;
  mm.active.delete(op);
  mm.cpuOps.delete(op);
  if (mm.forkOp === op) mm.forkOp = null;
  core.ops.delete(op.id);
  for (const m of op.captured) unrefMirror(core, m);
  return op.kind === 'fork' ? ok(op.child) : OK0;
}

export function removeOp(list: Op[], op: Op): void {
  const i = list.indexOf(op);
  if (i >= 0) list.splice(i, 1);
}
