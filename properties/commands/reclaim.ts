/** `reclaim(mm, start, npages)` (SPEC §3): MIGRATE; unshared present pages go to swap. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, rangeRefArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `reclaim` on an mm index and a range, now and then starting at a recent address. */
export const reclaimArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeRefArb(s)).map(
    ([mmIndex, [at, npages]]) =>
      new IndexedCommand('reclaim', { mm: mmIndex, address: at }, ({ mm, address }) => ({ cmd: 'reclaim', mm, start: address, npages })),
  );
