/** `exit(mm)` (SPEC §3): releases the mm's live mirrors, then its ptes and vmas go (EBUSY while ops are in flight). */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `exit` on an mm index. */
export const exitArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  mmIndexArb(s).map((mmIndex) => new IndexedCommand('exit', { mm: mmIndex }, ({ mm }) => ({ cmd: 'exit', mm })));
