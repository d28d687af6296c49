/** `reclaim(mm, start, npages)` (SPEC §3): MIGRATE; unshared present pages go to swap. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, rangeArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `reclaim` on an mm index and a range. */
export const reclaimArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeArb(s)).map(
    ([mmIndex, [start, npages]]) => new IndexedCommand('reclaim', { mm: mmIndex }, ({ mm }) => ({ cmd: 'reclaim', mm, start, npages })),
  );
