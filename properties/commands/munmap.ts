/** `munmap(mm, start, npages)` (SPEC §3): invalidation MUNMAP, then the vma parts and ptes in range go. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, rangeArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `munmap` on an mm index and a range. */
export const munmapArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeArb(s)).map(
    ([mmIndex, [start, npages]]) => new IndexedCommand('munmap', { mm: mmIndex }, ({ mm }) => ({ cmd: 'munmap', mm, start, npages })),
  );
