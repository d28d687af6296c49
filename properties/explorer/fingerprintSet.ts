/**
 * The set of states seen: 64-bit fingerprints (`fingerprint.ts`) in an open-addressing table
 * over typed arrays in a SharedArrayBuffer, as TLC's FPSet, shared by every worker thread
 * (`search.ts`). Lock-free: a slot is claimed with one compare-and-exchange on its 64 bits.
 *
 * Beside each fingerprint lives its *arrival word*: the breadth-first level that found it,
 * the smallest order (`parent index × MAX_COMMANDS + command position`) among the transitions
 * of that level that reached it, and whether more than one did. Transitions of one level run
 * on any worker in any interleaving; keeping the least order makes the state's path the one a
 * single-threaded breadth-first search keeps (the first in order), whatever the worker count.
 * A word from an earlier level is never changed: levels are separated by a barrier.
 */

/** Slots of a table never exceed this many (2^30 × 16 bytes = 16 GiB). */
export const MAX_CAPACITY = 2 ** 30;
/** A table is full past this load: inserts report FULL and the search stops, incomplete. */
export const MAX_LOAD = 0.85;

/** What `insert` found. */
export const NEW = 0;
export const IN_LEVEL = 1;
export const OLD = 2;
export const FULL = 3;
export type InsertOutcome = typeof NEW | typeof IN_LEVEL | typeof OLD | typeof FULL;

const EMPTY = 0n;
const UNSET = -1n;
const LEVEL_SHIFT = 48n;

/** The buffers of a table, to post to a worker. */
export interface FingerprintSetBuffers {
  readonly fps: SharedArrayBuffer;
  readonly arrivals: SharedArrayBuffer;
  readonly count: SharedArrayBuffer;
}

/** An arrival word's parts. */
export interface Arrival {
  readonly level: number;
  readonly order: number;
  readonly multiple: boolean;
}

export class FingerprintSet {
  readonly capacity: number;
  private readonly mask: number;
  private readonly fps: BigInt64Array;
  private readonly arrivals: BigInt64Array;
  private readonly counter: Int32Array;
  private readonly limit: number;

  constructor(readonly buffers: FingerprintSetBuffers) {
    this.fps = new BigInt64Array(buffers.fps);
    this.arrivals = new BigInt64Array(buffers.arrivals);
    this.counter = new Int32Array(buffers.count);
    this.capacity = this.fps.length;
    this.mask = this.capacity - 1;
    this.limit = Math.floor(this.capacity * MAX_LOAD);
  }

  /** An empty table of `capacity` slots (a power of two). */
  static create(capacity: number): FingerprintSet {
    if (capacity < 2 || capacity > MAX_CAPACITY || (capacity & (capacity - 1)) !== 0) throw new RangeError(`fingerprint set: capacity ${capacity} is not a power of two in 2..2^30`);
    const arrivals = new SharedArrayBuffer(capacity * 8);
    new BigInt64Array(arrivals).fill(UNSET);
    return new FingerprintSet({ fps: new SharedArrayBuffer(capacity * 8), arrivals, count: new SharedArrayBuffer(4) });
  }

  /** Fingerprints stored. */
  get size(): number {
    return Atomics.load(this.counter, 0);
  }

  /** True when the table is past its load limit. */
  get full(): boolean {
    return this.size >= this.limit;
  }

  /**
   * Records that a transition of `level` with order `order` reached fingerprint (hi, lo).
   * NEW: first seen, by this call (the caller checks the state); IN_LEVEL: first seen in this
   * level by another transition; OLD: seen in an earlier level; FULL: no room.
   */
  insert(hi: number, lo: number, level: number, order: number): InsertOutcome {
    const fp = key(hi, lo);
    const fps = this.fps;
    let i = lo & this.mask;
    for (let probes = 0; probes < this.capacity; probes++, i = (i + 1) & this.mask) {
      let cur = Atomics.load(fps, i);
      if (cur === EMPTY) {
        if (this.size >= this.limit) return FULL;
        cur = Atomics.compareExchange(fps, i, EMPTY, fp);
        if (cur === EMPTY) {
          Atomics.add(this.counter, 0, 1);
          this.arrive(i, level, order, false);
          return NEW;
        }
      }
      if (cur !== fp) continue;
      const w = Atomics.load(this.arrivals, i);
      if (w !== UNSET && Number(w >> LEVEL_SHIFT) < level) return OLD;
      this.arrive(i, level, order, true);
      return IN_LEVEL;
    }
    return FULL;
  }

  /** The arrival word of (hi, lo), or undefined when absent. */
  arrival(hi: number, lo: number): Arrival | undefined {
    const fp = key(hi, lo);
    let i = lo & this.mask;
    for (let probes = 0; probes < this.capacity; probes++, i = (i + 1) & this.mask) {
      const cur = Atomics.load(this.fps, i);
      if (cur === EMPTY) return undefined;
      if (cur === fp) return decode(Atomics.load(this.arrivals, i));
    }
    return undefined;
  }

  /** A table of `capacity` slots holding every fingerprint of this one with its arrival word. */
  grown(capacity: number): FingerprintSet {
    const bigger = FingerprintSet.create(capacity);
    for (let i = 0; i < this.capacity; i++) {
      const fp = this.fps[i]!;
      if (fp !== EMPTY) bigger.put(fp, this.arrivals[i]!);
    }
    return bigger;
  }

  private put(fp: bigint, word: bigint): void {
    let i = Number(BigInt.asUintN(32, fp)) & this.mask;
    while (this.fps[i] !== EMPTY) i = (i + 1) & this.mask;
    this.fps[i] = fp;
    this.arrivals[i] = word;
    this.counter[0]!++;
  }

  /** Lowers slot i's order to `order` (first arrival: sets it), marking a second arrival. */
  private arrive(i: number, level: number, order: number, another: boolean): void {
    const mine = word(level, order, another);
    for (;;) {
      const w = Atomics.load(this.arrivals, i);
      const next = w === UNSET ? mine : word(level, Math.min(decode(w).order, order), true);
      if (Atomics.compareExchange(this.arrivals, i, w, next) === w) return;
    }
  }
}

function key(hi: number, lo: number): bigint {
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
}

function word(level: number, order: number, multiple: boolean): bigint {
  return (BigInt(level) << LEVEL_SHIFT) | (BigInt(order) << 1n) | (multiple ? 1n : 0n);
}

function decode(w: bigint): Arrival {
  return { level: Number(w >> LEVEL_SHIFT), order: Number((w & ((1n << LEVEL_SHIFT) - 1n)) >> 1n), multiple: (w & 1n) === 1n };
}
