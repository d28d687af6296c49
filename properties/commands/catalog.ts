/**
 * All generated commands and their weights. The weights favour driving ops (step, finish,
 * signal) and the accesses that race them, so runs reach deep states: faults racing
 * invalidations, fences answered -EAGAIN then signalled, failed fences, unregister and exit
 * during in-flight work, fork then device writes. `exit` is rare: after it an mm only errs.
 */
import type fc from 'fast-check';
import type { CommandName } from '../../spec/index.js';
import { devFaultArbitrary } from './devFault.js';
import { devReadArbitrary } from './devRead.js';
import { devWriteArbitrary } from './devWrite.js';
import { exitArbitrary } from './exit.js';
import { failArbitrary } from './fail.js';
import { finishArbitrary } from './finish.js';
import { forkArbitrary } from './fork.js';
import type { IndexedCommand } from './indexedCommand.js';
import { migrateArbitrary } from './migrate.js';
import { mmapArbitrary } from './mmap.js';
import { mprotectArbitrary } from './mprotect.js';
import { munmapArbitrary } from './munmap.js';
import { readArbitrary } from './read.js';
import { reclaimArbitrary } from './reclaim.js';
import { registerArbitrary } from './register.js';
import type { GenerationScope } from './scope.js';
import { signalArbitrary } from './signal.js';
import { stepArbitrary } from './step.js';
import { unregisterArbitrary } from './unregister.js';
import { writeArbitrary } from './write.js';
import { writebackArbitrary } from './writeback.js';

/** A command's generator, given the scope. */
export type CommandArbitraryBuilder = (s: GenerationScope) => fc.Arbitrary<IndexedCommand>;

/** Each command kind's generator and weight. */
export const COMMAND_CATALOG: { readonly [K in CommandName]: { readonly build: CommandArbitraryBuilder; readonly weight: number } } = {
  mmap: { build: mmapArbitrary, weight: 8 },
  munmap: { build: munmapArbitrary, weight: 3 },
  mprotect: { build: mprotectArbitrary, weight: 3 },
  read: { build: readArbitrary, weight: 5 },
  write: { build: writeArbitrary, weight: 8 },
  fork: { build: forkArbitrary, weight: 3 },
  migrate: { build: migrateArbitrary, weight: 3 },
  writeback: { build: writebackArbitrary, weight: 3 },
  reclaim: { build: reclaimArbitrary, weight: 3 },
  exit: { build: exitArbitrary, weight: 1 },
  register: { build: registerArbitrary, weight: 6 },
  unregister: { build: unregisterArbitrary, weight: 2 },
  devRead: { build: devReadArbitrary, weight: 7 },
  devWrite: { build: devWriteArbitrary, weight: 8 },
  devFault: { build: devFaultArbitrary, weight: 4 },
  signal: { build: signalArbitrary, weight: 8 },
  fail: { build: failArbitrary, weight: 2 },
  step: { build: stepArbitrary, weight: 34 },
  finish: { build: finishArbitrary, weight: 8 },
};
