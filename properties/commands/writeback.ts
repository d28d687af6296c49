/** `writeback(mm, start, npages)` (SPEC §3): ISDIRTY; dirty present pages get their stored copy. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, rangeRefArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `writeback` on an mm index and a range, now and then starting at a recent address. */
export const writebackArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeRefArb(s)).map(
    ([mmIndex, [at, npages]]) =>
      new IndexedCommand('writeback', { mm: mmIndex, address: at }, ({ mm, address }) => ({ cmd: 'writeback', mm, start: address, npages })),
  );
