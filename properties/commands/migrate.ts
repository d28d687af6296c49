/** `migrate(mm, start, npages)` (SPEC §3): MIGRATE; unshared present pages move to new pfns. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, rangeArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `migrate` on an mm index and a range. */
export const migrateArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeArb(s)).map(
    ([mmIndex, [start, npages]]) => new IndexedCommand('migrate', { mm: mmIndex }, ({ mm }) => ({ cmd: 'migrate', mm, start, npages })),
  );
