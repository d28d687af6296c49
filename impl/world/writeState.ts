/**
 * The implementation's complete state for the explorer's state key (`World.writeState`,
 * spec/stateSink.ts): every record of `Core`, hidden fields included, so that two worlds that
 * write the same tokens behave alike under any commands, mutants included:
 * - ops with their walk records whatever their backoff, captured mirrors, fences, waited
 *   count, child, value and prot; fences with their failure code; the driver's released set;
 * - the per-mm bookkeeping as it is, not as it should be: live mirror list, `mirrorByDev`,
 *   the CPU-op and active-event interval sets (with their `disjoint` flag), the fork in
 *   flight and the fault registry in its own order;
 * - each `hmm_pt` table's entries with their raw flag bits, and its structure (writeTable.ts);
 * - the pool's count of directories in use, and the swap store: slots are renamed like pfns
 *   (only equality matters), free ones listed in stack order with the data they still hold.
 * Not written: where directories and swap slots sit (ids from history, compared only for
 * equality; checkStructure checks their accounting in every new state) and the `next`
 * counters (fresh ids only).
 *
 * Order: as the model's (model/world/writeState.ts): mms by id, devices' FIFOs, then whatever
 * a reference did not reach, each entity written in full at its first reference.
 */
import type { StateSink } from '../../spec/index.js';
import type { Fence } from '../device/fence.js';
import type { IntervalSet } from '../hmm/intervalSet.js';
import type { Mirror } from '../hmm/mirror.js';
import type { Op } from '../hmm/op.js';
import type { HmmPt } from '../pagetable/hmmPt.js';
import { PFN_SHIFT, PTE_FLAGS, PTE_SWAP } from '../pagetable/pte.js';
import type { Core } from './core.js';
import { writeTable } from './writeTable.js';

/** Writes `core` into `s`. */
export function writeState(core: Core, s: StateSink): void {
  writer.reset(core, s);
  writer.write();
}

type EntryKind = 'cpu' | 'mirror';

class StateWriter {
  /** Swap slot → its name, in order of first appearance. */
  private readonly slots = new Map<number, number>();
  private core!: Core;
  private s!: StateSink;

  reset(core: Core, s: StateSink): void {
    this.core = core;
    this.s = s;
    if (this.slots.size > 0) this.slots.clear();
  }

  write(): void {
    const { core, s } = this;
    s.int(core.mms.length);
    for (const mm of core.mms) {
      s.int(mm.id);
      s.word(mm.state);
      s.int(mm.vmas.list.length);
      for (const v of mm.vmas.list) {
        s.int(v.start);
        s.int(v.end);
        s.word(v.prot);
      }
      this.table(mm.pt, 'cpu');
      s.int(mm.mirrors.length);
      for (const m of mm.mirrors) this.mirror(m);
      s.int(mm.mirrorByDev.length);
      for (const d of byName(s, mm.mirrorByDev.length)) {
        s.dev(d);
        this.mirrorOrNil(mm.mirrorByDev[d]!);
      }
      this.intervals(mm.cpuOps);
      if (mm.forkOp === null) s.nil();
      else this.op(mm.forkOp);
      s.int(mm.faults.length);
      for (const op of mm.faults) this.op(op);
      this.intervals(mm.active);
    }
    const queues = core.driver.queues;
    s.int(queues.length);
    for (const d of byName(s, queues.length)) {
      const q = queues[d]!;
      s.dev(d);
      s.int(q.length);
      for (const e of q) {
        this.fence(e.fence);
        this.mirror(e.mirror);
        s.int(e.start);
        s.int(e.end);
      }
    }
    this.leftovers();
    this.swapAndPool();
    s.int(core.warnings);
    const v = core.driver.violations;
    s.int(v.length);
    for (const x of v.length < 2 ? v : v.slice().sort()) s.word(x);
  }

  private intervals(set: IntervalSet): void {
    const items = set['items'] as readonly Op[];
    this.s.int(items.length);
    for (const op of items) this.op(op);
    this.s.bool(set['disjoint'] as boolean);
  }

  /** Listed entities no reference reached (none in a sound world), and live pages by contents. */
  private leftovers(): void {
    const { core, s } = this;
    let n = 0;
    for (const m of core.mirrors.values()) if (s.nameOf('mirror', m.id) === 0) n++;
    s.int(n);
    if (n > 0) for (const m of [...core.mirrors.values()].filter((x) => s.nameOf('mirror', x.id) === 0)) this.mirror(m);
    n = 0;
    for (const op of core.ops.values()) if (s.nameOf('op', op.id) === 0) n++;
    s.int(n);
    if (n > 0) for (const op of [...core.ops.values()].filter((x) => s.nameOf('op', x.id) === 0)) this.op(op);
    n = 0;
    for (const f of core.fences.values()) if (s.nameOf('fence', f.id) === 0) n++;
    s.int(n);
    if (n > 0) for (const f of [...core.fences.values()].filter((x) => s.nameOf('fence', x.id) === 0)) this.fence(f);
    const p = core.pages;
    n = 0;
    for (let pfn = 1; pfn < p.next; pfn++) if (p.mapcount[pfn] > 0 && s.nameOf('pfn', pfn) === 0) n++;
    s.int(n);
    if (n === 0) return;
    const pages: number[] = [];
    for (let pfn = 1; pfn < p.next; pfn++) if (p.mapcount[pfn] > 0 && s.nameOf('pfn', pfn) === 0) pages.push(pfn);
    pages.sort((a, b) => p.data[a] - p.data[b] || p.dirty[a] - p.dirty[b] || nullLast(p.stored[a]) - nullLast(p.stored[b]) || p.mapcount[a] - p.mapcount[b]);
    for (const pfn of pages) this.page(pfn);
  }

