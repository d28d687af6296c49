/**
 * The observation of SPEC §7, built on demand in O(state) from the implementation's tables.
 * Entities are listed sorted by their first field; violations sorted as strings. The mirror, op
 * and fence maps are already in id order: ids only grow, each entry is set once when its
 * entity is created (and cloneCore copies in the same order), and a Map iterates in insertion
 * order; so they are listed without sorting.
 */
import type { CpuPteObs, MirrorObs, MmObs, Observation, OpObs, PageObs, PteObs } from '../../spec/index.js';
import { PFN_SHIFT, PTE_DIRTY, PTE_SWAP, PTE_WRITE } from '../pagetable/pte.js';
import { forEachPte } from '../pagetable/range.js';
import type { HmmPt } from '../pagetable/hmmPt.js';
import type { Mm } from '../cpu/mm.js';
import type { Core } from './core.js';

const ALL = 2 ** 36;

export function observe(core: Core): Observation {
  return {
    mms: core.mms.map((mm) => observeMm(core, mm)),
    pages: observePages(core),
    mirrors: [...core.mirrors.values()].map((m): MirrorObs => [
      m.id, m.dev, m.mm.id, m.state as MirrorObs[3], m.refs, ptes(m.pt), ptes(m.devicePt),
    ]),
    fences: [...core.fences.values()].map((f) => [
      f.id, f.dev, f.mirror.id, f.op, f.state as 'pending' | 'signaled' | 'failed', f.refs,
    ] as const),
    pending: core.driver.queues.map((q, dev) => [dev, q.map((e) => [e.fence.id, e.mirror.id, e.start, e.end] as const)] as const),
    ops: [...core.ops.values()].map((op): OpObs => [
      op.id, op.kind, op.mm.id, op.start, op.end, op.phase as OpObs[5], op.updated, op.backoff,
      op.mirror === null ? null : op.mirror.id,
    ]),
    warnings: core.warnings,
    violations: core.driver.violations.length < 2 ? core.driver.violations.slice() : core.driver.violations.slice().sort(),
    next: { pfn: core.pages.next, mirror: core.nextMirror, op: core.nextOp, fence: core.nextFence, mm: core.mms.length },
  };
}

function observeMm(core: Core, mm: Mm): MmObs {
  const cpu: CpuPteObs[] = [];
  forEachPte(mm.pt, 0, ALL, (vpn, e) => {
    cpu.push((e & PTE_SWAP) !== 0 ? [vpn, 'S', core.swap.get(e >>> PFN_SHIFT)] : [vpn, 'P', e >>> PFN_SHIFT, (e & PTE_WRITE) !== 0]);
  });
  return [mm.id, mm.state, mm.vmas.list.map((v) => [v.start, v.end, v.prot] as const), cpu];
}

function observePages(core: Core): PageObs[] {
  const p = core.pages;
  const out: PageObs[] = [];
  for (const pfn of p.allocated) {
    if (p.mapcount[pfn] <= 0) continue;
    const stored = p.stored[pfn];
    out.push([pfn, p.data[pfn], p.dirty[pfn] === 1, Number.isNaN(stored) ? null : stored, p.mapcount[pfn]]);
  }
  return out;
}

function ptes(pt: HmmPt): PteObs[] {
  const out: PteObs[] = [];
  forEachPte(pt, 0, ALL, (vpn, e) => {
    out.push([vpn, e >>> PFN_SHIFT, (e & PTE_WRITE) !== 0, (e & PTE_DIRTY) !== 0]);
  });
  return out;
}
