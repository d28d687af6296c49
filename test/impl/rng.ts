/**
 * A seeded linear congruential generator for the random-sequence tests: `r(n)` is an integer in
 * [0, n). Deterministic, so a failing sequence is the same on every run.
 */
export function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}
