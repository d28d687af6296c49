/** `mprotect(mm, start, npages, prot)` (SPEC §3): WRITE_PROTECT or MUNMAP when a right is removed, else at once. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, protArb, rangeArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `mprotect` on an mm index, a range and a prot. */
export const mprotectArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeArb(s), protArb(s)).map(
    ([mmIndex, [start, npages], prot]) => new IndexedCommand('mprotect', { mm: mmIndex }, ({ mm }) => ({ cmd: 'mprotect', mm, start, npages, prot })),
  );
