/** `munmap(mm, start, npages)` (SPEC §3): invalidation MUNMAP, then the vma parts and ptes in range go. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, rangeRefArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `munmap` on an mm index and a range, now and then starting at a recent address. */
export const munmapArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeRefArb(s)).map(
    ([mmIndex, [at, npages]]) =>
      new IndexedCommand('munmap', { mm: mmIndex, address: at }, ({ mm, address }) => ({ cmd: 'munmap', mm, start: address, npages })),
  );
