/**
 * Permission and lifecycle mutants (SPEC §4.3 walk, §3 fork and exit, §4.2 update, §5 mirror
 * lifecycle; the series' hmm_mirror_fault, hmm_mirror_update, hmm_mirror_ref/unref and
 * hmm_notifier_release). Each wraps or replaces one entry of the ops table.
 */
import { ok } from '../../spec/index.js';
import { faultWalk, walkFault, type SharedWriteFault } from '../hmm/fault.js';
import { applyPteMask, endEvent, startEvent } from '../hmm/invalidate.js';
import { endMirror } from '../hmm/mirror.js';
import { PTE_WRITE } from '../pagetable/pte.js';
import { mutant } from './mutant.js';

export const readFaultMapsWritable = mutant({
  name: 'readFaultMapsWritable',
  family: 'lifecycle',
  description: 'a read fault maps every page writable, also where the CPU pte is read-only (SPEC §4.3 walk: the record is the CPU pte\'s {pfn, write}; a read fault maps writable only a writable pte, as the series does).',
  apply: { ops: { faultWalk: (core, op) => {
    const r = faultWalk(core, op);
    const records = op.records;
    if (op.kind === 'rfault' && records !== null && op.phase === 'walk') for (let i = 0; i < records.length; i++) records[i] |= PTE_WRITE;
    return r;
  } } },
});

/** The shared page recorded writable, the CPU pte left read-only: no COW break. */
const mapShared: SharedWriteFault = (_core, _op, _vpn, e) => (e | PTE_WRITE) >>> 0;

export const cowWriteFaultMapsShared = mutant({
  name: 'cowWriteFaultMapsShared',
  family: 'lifecycle',
  description: 'a device write fault on a COW page (read-only, mapcount > 1) maps the shared page writable instead of breaking COW, so the device writes into the other process\'s memory (SPEC §4.3 walk; the kernel\'s do_wp_page/wp_page_copy).',
  apply: { ops: { faultWalk: (core, op) => walkFault(core, op, mapShared) } },
});

export const forkSkipsMirrorWriteProtect = mutant({
  name: 'forkSkipsMirrorWriteProtect',
  family: 'lifecycle',
  description: 'fork write-protects the CPU ptes but not the mirrors: its WRITE_PROTECT event leaves mirror ptes writable, so the device writes pages now shared with the child (SPEC §3 fork; copy_page_range\'s mmu_notifier range over the parent).',
  apply: { ops: { applyPteMask: (core, op, m) => {
    if (op.kind !== 'fork') applyPteMask(core, op, m);
  } } },
});

export const updateForUnregisteredMirror = mutant({
  name: 'updateForUnregisteredMirror',
  family: 'lifecycle',
  description: 'update() is called for a captured mirror unregistered during the event (SPEC §4.2 step 2: "for a mirror no longer live the step calls nothing"; §5: no callback but release concerns a mirror that is not live).',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'updateMirror', hash: '80d2484e1c1c' }],
  apply: { ops: { updateMirror: (core, op, choice) => {
    const m = op.captured[op.updated++];
    op.phase = 'update';
    const answer = core.driver.update(core, m, op, choice);
    if (m.state !== 'live') return ok(0);
    if (answer === 'error') endMirror(core, m, 'killed');
    else if (answer !== null) op.fences.push(answer);
    return ok(0);
  } } },
});

export const mirrorFreedWhileEventHolds = mutant({
  name: 'mirrorFreedWhileEventHolds',
  family: 'lifecycle',
  description: 'the event captures mirrors without hmm_mirror_ref, so a mirror unregistered during the event is freed while the event still holds it (SPEC §4.2 step 1: captured mirrors refs + 1; the upstream use-after-free fixes of mirror lifetimes).',
  conformanceOnly: 'a freed mirror leaves the observation and the update step\'s live check keeps callbacks off it, so only the model\'s refs show it was still held',
  apply: { ops: {
    startEvent: (core, op) => {
      const r = startEvent(core, op);
      for (const m of op.captured) m.refs--;
      return r;
    },
    endEvent: (core, op) => {
      for (const m of op.captured) m.refs++;
      return endEvent(core, op);
    },
  } },
});

export const exitLeavesMirrorLive = mutant({
  name: 'exitLeavesMirrorLive',
  family: 'lifecycle',
  description: 'exit tears down the address space without releasing its mirrors: no release() call, the mirror stays live on a dead mm (SPEC §3 exit; the kernel\'s exit_mmap → mmu_notifier_release → hmm_notifier_release).',
  apply: { ops: { releaseMm: () => undefined } },
});

/** The permissions-and-lifecycle family. */
export const LIFECYCLE_MUTANTS = [
  readFaultMapsWritable, cowWriteFaultMapsShared, forkSkipsMirrorWriteProtect, updateForUnregisteredMirror, mirrorFreedWhileEventHolds, exitLeavesMirrorLive,
];
