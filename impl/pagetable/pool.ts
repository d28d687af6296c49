/**
 * The directory pool of `hmm_pt`: every directory of every table of one world is a slot of
 * DIR_ENTRIES Uint32 in big typed-array slabs (chunks of CHUNK_DIRS directories), with a free
 * stack, as the kernel's hmm_pt took its directory pages from the page allocator.
 *
 * Directory id 0 is never handed out: an upper-level entry 0 means "no child". A free slot is
 * all zeros (tables zero entries before freeing a directory, and it is checked here).
 * Chunks are fixed-size, never doubled, so allocated memory tracks used directories (the
 * bytes-per-pte bench measures it).
 */

export const DIR_SHIFT = 9;
export const DIR_ENTRIES = 1 << DIR_SHIFT;
export const DIR_MASK = DIR_ENTRIES - 1;
export const CHUNK_SHIFT = 5;
export const CHUNK_DIRS = 1 << CHUNK_SHIFT;
export const CHUNK_MASK = CHUNK_DIRS - 1;

export const SUMMARY_WORDS = DIR_ENTRIES >>> 5;

export class DirPool {
  /** Slabs: directory d lives at chunks[d >>> CHUNK_SHIFT], offset (d & CHUNK_MASK) << DIR_SHIFT. */
  readonly chunks: Uint32Array[] = [];
  /** Per directory: its count of non-zero (valid) entries. */
  counts = new Uint16Array(CHUNK_DIRS);
  /** Per directory: 1 while handed out. */
  inUse = new Uint8Array(CHUNK_DIRS);
  /**
   * Per upper-level directory: a 512-bit summary of its non-zero children (SUMMARY_WORDS words
   * at d * SUMMARY_WORDS), so range walks skip empty stretches 32 children at a time.
   * Not maintained for leaves.
   */
  summary = new Uint32Array(CHUNK_DIRS * SUMMARY_WORDS);
  private freeStack = new Int32Array(CHUNK_DIRS);
  private freeTop = 0;
  /** Directories handed out and not freed. */
  used = 0;

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

  private grow(): void {
    const first = this.chunks.length * CHUNK_DIRS;
    this.chunks.push(new Uint32Array(CHUNK_DIRS * DIR_ENTRIES));
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
