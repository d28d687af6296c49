/**
 * The features reached so far (features.ts) with how many runs reached each: a run that reaches
 * one never seen is kept in the corpus; rarely reached features make a corpus entry worth more.
 */

/** Features reached, with hit counts. */
export class FeatureMap {
  private readonly hits = new Map<string, number>();

  /** Distinct features reached. */
  get size(): number {
    return this.hits.size;
  }

  /** Records one run's features; returns those never seen before. */
  add(features: Iterable<string>): string[] {
    const fresh: string[] = [];
    for (const f of new Set(features)) {
      const n = this.hits.get(f) ?? 0;
      if (n === 0) fresh.push(f);
      this.hits.set(f, n + 1);
    }
    return fresh;
  }

  /** Runs that reached `feature`. */
  count(feature: string): number {
    return this.hits.get(feature) ?? 0;
  }

  /** Every feature reached. */
  keys(): IterableIterator<string> {
    return this.hits.keys();
  }
}
