/**
 * A set of in-flight ops keyed by their range, with fast overlap queries: the per-mm set of CPU
 * operations (EBUSY, SPEC §3) and of active events (device fault start, SPEC §4.3), as the
 * kernel keeps its interval tree of notifiers. Kept sorted by start. EBUSY makes the CPU ops of
 * one mm pairwise disjoint, so a query is one binary search; should an override (a mutant) ever
 * insert overlapping ranges, the set notices and answers by a linear scan instead.
 */
import type { Op } from './op.js';

export class IntervalSet {
  private readonly items: Op[] = [];
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
    const prev = items[i - 1];
    const next = items[i];
    if ((prev !== undefined && prev.end > op.start) || (next !== undefined && next.start < op.end)) this.disjoint = false;
    items.splice(i, 0, op);
  }

  delete(op: Op): void {
    const i = this.items.indexOf(op);
    if (i >= 0) this.items.splice(i, 1);
  }

  /** True when some op's range overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    const items = this.items;
    if (items.length === 0) return false;
    if (!this.disjoint) {
      for (let i = 0; i < items.length; i++) if (items[i].start < end && start < items[i].end) return true;
      return false;
    }
    // The last op starting before `end` is the only candidate among disjoint ranges.
    const i = this.firstStartAtOrAfter(end) - 1;
    return i >= 0 && items[i].end > start;
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
