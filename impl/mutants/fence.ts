/**
 * Fence-handling mutants (SPEC §4.2 step 3, wait; the 2014 series' hmm_event_wait /
 * hmm_device_fence_wait, with the driver's fence_wait and fence_unref of hmm_device_ops).
 * Each replaces `waitFence` (or `updateMirror`) with the faulty version.
 */
import type { Result } from '../../spec/index.js';
import { err, ok } from '../../spec/index.js';
import { applyEvent, applyPteMask, commitEvent, updateMirror, waitFence } from '../hmm/invalidate.js';
import { endMirror, type Mirror } from '../hmm/mirror.js';
import type { Op } from '../hmm/op.js';
import type { Core } from '../world/core.js';
import { mutant } from './mutant.js';

const OK0 = ok(0);

/** The end of a wait that finished the fence: unref'd once, the next fence is waited on. */
function finished(core: Core, op: Op): Result {
  core.driver.fenceUnref(core, op.fences[op.waited]);
  op.waited++;
  op.phase = 'wait';
  return OK0;
}

/** A failed fence's mirror is killed if still live (SPEC §4.2). */
function killIfLive(core: Core, m: Mirror | null): void {
  if (m !== null && m.state === 'live') endMirror(core, m, 'killed');
}

export const eagainTakenAsDone = mutant({
  name: 'eagainTakenAsDone',
  family: 'fence',
  description: 'fence_wait answering -EAGAIN is taken as done: the fence is unref\'d and never re-waited, so the event commits and the CPU change applies while the device still maps the pages (SPEC §4.2 step 3: -EAGAIN finishes nothing; the series\' hmm_device_fence_wait retry loop).',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'waitFence', hash: '64fe84c93d3d' }],
  apply: { ops: { waitFence: (core, op) => {
    const r = core.driver.fenceWait(op.fences[op.waited]);
    if (r !== 0 && r !== 'EAGAIN') return waitFence(core, op);
    return finished(core, op);
  } } },
});

export const eagainTakenAsError = mutant({
  name: 'eagainTakenAsError',
  family: 'fence',
  description: 'fence_wait answering -EAGAIN is taken as a failure: the healthy mirror is killed and the fence unref\'d while still pending (SPEC §4.2 step 3; a wait loop that treated every non-zero return as -EIO).',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'waitFence', hash: '64fe84c93d3d' }],
  apply: { ops: { waitFence: (core, op) => {
    const f = op.fences[op.waited];
    const r = core.driver.fenceWait(f);
    if (r !== 'EAGAIN') return waitFence(core, op);
    killIfLive(core, f.mirror);
    return finished(core, op);
  } } },
});

export const mirrorUpdatedBeforeFences = mutant({
  name: 'mirrorUpdatedBeforeFences',
  family: 'fence',
  description: 'the mirror page table takes the event\'s pte_mask as HMM calls update(), before the driver answered and its fences finished: a dirty bit the device reports when it drops its ptes lands on an already masked pte (SPEC §4.2: commit only once every fence is finished; the series\' hmm_mirror_update ordering).',
  apply: { ops: { updateMirror: (core, op, choice) => {
    const m = op.captured[op.updated];
    if (m !== undefined && m.state === 'live') applyPteMask(core, op, m);
    return updateMirror(core, op, choice);
  } } },
});

export const fenceUnrefTwice = mutant({
  name: 'fenceUnrefTwice',
  family: 'fence',
  description: 'the fence is unref\'d twice: the seed\'s comment told drivers to free the fence themselves while HMM also called fence_unref, so a driver following it frees twice (SPEC §4.2 step 3, found in review of the series).',
  apply: { ops: { waitFence: (core, op) => {
    const f = op.fences[op.waited];
    const r = waitFence(core, op);
    if (!('err' in r)) core.driver.fenceUnref(core, f);
    return r;
  } } },
});

export const fenceMirrorReadAfterUnref = mutant({
  name: 'fenceMirrorReadAfterUnref',
  family: 'fence',
  description: 'the fence\'s mirror is read after fence_unref freed the fence (a use-after-free in the wait path; SPEC §4.2 step 3 orders "reads the fence\'s mirror, then calls fence_unref"). Freed memory reads as poison (null here), so a failed fence\'s mirror is not killed.',
  conformanceOnly: 'a read of freed driver memory reaches no driver callback; its only effect, a failed fence\'s mirror left live, is a legal state for the rules',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'waitFence', hash: '64fe84c93d3d' }],
  apply: { ops: { waitFence: (core, op) => {
    const f = op.fences[op.waited];
    const r = core.driver.fenceWait(f);
    if (r === 'EAGAIN') return err('EAGAIN');
    if (r !== 0 && r !== 'EIO') core.warnings++;
    const done = finished(core, op);
    if (r !== 0) killIfLive(core, f.state === 'freed' ? null : f.mirror);
    return done;
  } } },
});

