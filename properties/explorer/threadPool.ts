/**
 * The explorer's workers as `worker_threads` (`worker.ts`), one per core by default: each
 * builds its own worlds; the fingerprint set, the control block and the levels' paths are
 * shared through SharedArrayBuffers (nothing is copied but the small messages and each
 * worker's first arrivals after a level). How work is split and merged: `search.ts`.
 */
import { Worker } from 'node:worker_threads';
import type { CandidateArrays } from './candidates.js';
import type { FingerprintSet } from './fingerprintSet.js';
import type { LevelArrays } from './levels.js';
import type { LevelJob, LevelReport } from './levelWorker.js';
import type { Pool } from './pool.js';
import type { Scope } from './scope.js';
import type { PoolSetup } from './search.js';
import type { SystemSpec } from './systemSpec.js';
import type { WorkerMessage } from './worker.js';

/** Where the compiled worker entry is: beside this file. */
export const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Starts `n` worker threads for a search of `scope` on the system `spec` names. */
export async function startThreadPool(n: number, scope: Scope, spec: SystemSpec, reduce: boolean, setup: PoolSetup, url: URL = WORKER_URL): Promise<Pool> {
  const workers = Array.from({ length: n }, () => new Worker(url));
  const pool = new ThreadPool(workers);
  try {
    await pool.all({ kind: 'init', init: { scope, spec, reduce, table: setup.table.buffers, control: setup.control.buffer as SharedArrayBuffer, levels: setup.levels } });
  } catch (e) {
    await pool.close();
    throw e;
  }
  return pool;
}

class ThreadPool implements Pool {
  constructor(private readonly workers: readonly Worker[]) {}

  get size(): number {
    return this.workers.length;
  }

  addLevel(level: LevelArrays): void {
    for (const w of this.workers) w.postMessage({ kind: 'level', level } satisfies WorkerMessage);
  }

  useTable(table: FingerprintSet): void {
    for (const w of this.workers) w.postMessage({ kind: 'table', table: table.buffers } satisfies WorkerMessage);
  }

  expand(job: LevelJob): Promise<LevelReport[]> {
    return this.all({ kind: 'expand', job }) as Promise<LevelReport[]>;
  }

  firstArrivals(level: number): Promise<CandidateArrays[]> {
    return this.all({ kind: 'arrivals', level }) as Promise<CandidateArrays[]>;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Sends `m` to every worker; their answers, in worker order. A worker's error rejects. */
  all(m: WorkerMessage): Promise<unknown[]> {
    return Promise.all(this.workers.map((w) => new Promise<unknown>((resolve, reject) => {
      const onMessage = (reply: { ok?: unknown; error?: string }): void => {
        w.off('error', onError);
        if (reply.error !== undefined) reject(new Error(`explorer worker: ${reply.error}`));
        else resolve(reply.ok);
      };
      const onError = (e: Error): void => {
        w.off('message', onMessage);
        reject(e);
      };
      w.once('message', onMessage);
      w.once('error', onError);
      w.postMessage(m);
    })));
  }
}
