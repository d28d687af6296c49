/** `migrate(mm, start, npages)` (SPEC §3): MIGRATE; unshared present pages move to new pfns. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, rangeRefArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `migrate` on an mm index and a range, now and then starting at a recent address. */
export const migrateArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), rangeRefArb(s)).map(
    ([mmIndex, [at, npages]]) =>
      new IndexedCommand('migrate', { mm: mmIndex, address: at }, ({ mm, address }) => ({ cmd: 'migrate', mm, start: address, npages })),
  );
