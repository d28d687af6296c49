/** `devFault(dev, mm, start, npages, write)` (SPEC §3): a device prefetch fault over a range. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { devArb, mmIndexArb, rangeArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `devFault` on a mirror `(dev, mm index)`, a range and read or write. */
export const devFaultArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(devArb(s), mmIndexArb(s), rangeArb(s), fc.boolean()).map(
    ([dev, mmIndex, [start, npages], write]) =>
      new IndexedCommand('devFault', { mm: mmIndex }, ({ mm }) => ({ cmd: 'devFault', dev, mm, start, npages, write })),
  );
