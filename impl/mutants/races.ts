/**
 * Race mutants (SPEC §4.2 start/end, §4.3 device fault with backoff; the series'
 * hmm_invalidate_range_start/end, hmm_mirror_fault and its backoff on overlapping events).
 * Each wraps or replaces one step of the ops table.
 */
import { ok } from '../../spec/index.js';
import { faultCommit } from '../hmm/fault.js';
import { commitEvent, startEvent, updateMirror } from '../hmm/invalidate.js';
import type { Op } from '../hmm/op.js';
import { keepOf, maskMirror } from './mask.js';
import { mutant } from './mutant.js';

export const commitIgnoresBackoff = mutant({
  name: 'commitIgnoresBackoff',
  family: 'races',
  description: 'the device fault\'s commit ignores backoff: a pfn recorded before an overlapping invalidation started is committed after it, mapping a page the CPU no longer maps (SPEC §4.3 commit: backoff set → EAGAIN; the series\' hmm_mirror_fault retry on event->backoff).',
  apply: { ops: { faultCommit: (core, op) => {
    op.backoff = false;
    return faultCommit(core, op);
  } } },
});

export const startSkipsFaultBackoff = mutant({
  name: 'startSkipsFaultBackoff',
  family: 'races',
  description: 'invalidation start does not mark overlapping device faults backoff, so a fault that walked before the event commits stale pfns after it (SPEC §4.2 step 1; the series\' hmm_invalidate_range_start walking the fault list).',
  apply: { ops: { startEvent: (core, op) => {
    const before = op.mm.faults.map((f) => f.backoff);
    const r = startEvent(core, op);
    op.mm.faults.forEach((f, i) => { f.backoff = before[i] ?? f.backoff; });
    return r;
  } } },
});

export const eventActiveAfterUpdate = mutant({
  name: 'eventActiveAfterUpdate',
  family: 'races',
  description: 'the event becomes active only after the driver updates: a device fault that starts between start and the last update is not held off and maps pages the event then removes from the mirror only (the race found in review of the range-tracking patch; SPEC §4.2 step 1).',
  apply: { ops: {
    startEvent: (core, op) => {
      const r = startEvent(core, op);
      op.mm.active.delete(op);
      return r;
    },
    updateMirror: (core, op, choice) => {
      const r = updateMirror(core, op, choice);
      if (op.updated === op.captured.length) op.mm.active.add(op);
      return r;
    },
  } },
});

export const eventEndedBeforeCpuChange = mutant({
  name: 'eventEndedBeforeCpuChange',
  family: 'races',
  description: 'the event stops being active at commit, before the CPU change: a device fault walking between commit and apply maps the old page, which apply then unmaps or replaces (SPEC §4.2 steps 5–6: end after apply; invalidate_range_end called before the pte change).',
  apply: { ops: { commitEvent: (core, op) => {
    const r = commitEvent(core, op);
    op.mm.active.delete(op);
    return r;
  } } },
});

export const faultStartIgnoresActive = mutant({
  name: 'faultStartIgnoresActive',
  family: 'races',
  description: 'a device fault starts without waiting for an active overlapping invalidation, so it can commit after the event\'s update of its mirror (SPEC §4.3 start: EAGAIN while an active invalidation overlaps; the series\' hmm_mirror_fault wait on active events).',
  copies: [{ file: 'impl/hmm/fault.ts', fn: 'faultStart', hash: 'd23f79d85936' }],
  apply: { ops: { faultStart: (_core, op) => {
    op.backoff = false;
    op.phase = 'start';
    return ok(0);
  } } },
});

export const rangeEndOffByOne = mutant({
  name: 'rangeEndOffByOne',
  family: 'races',
  description: 'the commit masks the mirror over [start, end - 1): the event\'s last page stays mapped in the mirror (an inclusive/exclusive end confusion in the range walk; SPEC §1 ranges are [start, start + npages)).',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'applyPteMask', hash: '60778006b1f8' }],
  apply: { ops: { applyPteMask: (core, op, m) => maskMirror(core, m, op.start, op.end - 1, keepOf(op.event), true) } },
});

/** The mirror's fault that walked last (highest id with records), `op` itself if none newer did. */
function latestWalked(op: Op): Op {
  let latest = op;
  for (const f of op.mm.faults) if (f.mirror === op.mirror && f.records !== null && f.id > latest.id) latest = f;
  return latest;
}

export const backoffReadFromLatestFault = mutant({
  name: 'backoffReadFromLatestFault',
  family: 'races',
  description: 'the fault\'s commit asks whether the mirror\'s latest walked fault collided with an invalidation, not whether this one did: the answer lives in one slot per mirror that each fault overwrites when it walks, so an older fault that an invalidation hit commits the pfns it recorded before the CPU change once a newer fault of the same mirror has walked pages the invalidation does not cover (SPEC §4.3 commit: this fault\'s backoff → EAGAIN). Each fault must carry its own mark, as the sequence counts of KVM\'s mmu_notifier_seq and of IB/core on-demand paging do (commit 882214e2b128, "IB/core: Implement support for MMU notifiers regarding on demand paging regions": the fault path "verifies that the sequence number hasn\'t progressed before it updates" the tables); state shared by concurrent faults is what those counts avoid. Added for issue 11\'s guided generation: two device faults and a CPU-side change in one order (fault A starts; an invalidation of A\'s pages starts and updates the mirror; a newer fault B of the mirror walks elsewhere; A commits; the invalidation commits), which a rule alone sees only after about a dozen commands.',
  apply: { ops: { faultCommit: (core, op) => {
    op.backoff = latestWalked(op).backoff;
    return faultCommit(core, op);
  } } },
});

/** The races family. */
export const RACE_MUTANTS = [
  commitIgnoresBackoff, startSkipsFaultBackoff, eventActiveAfterUpdate, eventEndedBeforeCpuChange, faultStartIgnoresActive, rangeEndOffByOne,
  backoffReadFromLatestFault,
];
