/** `mprotect(mm, start, npages, prot)` (SPEC §3): WRITE_PROTECT or MUNMAP when a right is removed, else at once. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, protArb, rangeRefArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `mprotect` on an mm index, a range (now and then starting at a recent address) and a prot. */
export const mprotectArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeRefArb(s), protArb(s)).map(
    ([mmIndex, [at, npages], prot]) =>
      new IndexedCommand('mprotect', { mm: mmIndex, address: at }, ({ mm, address }) => ({ cmd: 'mprotect', mm, start: address, npages, prot })),
  );
