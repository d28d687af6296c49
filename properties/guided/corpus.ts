/**
 * The corpus of the guided loop: the command sequences that reached a feature no run had
 * reached before (as AFL and libFuzzer keep inputs that reach new coverage). An entry is picked
 * for mutation by its energy (AFL's and libFuzzer's scheduling): the rarity of the features it
 * found (the sum of 1 / times each was reached, libFuzzer's entropic scheduling), times how
 * productive its mutants have been (features they found per pick), recomputed every `REWEIGH`
 * picks.
 */
import type { IndexedCommand } from '../commands/index.js';
import type { FeatureMap } from './featureMap.js';
import type { Snapshot } from './recorder.js';
import type { Rng } from './rng.js';

/** One kept sequence, the features it reached first, and how its mutants fared. */
export interface CorpusEntry {
  readonly commands: readonly IndexedCommand[];
  readonly features: readonly string[];
  /** The state after its last command, to resume from (absent when the system cannot copy itself). */
  readonly snapshot?: Snapshot;
  /** Times picked, and new features its mutants found. */
  picks: number;
  finds: number;
  weight: number;
}

const REWEIGH = 32;

/** Kept sequences, picked by energy. */
export class Corpus {
  readonly entries: CorpusEntry[] = [];
  private picks = 0;

  constructor(private readonly map: FeatureMap) {}

  get size(): number {
    return this.entries.length;
  }

  /** Keeps `commands`, which reached `features` first. */
  add(commands: readonly IndexedCommand[], features: readonly string[], snapshot?: Snapshot): void {
    const e: CorpusEntry = { commands, features, ...(snapshot === undefined ? {} : { snapshot }), picks: 0, finds: 0, weight: 0 };
    e.weight = this.weightOf(e);
    this.entries.push(e);
  }

  /** An entry, by weight; the caller reports what its mutant found with `credit`. */
  pick(rng: Rng): CorpusEntry {
    if (++this.picks % REWEIGH === 0) for (const e of this.entries) e.weight = this.weightOf(e);
    const total = this.entries.reduce((sum, e) => sum + e.weight, 0);
    let at = (rng.next() / 0x1_0000_0000) * total;
    for (const e of this.entries) {
      at -= e.weight;
      if (at < 0) return this.picked(e);
    }
    return this.picked(this.entries[this.entries.length - 1]!);
  }

  /** Notes that a mutant of `e` found `n` new features. */
  credit(e: CorpusEntry, n: number): void {
    e.finds += n;
  }

  private picked(e: CorpusEntry): CorpusEntry {
    e.picks++;
    return e;
  }

  private weightOf(e: CorpusEntry): number {
    const rarity = e.features.reduce((sum, f) => sum + 1 / Math.max(1, this.map.count(f)), 0);
    return rarity * ((1 + e.finds) / (1 + e.picks));
  }
}
