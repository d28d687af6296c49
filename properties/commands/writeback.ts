/** `writeback(mm, start, npages)` (SPEC §3): ISDIRTY; dirty present pages get their stored copy. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, rangeArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `writeback` on an mm index and a range. */
export const writebackArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeArb(s)).map(
    ([mmIndex, [start, npages]]) => new IndexedCommand('writeback', { mm: mmIndex }, ({ mm }) => ({ cmd: 'writeback', mm, start, npages })),
  );
