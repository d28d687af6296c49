/** `fork(mm)` (SPEC §3): WRITE_PROTECT over the rw vmas; the child appears at apply. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `fork` on an mm index. */
export const forkArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  mmIndexArb(s).map((mmIndex) => new IndexedCommand('fork', { mm: mmIndex }, ({ mm }) => ({ cmd: 'fork', mm })));
