/**
 * A deep copy of the reference world's records (state.ts), so that a copy evolves as the
 * original would under the same commands and independently of it (World.clone: the guided
 * generator of properties/guided resumes runs from kept states instead of replaying them).
 * Every mutable record is copied field by field; lifecycles are immutable values shared by every
 * world (statecharts/advance.ts), as are the readonly records of a pending queue and a fault's
 * walk, and the coverage record, which the copy keeps feeding.
 */
import type { CpuPte, Device, Fence, Mirror, Mm, Op, Page, Pte, WorldState } from './state.js';

const ptes = (table: ReadonlyMap<number, Pte>): Map<number, Pte> => new Map([...table].map(([vpn, p]) => [vpn, { ...p }]));

const cpuPte = (p: CpuPte): CpuPte => (p.kind === 'present' ? { ...p } : p);

function device(d: Device): Device {
  return { id: d.id, pt: new Map([...d.pt].map(([m, t]) => [m, ptes(t)])), pending: [...d.pending], released: new Set(d.released) };
}

function mm(m: Mm): Mm {
  return { id: m.id, state: m.state, vmas: m.vmas.map((v) => ({ ...v })), ptes: new Map([...m.ptes].map(([vpn, p]) => [vpn, cpuPte(p)])), mirrors: [...m.mirrors] };
}

const mirror = (m: Mirror): Mirror => ({ ...m, pt: ptes(m.pt) });

const fence = (f: Fence): Fence => ({ ...f });

const page = (p: Page): Page => ({ ...p });

function op(o: Op): Op {
  if (o.family === 'fault') return { ...o, records: [...o.records] };
  return { ...o, captured: [...o.captured], fences: [...o.fences] };
}

const copyMap = <K, V>(m: ReadonlyMap<K, V>, copy: (v: V) => V): Map<K, V> => new Map([...m].map(([k, v]) => [k, copy(v)]));

/** An independent copy of `w`. */
export function cloneWorldState(w: WorldState): WorldState {
  return {
    devices: w.devices.map(device),
    mms: copyMap(w.mms, mm),
    pages: copyMap(w.pages, page),
    mirrors: copyMap(w.mirrors, mirror),
    fences: copyMap(w.fences, fence),
    ops: copyMap(w.ops, op),
    next: { ...w.next },
    warnings: w.warnings,
    violations: [...w.violations],
    coverage: w.coverage,
  };
}
