/**
 * The reference world's complete state for the explorer's state key (`World.writeState`,
 * spec/stateSink.ts): every record of SPEC §2 with the fields the observation (SPEC §7) leaves
 * out: fault walk records whatever their backoff (§4.3), an invalidation's captured mirrors,
 * fences and finished count, mprotect's prot, a cow's value and fork's child (§4.2), fence
 * failure codes, and which mirrors the driver has released (§6 `releaseTwice`).
 *
 * Order (canonical up to renaming pfns, mirror, op and fence ids and devices): mms by id, each
 * with its vmas, CPU ptes by vpn, live mirrors in registration order, CPU operations by range
 * and device faults by contents; then each device's FIFO, devices by name; then anything listed
 * and not yet reached. An entity is written in full right after its first reference.
 */
import type { StateSink } from '../../spec/index.js';
import type { Fault, Invalidation, Op, Pte, WorldState } from './state.js';

/** Writes `w` into `s`. */
export function writeState(w: WorldState, s: StateSink): void {
  writer.w = w;
  writer.s = s;
  writer.write();
}

class StateWriter {
  w!: WorldState;
  s!: StateSink;
  /** Scratch for the vpns of one table at a time (no table is written inside another). */
  private readonly vpns: number[] = [];

  write(): void {
    const { w, s } = this;
    s.int(w.mms.size);
    for (const mm of w.mms.values()) {
      s.int(mm.id);
      s.word(mm.state);
      s.int(mm.vmas.length);
      for (const v of mm.vmas) {
        s.int(v.start);
        s.int(v.end);
        s.word(v.prot);
      }
      const vpns = sortedKeys(mm.ptes, this.vpns);
      s.int(vpns.length);
      for (let i = 0; i < vpns.length; i++) {
        const vpn = vpns[i]!;
        const pte = mm.ptes.get(vpn)!;
        s.int(vpn);
        if (pte.kind === 'present') {
          s.word('P');
          this.page(pte.pfn);
          s.bool(pte.write);
        } else {
          s.word('S');
          s.int(pte.data);
        }
      }
      s.int(mm.mirrors.length);
      for (const id of mm.mirrors) this.mirror(id);
      this.ops(this.opsOf(mm.id, 'invalidation').sort(byRange));
      this.ops(this.opsOf(mm.id, 'fault').sort((a, b) => this.compareFaults(a as Fault, b as Fault)));
    }
    s.int(w.devices.length);
    for (const id of byName(s, this.deviceIds())) {
      const d = w.devices[id]!;
      s.dev(d.id);
      s.int(d.pending.length);
      for (const e of d.pending) {
        this.fence(e.fence);
        this.mirror(e.mirror);
        s.int(e.start);
        s.int(e.end);
      }
    }
    this.leftovers();
    s.int(w.warnings);
    const violations = [...w.violations].sort();
    s.int(violations.length);
    for (const v of violations) s.word(v);
  }

  private ids: number[] = [];

  /** 0..devices-1, made once. */
  private deviceIds(): readonly number[] {
    if (this.ids.length !== this.w.devices.length) this.ids = this.w.devices.map((d) => d.id);
    return this.ids;
  }

  private opsOf(mm: number, family: Op['family']): Op[] {
    const found: Op[] = [];
    for (const op of this.w.ops.values()) if (op.mm === mm && op.family === family) found.push(op);
    return found;
  }

  private ops(list: readonly Op[]): void {
    this.s.int(list.length);
    for (const op of list) this.op(op.id);
  }

  /** Faults by contents (range, kind, phase, backoff, mirror's name so far), then id. */
  private compareFaults(a: Fault, b: Fault): number {
    const name = (f: Fault): number => this.s.nameOf('mirror', f.mirror) || Number.MAX_SAFE_INTEGER;
    return a.start - b.start || a.end - b.end || cmp(a.kind, b.kind) || cmp(a.lifecycle.value, b.lifecycle.value)
      || Number(a.backoff) - Number(b.backoff) || name(a) - name(b) || a.id - b.id;
  }

  /** Listed entities no reference reached (none in a sound world), and pages by contents. */
  private leftovers(): void {
    const { w, s } = this;
    const mirrors = [...w.mirrors.keys()].filter((id) => s.nameOf('mirror', id) === 0);
    s.int(mirrors.length);
    for (const id of mirrors) this.mirror(id);
    const ops = [...w.ops.keys()].filter((id) => s.nameOf('op', id) === 0);
    s.int(ops.length);
    for (const id of ops) this.op(id);
    const fences = [...w.fences.keys()].filter((id) => s.nameOf('fence', id) === 0);
    s.int(fences.length);
    for (const id of fences) this.fence(id);
    const pages = [...w.pages.values()].filter((p) => s.nameOf('pfn', p.pfn) === 0);
    pages.sort((a, b) => a.data - b.data || Number(a.dirty) - Number(b.dirty) || (a.stored ?? -1) - (b.stored ?? -1) || a.mapcount - b.mapcount);
    s.int(pages.length);
    for (const p of pages) this.page(p.pfn);
  }

