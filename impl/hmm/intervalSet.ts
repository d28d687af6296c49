/**
 * A set of in-flight ops keyed by their range, with fast overlap queries: the per-mm set of CPU
 * operations (EBUSY, SPEC §3) and of active events (device fault start, SPEC §4.3), as the
 * kernel keeps its interval tree of notifiers. Kept sorted by start. EBUSY makes the CPU ops of
 * one mm pairwise disjoint, so a query is one binary search; should an override (a mutant) ever
 * insert overlapping ranges, the set notices and answers by a scan of every candidate instead.
 */
import type { Op } from './op.js';

export class IntervalSet {
  private readonly items: Op[] = [];
  /** No two items overlap (always so unless a mutant breaks EBUSY). */
  private disjoint = true;

  get size(): number {
    return this.items.length;
  }

  /** The ops, sorted by start. */
  values(): readonly Op[] {
    return this.items;
  }

  add(op: Op): void {
    const items = this.items;
    const i = this.firstStartAtOrAfter(op.start);
    const prevEnd = i > 0 ? items[i - 1].end : -Infinity;
    const nextStart = i < items.length ? items[i].start : Infinity;
    this.disjoint = this.disjoint && prevEnd <= op.start && op.end <= nextStart;
    items.splice(i, 0, op);
  }

  delete(op: Op): void {
    const i = this.items.indexOf(op);
    if (i >= 0) this.items.splice(i, 1);
  }

  /**
   * True when some op's range overlaps [start, end). The candidates are the ops starting before
   * `end`; among disjoint ranges only the last of them can reach past `start`.
   */
  overlaps(start: number, end: number): boolean {
    const items = this.items;
    const last = this.firstStartAtOrAfter(end) - 1;
    const first = this.disjoint ? last : 0;
    for (let i = last; i >= 0 && i >= first; i--) if (items[i].end > start) return true;
    return false;
  }

  /** Index of the first op whose start is >= s. */
  private firstStartAtOrAfter(s: number): number {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (items[mid].start < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
