/**
 * What one worker found in one level, in growable typed arrays (transferable to the
 * coordinator): the transitions that reached a state first found in this level, each with its
 * fingerprint, order, command code and the reached state's sleep set, then, after the level,
 * only those that are the state's first arrival (`keepFirstArrivals`).
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
  hi = new Uint32Array(1024);
  lo = new Uint32Array(1024);
  order = new Float64Array(1024);
  code = new Int32Array(1024);
  frozen = new Uint8Array(1024);
  sleepStart = new Int32Array(1025);
  sleep = new Int32Array(1024);

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

  /** Trimmed copies, to post. */
  arrays(): CandidateArrays {
    const n = this.n;
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
  const out = new Candidates();
  const none: number[] = [];
  for (const i of keep) {
    const sleep = single[i] ? Array.from(c.sleep.subarray(c.sleepStart[i]!, c.sleepStart[i + 1]!)) : none;
    out.add(c.hi[i]!, c.lo[i]!, c.order[i]!, c.code[i]!, c.frozen[i] === 1, sleep);
  }
  return out.arrays();
}
