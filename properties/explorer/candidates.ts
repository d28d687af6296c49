/**
 * What one worker found in one level, in growable typed arrays (transferable to the
 * coordinator): the transitions that reached a state first found in this level, each with its
 * fingerprint, order, command code and the reached state's sleep set, then, after the level,
 * only those that are the state's first arrival (`keepFirstArrivals`), merged by order over
 * all workers into the next level (`mergeByOrder`).
 */
import type { FingerprintSet } from './fingerprintSet.js';

/** The arrays, as posted between threads. */
export interface CandidateArrays {
  readonly n: number;
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly order: Float64Array;
  readonly code: Int32Array;
  /** 1 when the reached state is past the scope's constraint: checked, not expanded. */
  readonly frozen: Uint8Array;
  /** Sleep set of candidate i: `sleep[sleepStart[i] .. sleepStart[i + 1])`. */
  readonly sleepStart: Int32Array;
  readonly sleep: Int32Array;
}

export class Candidates {
  n = 0;
  hi: Uint32Array;
  lo: Uint32Array;
  order: Float64Array;
  code: Int32Array;
  frozen: Uint8Array;
  sleepStart: Int32Array;
  sleep: Int32Array;

  /** Room for `capacity` candidates and `sleepCodes` sleep-set entries (both grow when needed). */
  constructor(capacity = 1024, sleepCodes = capacity) {
    const n = Math.max(1, capacity);
    this.hi = new Uint32Array(n);
    this.lo = new Uint32Array(n);
    this.order = new Float64Array(n);
    this.code = new Int32Array(n);
    this.frozen = new Uint8Array(n);
    this.sleepStart = new Int32Array(n + 1);
    this.sleep = new Int32Array(Math.max(1, sleepCodes));
  }

  add(hi: number, lo: number, order: number, code: number, frozen: boolean, sleep: readonly number[] | Int32Array): void {
    if (this.n === this.hi.length) this.grow();
    const i = this.n++;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.order[i] = order;
    this.code[i] = code;
    this.frozen[i] = frozen ? 1 : 0;
    let at = this.sleepStart[i]!;
    if (at + sleep.length > this.sleep.length) this.sleep = grown(this.sleep, Math.max(this.sleep.length * 2, at + sleep.length));
    for (const c of sleep) this.sleep[at++] = c;
    this.sleepStart[i + 1] = at;
  }

  /** The arrays, trimmed (copies only when there is room left), to post. */
  arrays(): CandidateArrays {
    const n = this.n;
    const s = this.sleepStart[n]!;
    if (n === this.hi.length && s === this.sleep.length) {
      return { n, hi: this.hi, lo: this.lo, order: this.order, code: this.code, frozen: this.frozen, sleepStart: this.sleepStart, sleep: this.sleep };
    }
    return {
      n, hi: this.hi.slice(0, n), lo: this.lo.slice(0, n), order: this.order.slice(0, n), code: this.code.slice(0, n), frozen: this.frozen.slice(0, n),
      sleepStart: this.sleepStart.slice(0, n + 1), sleep: this.sleep.slice(0, this.sleepStart[n]),
    };
  }

  private grow(): void {
    const n = this.hi.length * 2;
    this.hi = grown(this.hi, n);
    this.lo = grown(this.lo, n);
    this.order = grown(this.order, n);
    this.code = grown(this.code, n);
    this.frozen = grown(this.frozen, n);
    this.sleepStart = grown(this.sleepStart, n + 1);
  }
}

function grown<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a as never);
  return b;
}

/**
 * The candidates that are their state's first arrival in `level` (the least order), sorted by
 * order; a state reached by more than one transition of the level keeps an empty sleep set
 * (`reduction.ts` says why).
 */
export function keepFirstArrivals(c: CandidateArrays, table: FingerprintSet, level: number): CandidateArrays {
  const keep: number[] = [];
  const single: boolean[] = [];
  for (let i = 0; i < c.n; i++) {
    const a = table.arrival(c.hi[i]!, c.lo[i]!);
    if (a === undefined || a.level !== level || a.order !== c.order[i]) continue;
    keep.push(i);
    single[i] = !a.multiple;
  }
  keep.sort((a, b) => c.order[a]! - c.order[b]!);
  let sleeps = 0;
  for (const i of keep) if (single[i]) sleeps += c.sleepStart[i + 1]! - c.sleepStart[i]!;
  const out = new Candidates(keep.length, sleeps);
  const none: number[] = [];
  for (const i of keep) {
    const sleep = single[i] ? Array.from(c.sleep.subarray(c.sleepStart[i]!, c.sleepStart[i + 1]!)) : none;
    out.add(c.hi[i]!, c.lo[i]!, c.order[i]!, c.code[i]!, c.frozen[i] === 1, sleep);
  }
  return out.arrays();
}

/** Merges lists sorted by order into one. */
export function mergeByOrder(lists: readonly CandidateArrays[]): CandidateArrays {
  if (lists.length === 1) return lists[0]!;
  const out = new Candidates(lists.reduce((n, l) => n + l.n, 0), lists.reduce((n, l) => n + l.sleep.length, 0));
  const at = lists.map(() => 0);
  for (;;) {
    let k = -1;
    for (let j = 0; j < lists.length; j++) {
      if (at[j]! < lists[j]!.n && (k < 0 || lists[j]!.order[at[j]!]! < lists[k]!.order[at[k]!]!)) k = j;
    }
    if (k < 0) return out.arrays();
    const l = lists[k]!;
    const i = at[k]!++;
    out.add(l.hi[i]!, l.lo[i]!, l.order[i]!, l.code[i]!, l.frozen[i] === 1, l.sleep.subarray(l.sleepStart[i]!, l.sleepStart[i + 1]!));
  }
}

/** The candidates to expand: all but those past the scope's constraint. */
export function expandable(c: CandidateArrays): CandidateArrays {
  if (!c.frozen.includes(1)) return c;
  let n = 0;
  let sleeps = 0;
  for (let i = 0; i < c.n; i++) {
    if (c.frozen[i] !== 0) continue;
    n++;
    sleeps += c.sleepStart[i + 1]! - c.sleepStart[i]!;
  }
  const out = new Candidates(n, sleeps);
  for (let i = 0; i < c.n; i++) if (c.frozen[i] === 0) out.add(c.hi[i]!, c.lo[i]!, c.order[i]!, c.code[i]!, false, c.sleep.subarray(c.sleepStart[i]!, c.sleepStart[i + 1]!));
  return out.arrays();
}

/** The index of the candidate with `order` in a list sorted by order, or -1. */
export function indexOfOrder(c: CandidateArrays, order: number): number {
  let lo = 0;
  let hi = c.n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = c.order[mid]!;
    if (v === order) return mid;
    if (v < order) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

