/**
 * An mm's vmas (SPEC §2): sorted, disjoint and maximal (adjacent vmas with the same prot are
 * merged, as vma_merge does; INTERPRETATION 4). Lookups are binary searches; changes rebuild
 * the small array (not a hot path).
 */
import type { Prot } from '../../spec/index.js';

export interface Vma {
  readonly start: number;
  readonly end: number;
  readonly prot: Prot;
}

export class Vmas {
  list: Vma[] = [];

  /** Index of the vma containing vpn, or -1. */
  find(vpn: number): number {
    const l = this.list;
    let lo = 0;
    let hi = l.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = l[mid];
      if (vpn < v.start) hi = mid - 1;
      else if (vpn >= v.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** The prot at vpn, or null when no vma holds it. */
  protAt(vpn: number): Prot | null {
    const i = this.find(vpn);
    return i < 0 ? null : this.list[i].prot;
  }

  /** Vmas overlapping [start, end). */
  overlapping(start: number, end: number): Vma[] {
    return this.list.filter((v) => v.start < end && start < v.end);
  }

  /** True when every page of [start, end) lies in some vma. */
  covers(start: number, end: number): boolean {
    let at = start;
    for (const v of this.list) {
      if (v.end <= at) continue;
      if (v.start > at) return false;
      at = v.end;
      if (at >= end) return true;
    }
    return false;
  }

  /** Replaces [start, end) by one vma of `prot`, or by nothing when prot is null; then merges. */
  setRange(start: number, end: number, prot: Prot | null): void {
    const out: Vma[] = [];
    for (const v of this.list) {
      if (v.end <= start || v.start >= end) {
        out.push(v);
        continue;
      }
      if (v.start < start) out.push({ start: v.start, end: start, prot: v.prot });
      if (v.end > end) out.push({ start: end, end: v.end, prot: v.prot });
    }
    if (prot !== null) out.push({ start, end, prot });
    out.sort((a, b) => a.start - b.start);
    this.list = merge(out);
  }

  /** Every vma in [start, end) takes `prot` (parts outside no vma stay without one). */
  protectRange(start: number, end: number, prot: Prot): void {
    for (const v of this.overlapping(start, end)) {
      this.setRange(Math.max(v.start, start), Math.min(v.end, end), prot);
    }
  }

  clone(): Vmas {
    const c = new Vmas();
    c.list = this.list.slice();
    return c;
  }
}

function merge(sorted: Vma[]): Vma[] {
  const out: Vma[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.end === v.start && last.prot === v.prot) {
      out[out.length - 1] = { start: last.start, end: v.end, prot: v.prot };
    } else {
      out.push(v);
    }
  }
  return out;
}
