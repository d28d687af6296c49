/**
 * Physical pages in struct-of-arrays form, indexed by pfn (SPEC §2 page: data, dirty, stored,
 * mapcount). pfns come from a counter starting at 1 and are never reused, so a freed pfn's
 * slot is never read again (a dirty bit harvested onto a freed page is lost, SPEC
 * INTERPRETATION 11). A page is live iff mapcount > 0; `stored` NaN means null.
 * Also the swap store: swapped CPU ptes hold a slot here (the kernel's swap entry).
 *
 * The arrays start small (a world of a few pages is cheap to create and to copy, as the
 * explorer does for every state) and double when a pfn reaches their length, so code must not
 * keep one of them across an `alloc`.
 */
import { copied } from '../pagetable/pool.js';

/**
 * Slots of a new `Pages` (pfn 0 included); they double as pfns reach them. 8 keeps each array
 * within 64 bytes, which V8 allocates on its heap, several times faster than a larger one.
 */
export const INITIAL_PAGE_SLOTS = 8;

export class Pages {
  data: Float64Array;
  dirty: Uint8Array;
  stored: Float64Array;
  mapcount: Int32Array;
  /** The pfn handed out next (SPEC §7 next.pfn). */
  next: number;
  /**
   * The pfns allocated, increasing, with freed ones dropped now and then (compacted when they
   * outnumber the live ones): observe() lists the live pages from it in time proportional to
   * them, not to every pfn ever handed out (a long replay hands out millions).
   */
  allocated: number[];
  /** Live pages (mapcount > 0). */
  live: number;

  /** No pages; or, given `from`, an independent copy of it (same pfns, contents and capacity). */
  constructor(from?: Pages) {
    if (from === undefined) {
      this.data = new Float64Array(INITIAL_PAGE_SLOTS);
      this.dirty = new Uint8Array(INITIAL_PAGE_SLOTS);
      this.stored = new Float64Array(INITIAL_PAGE_SLOTS);
      this.mapcount = new Int32Array(INITIAL_PAGE_SLOTS);
      this.next = 1;
      this.allocated = [];
      this.live = 0;
    } else {
      this.data = from.data.slice();
      this.dirty = from.dirty.slice();
      this.stored = from.stored.slice();
      this.mapcount = from.mapcount.slice();
      this.next = from.next;
      this.allocated = from.allocated.slice();
      this.live = from.live;
    }
  }

  /** A new page with mapcount 1 (stored NaN = null). */
  alloc(data: number, dirty: boolean, stored: number): number {
    const pfn = this.next++;
    if (pfn >= this.data.length) this.grow();
    this.data[pfn] = data;
    this.dirty[pfn] = dirty ? 1 : 0;
    this.stored[pfn] = stored;
    this.mapcount[pfn] = 1;
    if (this.allocated.length >= 64 && this.allocated.length > 2 * this.live) this.compact();
    this.allocated.push(pfn);
    this.live++;
    return pfn;
  }

  /** Drops the freed pfns from `allocated` (the order stays increasing). */
  private compact(): void {
    const mapcount = this.mapcount;
    this.allocated = this.allocated.filter((pfn) => mapcount[pfn] > 0);
  }

  /** Drops one CPU mapping; the page is freed when its mapcount reaches 0. */
  unmap(pfn: number): void {
    const n = this.mapcount[pfn];
    if (n <= 0) throw new Error(`pages invariant: unmap of free pfn ${pfn}`);
    this.mapcount[pfn] = n - 1;
    if (n === 1) this.live--;
  }

  /** An independent copy. */
  clone(): Pages {
    return new Pages(this);
  }

  /** Makes these pages a copy of `from`, in their own arrays where the sizes agree; what they held is dropped. */
  assign(from: Pages): this {
    this.data = copied(this.data, from.data);
    this.dirty = copied(this.dirty, from.dirty);
    this.stored = copied(this.stored, from.stored);
    this.mapcount = copied(this.mapcount, from.mapcount);
    this.next = from.next;
    this.allocated = from.allocated.slice();
    this.live = from.live;
    return this;
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
  private readonly slots: number[];
  private readonly freeSlots: number[];

  /** An empty store; or, given `from`, an independent copy of it (same free list, so the same slots come next). */
  constructor(from?: SwapStore) {
    this.slots = from === undefined ? [0] : from.slots.slice();
    this.freeSlots = from === undefined ? [] : from.freeSlots.slice();
  }

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

  /** An independent copy. */
  clone(): SwapStore {
    return new SwapStore(this);
  }
}
