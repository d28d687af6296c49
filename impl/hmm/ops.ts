/**
 * The HMM ops table: every behaviour of the HMM core that a mutant may replace is bound here,
 * like the kernel's hmm_device_ops / mmu_interval_notifier_ops. The world calls steps only
 * through `core.hmm`; with no override it is `defaultOps` (one indirect call per step, none
 * per page, and none on device/CPU access hits).
 */
import type { Choice, Result } from '../../spec/index.js';
import { dropDevicePtes } from '../device/report.js';
import { clearRange } from '../pagetable/range.js';
import { PTE_DIRTY, PFN_SHIFT } from '../pagetable/pte.js';
import { forEachPte } from '../pagetable/range.js';
import type { Core } from '../world/core.js';
import { faultCommit, faultStart, faultWalk } from './fault.js';
import { applyEvent, applyPteMask, commitEvent, endEvent, startEvent, updateMirror, waitFence } from './invalidate.js';
import { endMirror, type Mirror, type MirrorEnd } from './mirror.js';
import type { Op } from './op.js';
import type { Mm } from '../cpu/mm.js';

export interface HmmOps {
  /** SPEC §4.2 start (hmm_invalidate_range_start). */
  startEvent(core: Core, op: Op): Result;
  /** SPEC §4.2 update of the next captured mirror (hmm_mirror_update → device update()). */
  updateMirror(core: Core, op: Op, choice: Choice): Result;
  /** SPEC §4.2 wait on the first unfinished fence (hmm_event_wait → fence_wait, fence_unref). */
  waitFence(core: Core, op: Op): Result;
  /** SPEC §4.2 commit over the captured live mirrors. */
  commitEvent(core: Core, op: Op): Result;
  /** pte_mask with dirty harvest on one mirror's range (hmm_pt_iter + hmm_mirror_update). */
  applyPteMask(core: Core, op: Op, m: Mirror): void;
  /** SPEC §4.2 apply (the CPU change). */
  applyEvent(core: Core, op: Op): Result;
  /** SPEC §4.2 end (hmm_invalidate_range_end). */
  endEvent(core: Core, op: Op): Result;
  /** SPEC §4.3 start (hmm_mirror_fault's check of active events). */
  faultStart(core: Core, op: Op): Result;
  /** SPEC §4.3 walk of the CPU page table. */
  faultWalk(core: Core, op: Op): Result;
  /** SPEC §4.3 commit into the mirror and device page tables. */
  faultCommit(core: Core, op: Op): Result;
  /** Moves the dirty bits of m's valid mirror ptes in [start, end) to their pages. */
  harvestDirty(core: Core, m: Mirror, start: number, end: number): void;
  /** Teardown of SPEC §5 / INTERPRETATION 10: device ptes dropped, mirror table emptied; `to`: why it ends. */
  teardownMirror(core: Core, m: Mirror, to: MirrorEnd): void;
  /** SPEC §3 exit: every live mirror of mm released in registration order (hmm_notifier_release). */
  releaseMm(core: Core, mm: Mm): void;
  /** SPEC §3 signal/fail: the device drops a completed invalidation's ptes, reporting dirty bits (SPEC §2). */
  completeDrop(core: Core, m: Mirror, start: number, end: number): void;
}

const VPN_END = 2 ** 36;

export function harvestDirty(core: Core, m: Mirror, start: number, end: number): void {
  const dirty = core.pages.dirty;
  forEachPte(m.pt, start, end, (_vpn, e) => {
    if ((e & PTE_DIRTY) !== 0) dirty[e >>> PFN_SHIFT] = 1;
  });
}

export function teardownMirror(core: Core, m: Mirror, _to: MirrorEnd): void {
  dropDevicePtes(core, m, 0, VPN_END);
  core.hmm.harvestDirty(core, m, 0, VPN_END);
  clearRange(m.pt, 0, VPN_END, null);
}

export function releaseMm(core: Core, mm: Mm): void {
  for (const m of mm.mirrors.slice()) endMirror(core, m, 'released');
}

export const defaultOps: HmmOps = Object.freeze({
  startEvent, updateMirror, waitFence, commitEvent, applyPteMask, applyEvent, endEvent,
  faultStart, faultWalk, faultCommit, harvestDirty, teardownMirror, releaseMm, completeDrop: dropDevicePtes,
});

/** The ops table of a world: defaultOps with the given entries replaced. */
export function bindOps(overrides?: Partial<HmmOps>): HmmOps {
  return overrides === undefined ? defaultOps : Object.freeze({ ...defaultOps, ...overrides });
}
