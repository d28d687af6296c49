/**
 * Mask and dirty-bit mutants (SPEC §4.1 pte_mask, §4.2 commit, §2 reporting rule, §5 teardown;
 * the seed's promise "HMM will properly propagate HMM page table dirty bit to underlying page").
 * Each replaces `applyPteMask`, `completeDrop` or `teardownMirror`.
 */
import { dropDevicePtes } from '../device/report.js';
import { applyPteMask } from '../hmm/invalidate.js';
import { PTE_DIRTY, PTE_VALID, PTE_WRITE } from '../pagetable/pte.js';
import { clearEach, clearRange } from '../pagetable/range.js';
import { keepOf, maskMirror } from './mask.js';
import { mutant } from './mutant.js';

const VPN_END = 2 ** 36;

export const maskBeforeHarvest = mutant({
  name: 'maskBeforeHarvest',
  family: 'dirty',
  description: 'the pte_mask is applied before the dirty harvest, so the harvest finds every dirty bit already cleared and the device\'s writes never reach the page (SPEC §4.1: "dirty is always harvested first"; the series\' hmm_mirror_update walk order).',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'applyPteMask', hash: '60778006b1f8' }],
  apply: { ops: { applyPteMask: (core, op, m) => maskMirror(core, m, op.start, op.end, keepOf(op.event), false) } },
});

export const writeProtectLeavesWrite = mutant({
  name: 'writeProtectLeavesWrite',
  family: 'dirty',
  description: 'WRITE_PROTECT keeps the write bit of mirror ptes (its pte_mask taken as ISDIRTY\'s VALID|WRITE), so the device may be given write access to pages the CPU just made read-only (SPEC §4.1: WRITE_PROTECT keeps VALID only).',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'applyPteMask', hash: '60778006b1f8' }],
  apply: { ops: { applyPteMask: (core, op, m) => {
    if (op.event !== 'WRITE_PROTECT') applyPteMask(core, op, m);
    else maskMirror(core, m, op.start, op.end, PTE_VALID | PTE_WRITE, true);
  } } },
});

export const harvestOnlyIfWritable = mutant({
  name: 'harvestOnlyIfWritable',
  family: 'dirty',
  description: 'a dirty bit is harvested only if the pte is still writable after the mask: the test reads the masked entry, so every event but ISDIRTY loses device writes (SPEC §4.1, review of the series: dirty must be taken from the entry before the mask).',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'applyPteMask', hash: '60778006b1f8' }],
  apply: { ops: { applyPteMask: (core, op, m) => {
    const keep = keepOf(op.event);
    maskMirror(core, m, op.start, op.end, keep, keep !== null && (keep & PTE_WRITE) !== 0);
  } } },
});

export const isDirtyClearsWithoutDirtying = mutant({
  name: 'isDirtyClearsWithoutDirtying',
  family: 'dirty',
  description: 'ISDIRTY clears the mirror ptes\' dirty bits without dirtying their pages, so writeback cleans a page the device changed (SPEC §4.1 ISDIRTY: dirty cleared after the harvest; the series\' HMM_ISDIRTY event).',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'applyPteMask', hash: '60778006b1f8' }],
  apply: { ops: { applyPteMask: (core, op, m) => {
    if (op.event !== 'ISDIRTY') applyPteMask(core, op, m);
    else maskMirror(core, m, op.start, op.end, PTE_VALID | PTE_WRITE, false);
  } } },
});

export const deviceDirtyNotReported = mutant({
  name: 'deviceDirtyNotReported',
  family: 'dirty',
  description: 'when a fence completes, the device drops its ptes without reporting their dirty bits into the mirror pte (SPEC §2 reporting rule, §3 signal; the series\' fence completion path skipping the dirty report).',
  copies: [{ file: 'impl/device/report.ts', fn: 'dropDevicePtes', hash: 'f7613e29faf1' }],
  apply: { ops: { completeDrop: (_core, m, start, end) => clearEach(m.devicePt, start, end, () => undefined) } },
});

export const unregisterDropsMirrorDirty = mutant({
  name: 'unregisterDropsMirrorDirty',
  family: 'dirty',
  description: 'unregister empties the mirror page table without moving its dirty bits to the pages (SPEC §3 unregister: "dirty bits moved to pages"; the series\' hmm_mirror_unregister freeing the hmm_pt without a dirty walk).',
  copies: [{ file: 'impl/hmm/ops.ts', fn: 'teardownMirror', hash: '1115b5bc2a48' }],
  apply: { ops: { teardownMirror: (core, m, to) => {
    dropDevicePtes(core, m, 0, VPN_END);
    if (to !== 'unregistered') core.hmm.harvestDirty(core, m, 0, VPN_END);
    clearRange(m.pt, 0, VPN_END, null);
  } } },
});

export const writeProtectKeepsDirty = mutant({
  name: 'writeProtectKeepsDirty',
  family: 'dirty',
  description: 'WRITE_PROTECT clears the write bit but keeps the dirty bit (its pte_mask taken as VALID|DIRTY), so a read-only mirror pte stays dirty and its dirty bit is harvested again by every later event (SPEC §4.1: WRITE_PROTECT keeps VALID only; review of the series: dirty without write is a bug). Not in the issue\'s list: added so that rule dirtyImpliesWrite has a mutant it kills.',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'applyPteMask', hash: '60778006b1f8' }],
  apply: { ops: { applyPteMask: (core, op, m) => {
    if (op.event !== 'WRITE_PROTECT') applyPteMask(core, op, m);
    else maskMirror(core, m, op.start, op.end, PTE_VALID | PTE_DIRTY, true);
  } } },
});

/** The masks-and-dirty-bits family (the CPU-side ones are in cpuSide.ts), then the one added for dirtyImpliesWrite. */
export const DIRTY_MUTANTS = [
  maskBeforeHarvest, writeProtectLeavesWrite, harvestOnlyIfWritable, isDirtyClearsWithoutDirtying, deviceDirtyNotReported, unregisterDropsMirrorDirty,
  writeProtectKeepsDirty,
];