export const failureCodeTakenAsSuccess = mutant({
  name: 'failureCodeTakenAsSuccess',
  family: 'fence',
  description: 'a fence failure code other than -EIO (e.g. -ENOMEM) is taken as success: no warning, the mirror is not killed (SPEC §4.2 step 3: any other code warns and is taken as -EIO; a wait that tested only ret == -EIO).',
  conformanceOnly: 'a failed fence drops the device ptes like a signal, so success and failure leave equally consistent tables; only the warning and the kill differ',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'waitFence', hash: '64fe84c93d3d' }],
  apply: { ops: { waitFence: (core, op) => {
    const r = core.driver.fenceWait(op.fences[op.waited]);
    if (r === 'EAGAIN' || r === 0 || r === 'EIO') return waitFence(core, op);
    return finished(core, op);
  } } },
});

export const fenceLeakedAfterWait = mutant({
  name: 'fenceLeakedAfterWait',
  family: 'fence',
  description: 'a fence that fence_wait finished with 0 is never unref\'d, so the driver\'s fence outlives its event (the mirror image of fenceUnrefTwice: SPEC §4.2 step 3 and INTERPRETATION 15 make HMM call fence_unref exactly once per finished fence). Not in the issue\'s list: added so that rule fenceDiscipline has a mutant it kills.',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'waitFence', hash: '64fe84c93d3d' }],
  apply: { ops: { waitFence: (core, op) => {
    const f = op.fences[op.waited];
    const r = core.driver.fenceWait(f);
    if (r !== 0) return waitFence(core, op);
    op.waited++;
    op.phase = 'wait';
    return OK0;
  } } },
});

export const commitBeforeFenceWait = mutant({
  name: 'commitBeforeFenceWait',
  family: 'fence',
  description: 'the event commits (mirror page tables take the pte_mask) as soon as every mirror is updated, and its fences are waited on only before the CPU change: HMM\'s table says the pages are gone while a device still maps them (SPEC §4.2: no commit before every fence is finished; the ordering of hmm_invalidate_range_start). Not in the issue\'s list: added so that rule quietBeforeChange has a mutant it kills alone.',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'stepInvalidation', hash: '3ba428104e31' }],
  apply: { ops: {
    waitFence: (core, op) => (op.phase === 'commit' ? waitFence(core, op) : commitEvent(core, op)),
    applyEvent: (core, op) => {
      if (op.waited === op.fences.length) return applyEvent(core, op);
      const r = waitFence(core, op);
      op.phase = 'commit';
      return r;
    },
  } },
});

export const failureCodeTakenAsRetry = mutant({
  name: 'failureCodeTakenAsRetry',
  family: 'fence',
  description: 'a fence that failed with a code other than -EIO (-ENOMEM, …) is taken as not done yet: HMM answers -EAGAIN and waits again, forever, so the event never commits and its mm can never exit (SPEC §4.2 wait: any answer but -EAGAIN finishes the fence; a code other than EIO warns and is taken as -EIO). A wait loop that took `ret == -EIO` as the only failure and retried everything else but 0. Added so that rule drainable kills a mutant alone: every observation along the way is legal, only the drain sees the event never end.',
  apply: { ops: { waitFence: (core, op) => {
    const r = core.driver.fenceWait(op.fences[op.waited]);
    if (r === 0 || r === 'EAGAIN' || r === 'EIO') return waitFence(core, op);
    return err('EAGAIN');
  } } },
});

/** The fence family (the six, then those added so that a rule kills them alone). */
export const FENCE_MUTANTS = [
  eagainTakenAsDone, eagainTakenAsError, mirrorUpdatedBeforeFences, fenceUnrefTwice, fenceMirrorReadAfterUnref, failureCodeTakenAsSuccess,
  fenceLeakedAfterWait, commitBeforeFenceWait, failureCodeTakenAsRetry,
];
