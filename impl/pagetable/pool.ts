/**
 * The directory pool of `hmm_pt`: every directory of every table of one world is a slot of
 * DIR_ENTRIES Uint32 in big typed-array slabs (chunks of CHUNK_DIRS directories), with a free
 * stack, as the kernel's hmm_pt took its directory pages from the page allocator.
 *
 * Directory id 0 is never handed out: an upper-level entry 0 means "no child". A free slot is
 * all zeros (tables zero entries before freeing a directory, and it is checked here).
 * Chunks are fixed-size, never doubled, so allocated memory tracks used directories (the
 * bytes-per-pte bench measures it). They are small (CHUNK_DIRS directories, 16 KiB), and an
 * empty pool holds no array of any size, so a world of a few tables is cheap to create and to
 * copy (`clone`, for the explorer).
 */

export const DIR_SHIFT = 9;
export const DIR_ENTRIES = 1 << DIR_SHIFT;
export const DIR_MASK = DIR_ENTRIES - 1;
export const CHUNK_SHIFT = 3;
export const CHUNK_DIRS = 1 << CHUNK_SHIFT;
export const CHUNK_MASK = CHUNK_DIRS - 1;

export const SUMMARY_WORDS = DIR_ENTRIES >>> 5;

/** Chunks a pool keeps from what `assign` dropped. */
const MAX_RETIRED = 4;

/** Frees listed between two structure checks; past it they are not listed (see takeFreed). */
const MAX_FREED = 1 << 16;

export class DirPool {
  /** Slabs: directory d lives at chunks[d >>> CHUNK_SHIFT], offset (d & CHUNK_MASK) << DIR_SHIFT. */
  readonly chunks: Uint32Array[];
  /** Per directory: its count of non-zero (valid) entries. */
  counts: Uint16Array;
  /** Per directory: 1 while handed out. */
  inUse: Uint8Array;
  /**
   * Per upper-level directory: a 512-bit summary of its non-zero children (SUMMARY_WORDS words
   * at d * SUMMARY_WORDS), so range walks skip empty stretches 32 children at a time.
   * Not maintained for leaves.
   */
  summary: Uint32Array;
  private freeStack: Int32Array;
  private freeTop: number;
  /** Chunks this pool dropped in `assign`, kept for its next ones (not part of its state). */
  readonly #retired: Uint32Array[] = [];
  /**
   * Directories freed since the structure check last looked (world/structureCheck.ts checks
   * that each is zeroed), once a check asked for it; null otherwise. Not part of its state.
   */
  #freed: number[] | null = null;
  /** Directories handed out and not freed. */
  used: number;

  /**
   * An empty pool; or, given `from`, an independent copy of it: every directory at the same id
   * with the same entries, counts and summaries, and the same free stack (so the same ids are
   * handed out next). Tables of the copy are `HmmPt`s with the same roots (`copyPtInto`).
   */
  constructor(from?: DirPool) {
    if (from === undefined) {
      this.chunks = [];
      this.counts = new Uint16Array(0);
      this.inUse = new Uint8Array(0);
      this.summary = new Uint32Array(0);
      this.freeStack = new Int32Array(0);
      this.freeTop = 0;
      this.used = 0;
    } else {
      this.chunks = from.chunks.map((c) => c.slice());
      this.counts = from.counts.slice();
      this.inUse = from.inUse.slice();
      this.summary = from.summary.slice();
      this.freeStack = from.freeStack.slice();
      this.freeTop = from.freeTop;
      this.used = from.used;
    }
  }

  /** An independent copy (see the constructor). */
  clone(): DirPool {
    return new DirPool(this);
  }

