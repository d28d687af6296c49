/**
 * The observation (SPEC §7): one canonical JSON value, entities sorted by their first field.
 * Maps keyed by id iterate in id order (ids only grow); page tables are sorted by vpn here.
 */
import type {
  CpuPteObs, FenceObs, MirrorObs, MmObs, Observation, OpObs, PageObs, PendingObs, PteObs,
} from '../../spec/index.js';
import { devicePt } from './devicePt.js';
import type { Mirror, Mm, Op, Pte, WorldState } from './state.js';

/** The observation of the world now. */
export function observe(w: WorldState): Observation {
  return {
    mms: [...w.mms.values()].map(observeMm),
    pages: [...w.pages.values()].map((p): PageObs => [p.pfn, p.data, p.dirty, p.stored, p.mapcount]),
    mirrors: [...w.mirrors.values()].map((m) => observeMirror(w, m)),
    fences: [...w.fences.values()].map((f): FenceObs => {
      const state = f.lifecycle.value;
      if (state === 'freed') throw new Error(`fence ${f.id} is freed but still listed`);
      return [f.id, f.dev, f.mirror, f.op, state, f.refs];
    }),
    pending: w.devices.map((d): PendingObs => [d.id, d.pending.map((e) => [e.fence, e.mirror, e.start, e.end] as const)]),
    ops: [...w.ops.values()].map(observeOp),
    warnings: w.warnings,
    violations: [...w.violations].sort(),
    next: { pfn: w.next.pfn, mirror: w.next.mirror, op: w.next.op, fence: w.next.fence, mm: w.next.mm },
  };
}

function sortedVpns<T>(table: Map<number, T>): number[] {
  return [...table.keys()].sort((a, b) => a - b);
}

function observeMm(mm: Mm): MmObs {
  const ptes = sortedVpns(mm.ptes).map((vpn): CpuPteObs => {
    const pte = mm.ptes.get(vpn);
    if (pte === undefined) throw new Error(`mm ${mm.id}: pte ${vpn} vanished`);
    return pte.kind === 'present' ? [vpn, 'P', pte.pfn, pte.write] : [vpn, 'S', pte.data];
  });
  return [mm.id, mm.state, mm.vmas.map((v) => [v.start, v.end, v.prot] as const), ptes];
}

function observePt(table: Map<number, Pte>): PteObs[] {
  return sortedVpns(table).map((vpn): PteObs => {
    const pte = table.get(vpn) as Pte;
    return [vpn, pte.pfn, pte.write, pte.dirty];
  });
}

function observeMirror(w: WorldState, m: Mirror): MirrorObs {
  const state = m.lifecycle.value;
  if (state === 'freed') throw new Error(`mirror ${m.id} is freed but still listed`);
  return [m.id, m.dev, m.mm, state, m.refs, observePt(m.pt), observePt(devicePt(w, m))];
}

function observeOp(op: Op): OpObs {
  const phase = op.lifecycle.value;
  if (phase === 'end') throw new Error(`op ${op.id} has ended but is still in flight`);
  return op.family === 'invalidation'
    ? [op.id, op.kind, op.mm, op.start, op.end, phase, op.updated, false, null]
    : [op.id, op.kind, op.mm, op.start, op.end, phase, 0, op.backoff, op.mirror];
}