  private page(pfn: number): void {
    const s = this.s;
    if (!s.pfn(pfn)) return;
    const p = this.w.pages.get(pfn);
    if (p === undefined) {
      s.nil();
      return;
    }
    s.int(p.data);
    s.bool(p.dirty);
    if (p.stored === null) s.nil();
    else s.int(p.stored);
    s.int(p.mapcount);
  }

  private mirror(id: number): void {
    const s = this.s;
    if (!s.mirror(id)) return;
    const m = this.w.mirrors.get(id);
    if (m === undefined) {
      s.nil();
      return;
    }
    const device = this.w.devices[m.dev];
    s.dev(m.dev);
    s.int(m.mm);
    s.word(m.lifecycle.value);
    s.int(m.refs);
    s.bool(device.released.has(id));
    this.pt(m.pt);
    const dpt = device.pt.get(id);
    if (dpt === undefined) s.nil();
    else this.pt(dpt);
  }

  private pt(pt: ReadonlyMap<number, Pte>): void {
    const s = this.s;
    const vpns = sortedKeys(pt, this.vpns);
    s.int(vpns.length);
    for (let i = 0; i < vpns.length; i++) {
      const vpn = vpns[i]!;
      const pte = pt.get(vpn)!;
      s.int(vpn);
      this.page(pte.pfn);
      s.bool(pte.write);
      s.bool(pte.dirty);
    }
  }

  private op(id: number): void {
    const s = this.s;
    if (!s.op(id)) return;
    const op = this.w.ops.get(id);
    if (op === undefined) {
      s.nil();
      return;
    }
    s.word(op.kind);
    s.int(op.mm);
    s.int(op.start);
    s.int(op.end);
    s.word(op.lifecycle.value);
    if (op.family === 'fault') this.fault(op);
    else this.invalidation(op);
  }

  private fault(f: Fault): void {
    const s = this.s;
    this.mirror(f.mirror);
    s.bool(f.backoff);
    s.int(f.records.length);
    for (const r of f.records) {
      s.int(r.vpn);
      this.page(r.pfn);
      s.bool(r.write);
    }
  }

  private invalidation(op: Invalidation): void {
    const s = this.s;
    s.word(op.event);
    s.int(op.captured.length);
    for (const id of op.captured) this.mirror(id);
    s.int(op.updated);
    s.int(op.fences.length);
    for (const id of op.fences) this.fence(id);
    s.int(op.finished);
    if (op.prot === null) s.nil();
    else s.word(op.prot);
    if (op.value === null) s.nil();
    else s.int(op.value);
    if (op.child === null) s.nil();
    else s.int(op.child);
  }

  private fence(id: number): void {
    const s = this.s;
    if (!s.fence(id)) return;
    const f = this.w.fences.get(id);
    if (f === undefined) {
      s.nil();
      return;
    }
    s.dev(f.dev);
    this.mirror(f.mirror);
    this.op(f.op);
    s.word(f.lifecycle.value);
    s.int(f.refs);
    if (f.code === null) s.nil();
    else s.word(f.code);
  }
}

/** Device numbers (ascending) in the order of their names in `s`, unnamed ones last by number (spec/stateSink.ts). */
function byName(s: StateSink, devs: readonly number[]): readonly number[] {
  const name = (d: number): number => s.nameOf('dev', d) || Number.MAX_SAFE_INTEGER;
  let ordered = true;
  for (let i = 1; i < devs.length && ordered; i++) ordered = name(devs[i - 1]!) <= name(devs[i]!);
  return ordered ? devs : [...devs].sort((a, b) => name(a) - name(b) || a - b);
}

/** The keys of `m` ascending, in `out` (reused). */
function sortedKeys(m: ReadonlyMap<number, unknown>, out: number[]): number[] {
  out.length = 0;
  let sorted = true;
  for (const k of m.keys()) {
    if (out.length > 0 && k < out[out.length - 1]!) sorted = false;
    out.push(k);
  }
  if (!sorted) out.sort((a, b) => a - b);
  return out;
}

const writer = new StateWriter();

function byRange(a: Op, b: Op): number {
  return a.start - b.start || a.end - b.end || a.id - b.id;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