  /**
   * Makes this pool a copy of `from`, as the constructor does, in its own arrays where they have
   * the size needed (no allocation): what it held before is dropped, with every table on it.
   * Chunks it no longer needs are kept aside for the next `assign` or growth.
   */
  assign(from: DirPool): this {
    const chunks = this.chunks;
    const n = from.chunks.length;
    while (chunks.length > n) this.retire(chunks.pop()!);
    for (let i = 0; i < n; i++) {
      if (i === chunks.length) chunks.push(this.#retired.pop() ?? new Uint32Array(CHUNK_DIRS * DIR_ENTRIES));
      chunks[i]!.set(from.chunks[i]!);
    }
    this.counts = copied(this.counts, from.counts);
    this.inUse = copied(this.inUse, from.inUse);
    this.summary = copied(this.summary, from.summary);
    this.freeStack = copied(this.freeStack, from.freeStack);
    this.freeTop = from.freeTop;
    this.used = from.used;
    this.#freed = null;
    return this;
  }

  /** Slots that exist (id 0 excluded). */
  get capacity(): number {
    return this.chunks.length === 0 ? 0 : this.chunks.length * CHUNK_DIRS - 1;
  }

  get freeCount(): number {
    return this.freeTop;
  }

  /** Takes a zeroed directory from the pool. */
  alloc(): number {
    if (this.freeTop === 0) this.grow();
    const d = this.freeStack[--this.freeTop];
    this.inUse[d] = 1;
    this.used++;
    return d;
  }

  /** Returns an empty (all-zero) directory to the pool. */
  free(d: number): void {
    if (this.inUse[d] !== 1) throw new Error(`hmm_pt invariant: directory ${d} freed twice or never allocated`);
    if (this.counts[d] !== 0) throw new Error(`hmm_pt invariant: directory ${d} freed with ${this.counts[d]} entries`);
    this.inUse[d] = 0;
    this.used--;
    this.freeStack[this.freeTop++] = d;
    const freed = this.#freed;
    if (freed !== null) {
      if (freed.length < MAX_FREED) freed.push(d);
      else this.#freed = null; // too many to list: the next check looks at every free slot
    }
  }

  /**
   * The directories freed since the last call, so a check can look at those instead of every
   * free slot; null when they are not known (the first call, which starts the record, or after
   * more than MAX_FREED frees or an `assign`): then every free slot must be looked at.
   */
  takeFreed(): number[] | null {
    const freed = this.#freed;
    this.#freed = [];
    return freed;
  }

  /** True when every entry of directory d is zero. */
  isZero(d: number): boolean {
    const c = this.chunks[d >>> CHUNK_SHIFT];
    const base = (d & CHUNK_MASK) << DIR_SHIFT;
    for (let i = 0; i < DIR_ENTRIES; i++) if (c[base + i] !== 0) return false;
    return true;
  }

  /** Records that upper directory d has a child at idx. */
  markChild(d: number, idx: number): void {
    this.summary[d * SUMMARY_WORDS + (idx >>> 5)] |= 1 << (idx & 31);
  }

  /** Records that upper directory d has no child at idx any more. */
  unmarkChild(d: number, idx: number): void {
    this.summary[d * SUMMARY_WORDS + (idx >>> 5)] &= ~(1 << (idx & 31));
  }

  private retire(chunk: Uint32Array): void {
    if (this.#retired.length < MAX_RETIRED) this.#retired.push(chunk);
  }

  private grow(): void {
    const first = this.chunks.length * CHUNK_DIRS;
    this.chunks.push(this.#retired.pop()?.fill(0) ?? new Uint32Array(CHUNK_DIRS * DIR_ENTRIES));
    const slots = first + CHUNK_DIRS;
    if (this.counts.length < slots) {
      const n = Math.max(slots, this.counts.length * 2);
      const counts = new Uint16Array(n);
      counts.set(this.counts);
      this.counts = counts;
      const inUse = new Uint8Array(n);
      inUse.set(this.inUse);
      this.inUse = inUse;
      const summary = new Uint32Array(n * SUMMARY_WORDS);
      summary.set(this.summary);
      this.summary = summary;
      const stack = new Int32Array(n);
      stack.set(this.freeStack.subarray(0, this.freeTop));
      this.freeStack = stack;
    }
    // Push in decreasing order so that ids are handed out increasing (id 0 is reserved).
    for (let d = slots - 1; d >= first; d--) if (d !== 0) this.freeStack[this.freeTop++] = d;
  }
}

/** `src`'s contents in `dst` when the lengths agree, else in a new array. */
export function copied<T extends Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array>(dst: T, src: T): T {
  const n = src.length;
  if (dst.length !== n) return src.slice() as T;
  if (n > SMALL_COPY) dst.set(src as never);
  else for (let i = 0; i < n; i++) dst[i] = src[i]!;
  return dst;
}

/** Up to this length a loop copies faster than `TypedArray.set`. */
const SMALL_COPY = 32;
