/** `mmap(mm, start, npages, prot)` (SPEC §3): adds a vma (EEXIST on overlap); nothing is populated. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, protArb, rangeArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `mmap` on an mm index, a range and a prot. */
export const mmapArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeArb(s), protArb(s)).map(
    ([mmIndex, [start, npages], prot]) => new IndexedCommand('mmap', { mm: mmIndex }, ({ mm }) => ({ cmd: 'mmap', mm, start, npages, prot })),
  );
