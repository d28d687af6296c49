/**
 * Delta debugging (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input",
 * IEEE TSE 2002): `ddmin` reduces a failing list to a 1-minimal one (removing any single
 * element makes the failure go away), keeping the order, by testing subsets and complements of
 * ever finer partitions. The caller's test must be deterministic; results are cached by key.
 */

/** `n` nearly equal consecutive chunks of `items`. */
function chunks<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = start + Math.floor((items.length - start) / (n - i));
    out.push(items.slice(start, end));
    start = end;
  }
  return out.filter((c) => c.length > 0);
}

/**
 * A 1-minimal sublist of `items` (order kept) on which `fails` holds; `fails(items)` must hold,
 * and the empty list must not fail. A test that answers false once its budget is spent makes
 * the result only smaller, not 1-minimal: the caller says so.
 */
export function ddmin<T>(items: readonly T[], fails: (candidate: readonly T[]) => boolean): T[] {
  let c = [...items];
  let n = 2;
  while (c.length >= 2) {
    const parts = chunks(c, n);
    let reduced = false;
    if (parts.length > 2) {
      const subset = parts.find((p) => fails(p));
      if (subset !== undefined) {
        c = subset;
        n = 2;
        reduced = true;
      }
    }
    if (!reduced) {
      for (let i = 0; i < parts.length; i++) {
        const complement = parts.filter((_, j) => j !== i).flat();
        if (fails(complement)) {
          c = complement;
          n = Math.max(n - 1, 2);
          reduced = true;
          break;
        }
      }
    }
    if (!reduced) {
      if (n >= c.length) break;
      n = Math.min(2 * n, c.length);
    }
  }
  return c;
}
