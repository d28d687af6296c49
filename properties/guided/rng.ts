/**
 * The guided loop's own random numbers: a small seeded generator (mulberry32, a 32-bit state
 * mixed by multiply-xorshift), so that a guided run is reproducible from its seed alone.
 */

/** A seeded generator of 32-bit integers and the choices the loop makes. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An unsigned 32-bit integer. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 1 ? 0 : this.next() % n;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() / 0x1_0000_0000 < p;
  }

  /** One of `xs` (not empty). */
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}
