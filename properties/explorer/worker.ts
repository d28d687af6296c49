/**
 * The entry of one worker thread of the explorer (`threadPool.ts`): it builds its own system
 * (worlds, rules, tracker) from the `SystemSpec`, shares the fingerprint set, the control block
 * and the levels' paths with every other thread through SharedArrayBuffers, and expands the
 * chunks of each level it takes (`levelWorker.ts`). Messages in: `init`, `level` (a new level's
 * paths), `table` (a grown table), `expand`, `arrivals`; each but `level` and `table` is answered.
 */
import { parentPort } from 'node:worker_threads';
import { FingerprintSet, type FingerprintSetBuffers } from './fingerprintSet.js';
import type { LevelArrays } from './levels.js';
import { LevelWorker, type LevelJob } from './levelWorker.js';
import { keepFirstArrivals } from './candidates.js';
import { ScopeCommands } from './scopeCommands.js';
import type { Scope } from './scope.js';
import { System } from './system.js';
import { loadParts, type SystemSpec } from './systemSpec.js';

/** What a worker is started with. */
export interface WorkerInit {
  readonly scope: Scope;
  readonly spec: SystemSpec;
  readonly reduce: boolean;
  readonly table: FingerprintSetBuffers;
  readonly control: SharedArrayBuffer;
  readonly levels: readonly LevelArrays[];
}

export type WorkerMessage =
  | { readonly kind: 'init'; readonly init: WorkerInit }
  | { readonly kind: 'level'; readonly level: LevelArrays }
  | { readonly kind: 'table'; readonly table: FingerprintSetBuffers }
  | { readonly kind: 'expand'; readonly job: LevelJob }
  | { readonly kind: 'arrivals'; readonly level: number };

let worker: LevelWorker | undefined;
let table: FingerprintSet | undefined;
const levels: LevelArrays[] = [];

async function handle(m: WorkerMessage): Promise<unknown> {
  switch (m.kind) {
    case 'init': {
      const { init } = m;
      levels.push(...init.levels);
      table = new FingerprintSet(init.table);
      const system = new System(await loadParts(init.spec), init.scope.devices, init.scope.symmetricDevices);
      worker = new LevelWorker(system, new ScopeCommands(init.scope), levels, table, new Int32Array(init.control), init.reduce, system.initial());
      return 'ready';
    }
    case 'level':
      levels.push(m.level);
      return undefined;
    case 'table':
      table = new FingerprintSet(m.table);
      worker!.useTable(table);
      return undefined;
    case 'expand':
      worker!.beginLevel();
      while (worker!.runChunk(m.job));
      return worker!.report();
    case 'arrivals':
      return keepFirstArrivals(worker!.found(), table!, m.level);
  }
}

parentPort?.on('message', (m: WorkerMessage) => {
  handle(m).then(
    (reply) => {
      if (reply !== undefined) parentPort!.postMessage({ ok: reply });
    },
    (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
