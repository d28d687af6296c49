/** `devFault(dev, mm, start, npages, write)` (SPEC §3): a device prefetch fault over a range. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { devArb, mmIndexArb, rangeRefArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/**
 * Generates `devFault` on a mirror `(dev, mm index)`, a range and read or write; now and then a retry of the last
 * device access instead (same mirror and address, `Tracker.resolve`).
 */
export const devFaultArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(devArb(s), mmIndexArb(s), rangeRefArb(s), fc.boolean()).map(
    ([dev, mmIndex, [at, npages], write]) =>
      new IndexedCommand('devFault', { mm: mmIndex, dev, address: at }, (ids) => ({
        cmd: 'devFault', dev: ids.dev, mm: ids.mm, start: ids.address, npages, write,
      })),
  );