  /** Free swap slots in stack order with what they hold, slots ever made, directories in use. */
  private swapAndPool(): void {
    const { core, s } = this;
    const free = core.swap['freeSlots'] as readonly number[];
    s.int(free.length);
    for (const slot of free) {
      this.slot(slot);
      s.int(core.swap.get(slot));
    }
    s.int((core.swap['slots'] as readonly number[]).length);
    s.int(core.pool.used);
  }

  private slot(slot: number): void {
    let name = this.slots.get(slot);
    if (name === undefined) this.slots.set(slot, (name = this.slots.size + 1));
    this.s.int(name);
  }

  private page(pfn: number): void {
    const s = this.s;
    if (!s.pfn(pfn)) return;
    const p = this.core.pages;
    if (pfn <= 0 || pfn >= p.data.length) {
      s.nil();
      return;
    }
    s.int(p.data[pfn]);
    s.int(p.dirty[pfn]);
    const stored = p.stored[pfn];
    if (Number.isNaN(stored)) s.nil();
    else s.int(stored);
    s.int(p.mapcount[pfn]);
  }

  private mirrorOrNil(m: Mirror | null): void {
    if (m === null) this.s.nil();
    else this.mirror(m);
  }

  private mirror(m: Mirror): void {
    const s = this.s;
    if (!s.mirror(m.id)) return;
    s.dev(m.dev);
    s.int(m.mm.id);
    s.word(m.state);
    s.int(m.refs);
    s.bool(this.core.mirrors.get(m.id) === m);
    s.bool((this.core.driver['releasedIds'] as ReadonlySet<number>).has(m.id));
    this.table(m.pt, 'mirror');
    this.table(m.devicePt, 'mirror');
  }

  /** An op by id (a fence's): nil when it is no longer in flight. */
  private opById(id: number): void {
    const op = this.core.ops.get(id);
    if (op !== undefined) this.op(op);
    else if (this.s.op(id)) this.s.nil();
  }

  private op(op: Op): void {
    const s = this.s;
    if (!s.op(op.id)) return;
    s.bool(this.core.ops.get(op.id) === op);
    s.word(op.kind);
    s.int(op.mm.id);
    s.int(op.start);
    s.int(op.end);
    s.word(op.event);
    s.word(op.phase);
    s.int(op.updated);
    s.bool(op.backoff);
    this.mirrorOrNil(op.mirror);
    s.int(op.captured.length);
    for (const m of op.captured) this.mirror(m);
    s.int(op.fences.length);
    for (const f of op.fences) this.fence(f);
    s.int(op.waited);
    this.records(op.records);
    s.int(op.child);
    if (op.value === null) s.nil();
    else s.int(op.value);
    if (op.prot === null) s.nil();
    else s.word(op.prot);
  }

  private records(records: Uint32Array | null): void {
    const s = this.s;
    if (records === null) {
      s.nil();
      return;
    }
    s.int(records.length);
    for (let i = 0; i < records.length; i++) this.entry(records[i], 'mirror');
  }

  private fence(f: Fence): void {
    const s = this.s;
    if (!s.fence(f.id)) return;
    s.dev(f.dev);
    this.mirror(f.mirror);
    this.opById(f.op);
    s.word(f.state);
    s.int(f.refs);
    s.word(f.code);
    s.bool(this.core.fences.get(f.id) === f);
  }

  /** A pte: its raw flag bits, then its page (or swap slot and data). */
  private entry(e: number, kind: EntryKind): void {
    const s = this.s;
    s.int(e & PTE_FLAGS);
    if (kind === 'cpu' && (e & PTE_SWAP) !== 0) {
      const slot = e >>> PFN_SHIFT;
      this.slot(slot);
      s.int(this.core.swap.get(slot));
    } else {
      this.page(e >>> PFN_SHIFT);
    }
  }

  /** A table, entries and structure (writeTable.ts). */
  private table(pt: HmmPt, kind: EntryKind): void {
    writeTable(this.s, pt, kind === 'cpu' ? this.cpuEntry : this.mirrorEntry);
  }

  private readonly cpuEntry = (e: number): void => this.entry(e, 'cpu');
  private readonly mirrorEntry = (e: number): void => this.entry(e, 'mirror');
}

const writer = new StateWriter();

const NUMBERS: number[][] = [];

/** Devices 0..n-1 in the order of their names in `s`, unnamed ones last by number (spec/stateSink.ts). */
function byName(s: StateSink, n: number): readonly number[] {
  const name = (d: number): number => s.nameOf('dev', d) || Number.MAX_SAFE_INTEGER;
  let ordered = true;
  for (let d = 1; d < n && ordered; d++) ordered = name(d - 1) <= name(d);
  const numbers = (NUMBERS[n] ??= Array.from({ length: n }, (_, d) => d));
  return ordered ? numbers : [...numbers].sort((a, b) => name(a) - name(b) || a - b);
}

function nullLast(stored: number): number {
  return Number.isNaN(stored) ? Number.MAX_VALUE : stored;
}
