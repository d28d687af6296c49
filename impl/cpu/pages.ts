/**
 * Physical pages in struct-of-arrays form, indexed by pfn (SPEC §2 page: data, dirty, stored,
 * mapcount). pfns come from a counter starting at 1 and are never reused, so a freed pfn's
 * slot is never read again (a dirty bit harvested onto a freed page is lost, SPEC
 * INTERPRETATION 11). A page is live iff mapcount > 0; `stored` NaN means null.
 * Also the swap store: swapped CPU ptes hold a slot here (the kernel's swap entry).
 */

export class Pages {
  data = new Float64Array(1024);
  dirty = new Uint8Array(1024);
  stored = new Float64Array(1024);
  mapcount = new Int32Array(1024);
  /** The pfn handed out next (SPEC §7 next.pfn). */
  next = 1;

  /** A new page with mapcount 1 (stored NaN = null). */
  alloc(data: number, dirty: boolean, stored: number): number {
    const pfn = this.next++;
    if (pfn >= this.data.length) this.grow();
    this.data[pfn] = data;
    this.dirty[pfn] = dirty ? 1 : 0;
    this.stored[pfn] = stored;
    this.mapcount[pfn] = 1;
    return pfn;
  }

  /** Drops one CPU mapping; the page is freed when its mapcount reaches 0. */
  unmap(pfn: number): void {
    const n = this.mapcount[pfn];
    if (n <= 0) throw new Error(`pages invariant: unmap of free pfn ${pfn}`);
    this.mapcount[pfn] = n - 1;
  }

  isLive(pfn: number): boolean {
    return pfn > 0 && pfn < this.next && this.mapcount[pfn] > 0;
  }

  private grow(): void {
    const n = this.data.length * 2;
    const data = new Float64Array(n);
    data.set(this.data);
    this.data = data;
    const dirty = new Uint8Array(n);
    dirty.set(this.dirty);
    this.dirty = dirty;
    const stored = new Float64Array(n);
    stored.set(this.stored);
    this.stored = stored;
    const mapcount = new Int32Array(n);
    mapcount.set(this.mapcount);
    this.mapcount = mapcount;
  }
}

/** Swap slots holding the data of swapped CPU ptes; slots are reused through a free list. */
export class SwapStore {
  private readonly slots: number[] = [0];
  private readonly freeSlots: number[] = [];

  alloc(data: number): number {
    const s = this.freeSlots.pop();
    if (s !== undefined) {
      this.slots[s] = data;
      return s;
    }
    this.slots.push(data);
    return this.slots.length - 1;
  }

  get(slot: number): number {
    return this.slots[slot];
  }

  free(slot: number): void {
    this.freeSlots.push(slot);
  }
}
