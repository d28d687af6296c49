/**
 * A deep copy of a world's state (`Core`): the explorer branches a state into one copy per
 * command instead of replaying its whole history (ImplWorld.clone). The copy shares no mutable
 * object with the original: the pool and pages are copied array by array (every directory and
 * pfn keeps its id), and the object graph of mms, mirrors, ops and fences is rebuilt with every
 * reference pointing at the copy of its target (freed mirrors and fences still referenced by an
 * op or a pending entry included), so both evolve alike and independently.
 *
 * A copy can be built in the storage of a state that is dropped (`spare`), so the explorer
 * copies without allocating typed arrays.
 *
 * It lists every field of the records it copies; test/impl/cloneCore.test.ts compares the copy
 * with the original field by field over the whole graph after every command of random runs, so
 * a field added to a record and missed here fails there.
 */
import { DeviceSim, type PendingEntry } from '../device/driver.js';
import { Fence } from '../device/fence.js';
import { Mm } from '../cpu/mm.js';
import type { IntervalSet } from '../hmm/intervalSet.js';
import { Mirror } from '../hmm/mirror.js';
import { Op } from '../hmm/op.js';
import { copyPtInto } from '../pagetable/clone.js';
import type { DirPool } from '../pagetable/pool.js';
import { Vmas } from '../cpu/vmas.js';
import { Core } from './core.js';

/**
 * An independent copy of `src`. Given `spare`, a state that is dropped (nothing may use it
 * after), the copy is built in its pool, pages and driver, reusing their arrays: no typed array
 * is allocated when the sizes agree.
 */
export function cloneCore(src: Core, spare?: Core): Core {
  return new CoreCopier(src, spare).copy();
}

/** One copy in progress: the copies made so far, by original. */
class CoreCopier {
  private readonly pool: DirPool;
  private readonly mms: Mm[] = [];
  /** Originals and their copies at the same index (a world holds few of each: a scan beats a Map). */
  private readonly mirrors: Mirror[] = [];
  private readonly mirrorCopies: Mirror[] = [];
  private readonly fences: Fence[] = [];
  private readonly fenceCopies: Fence[] = [];
  private readonly ops: Op[] = [];
  private readonly opCopies: Op[] = [];

  constructor(private readonly src: Core, private readonly spare: Core | undefined) {
    this.pool = spare === undefined ? src.pool.clone() : spare.pool.assign(src.pool);
  }

  copy(): Core {
    const src = this.src;
    for (const mm of src.mms) this.mms.push(this.bareMm(mm));
    for (let i = 0; i < src.mms.length; i++) this.fillMm(src.mms[i], this.mms[i]);
    const driver = this.driver(src.driver);
    const pages = this.spare === undefined ? src.pages.clone() : this.spare.pages.assign(src.pages);
    const core = new Core(src.devices, src.hmm, { pool: this.pool, pages, swap: src.swap.clone(), driver });
    for (const mm of this.mms) core.mms.push(mm);
    for (const [id, m] of src.mirrors) core.mirrors.set(id, this.mirror(m));
    for (const [id, op] of src.ops) core.ops.set(id, this.op(op));
    for (const [id, f] of src.fences) core.fences.set(id, this.fence(f));
    core.warnings = src.warnings;
    core.nextMirror = src.nextMirror;
    core.nextOp = src.nextOp;
    core.nextFence = src.nextFence;
    return core;
  }

  /** The mm with its own state, vmas and CPU table; its links to mirrors and ops come in `fillMm`. */
  private bareMm(mm: Mm): Mm {
    const c = new Mm(mm.id, mm.mirrorByDev.length, this.pool);
    c.state = mm.state;
    c.vmas = copyVmas(mm.vmas);
    copyPtInto(mm.pt, c.pt);
    return c;
  }

  private fillMm(mm: Mm, c: Mm): void {
    c.mirrors = mm.mirrors.map((m) => this.mirror(m));
    for (let d = 0; d < mm.mirrorByDev.length; d++) {
      const m = mm.mirrorByDev[d];
      c.mirrorByDev[d] = m === null ? null : this.mirror(m);
    }
    this.copyIntervals(mm.cpuOps, c.cpuOps);
    c.forkOp = mm.forkOp === null ? null : this.op(mm.forkOp);
    for (const op of mm.faults) c.faults.push(this.op(op));
    this.copyIntervals(mm.active, c.active);
  }

  private copyIntervals(from: IntervalSet, to: IntervalSet): void {
    for (const op of from['items']) to['items'].push(this.op(op));
    to['disjoint'] = from['disjoint'];
  }

  private mirror(m: Mirror): Mirror {
    const i = this.mirrors.indexOf(m);
    if (i >= 0) return this.mirrorCopies[i];
    const c = new Mirror(m.id, m.dev, this.mms[m.mm.id], this.pool);
    this.mirrors.push(m);
    this.mirrorCopies.push(c);
    c.state = m.state;
    c.refs = m.refs;
    copyPtInto(m.pt, c.pt);
    copyPtInto(m.devicePt, c.devicePt);
    return c;
  }

  private fence(f: Fence): Fence {
    const i = this.fences.indexOf(f);
    if (i >= 0) return this.fenceCopies[i];
    const c = new Fence(f.id, f.dev, this.mirror(f.mirror), f.op);
    this.fences.push(f);
    this.fenceCopies.push(c);
    c.state = f.state;
    c.refs = f.refs;
    c.code = f.code;
    return c;
  }

  private op(op: Op): Op {
    const i = this.ops.indexOf(op);
    if (i >= 0) return this.opCopies[i];
    const mirror = op.mirror === null ? null : this.mirror(op.mirror);
    const c = new Op(op.id, op.kind, this.mms[op.mm.id], op.start, op.end, op.event, mirror, op.value, op.prot);
    this.ops.push(op);
    this.opCopies.push(c);
    c.phase = op.phase;
    c.updated = op.updated;
    c.backoff = op.backoff;
    c.captured = op.captured.map((m) => this.mirror(m));
    for (const f of op.fences) c.fences.push(this.fence(f));
    c.waited = op.waited;
    c.records = op.records === null ? null : op.records.slice();
    c.child = op.child;
    return c;
  }

  /** The driver's copy: in the spare's driver emptied, when it has as many devices. */
  private driver(d: DeviceSim): DeviceSim {
    const spare = this.spare?.driver;
    const c = spare !== undefined && spare.queues.length === d.queues.length ? emptied(spare) : new DeviceSim(d.queues.length);
    for (let dev = 0; dev < d.queues.length; dev++) {
      for (const e of d.queues[dev]) c.queues[dev].push(this.pendingEntry(e));
    }
    for (const v of d.violations) c.violations.push(v);
    for (const id of d['releasedIds']) c['releasedIds'].add(id);
    return c;
  }

  private pendingEntry(e: PendingEntry): PendingEntry {
    return { fence: this.fence(e.fence), mirror: this.mirror(e.mirror), start: e.start, end: e.end };
  }
}

/** Vmas with their own records (they are replaced, never changed, but a copy shares nothing). */
function copyVmas(v: Vmas): Vmas {
  const c = new Vmas();
  c.list = v.list.map((x) => ({ start: x.start, end: x.end, prot: x.prot }));
  return c;
}

/** The driver as `new DeviceSim(devices)` makes it: queues, violations and released mirrors emptied. */
function emptied(d: DeviceSim): DeviceSim {
  for (const q of d.queues) if (q.length !== 0) q.length = 0;
  if (d.violations.length !== 0) d.violations.length = 0;
  if (d['releasedIds'].size !== 0) d['releasedIds'].clear();
  return d;
}
