/**
 * Who expands the levels: `InlinePool` runs `LevelWorker`s in this thread, taking chunks in
 * turn (several of them stand for threads in tests: the same split and merge, interleaved
 * chunk by chunk), `ThreadPool` (`threadPool.ts`) one per worker thread.
 */
import type { CandidateArrays } from './candidates.js';
import { keepFirstArrivals } from './candidates.js';
import type { FingerprintSet } from './fingerprintSet.js';
import type { LevelArrays } from './levels.js';
import type { LevelJob, LevelReport, LevelWorker } from './levelWorker.js';

/** What the search asks of its workers, level by level. */
export interface Pool {
  readonly size: number;
  /** Shares a new level's paths with every worker (before it is expanded). */
  addLevel(level: LevelArrays): void;
  /** Shares a new fingerprint table (the search grew it between levels). */
  useTable(table: FingerprintSet): void;
  /** Every worker takes chunks of the level until none is left; their reports. */
  expand(job: LevelJob): LevelReport[] | Promise<LevelReport[]>;
  /** Each worker's candidates of `level` that are their state's first arrival, sorted by order. */
  firstArrivals(level: number): CandidateArrays[] | Promise<CandidateArrays[]>;
  close(): void | Promise<void>;
}

/** Workers in this thread. */
export class InlinePool implements Pool {
  /** Called after every round of chunks (progress within a level). */
  onRound: () => void = () => {};

  constructor(
    private readonly workers: readonly LevelWorker[],
    private readonly levels: LevelArrays[],
    private table: FingerprintSet,
  ) {}

  get size(): number {
    return this.workers.length;
  }

  addLevel(level: LevelArrays): void {
    this.levels.push(level);
  }

  useTable(table: FingerprintSet): void {
    this.table = table;
    for (const w of this.workers) w.useTable(table);
  }

  expand(job: LevelJob): LevelReport[] {
    for (const w of this.workers) w.beginLevel();
    const active = this.workers.map(() => true);
    while (active.some(Boolean)) {
      this.workers.forEach((w, i) => {
        if (active[i]) active[i] = w.runChunk(job);
      });
      this.onRound();
    }
    return this.workers.map((w) => w.report());
  }

  firstArrivals(level: number): CandidateArrays[] {
    return this.workers.map((w) => keepFirstArrivals(w.found(), this.table, level));
  }

  close(): void {}
}
