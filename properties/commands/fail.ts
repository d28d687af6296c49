/** `fail(dev, code)` (SPEC §3): like `signal`, but the fence fails with `code` (its mirror is killed at the wait). */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { codeArb, devArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `fail` on a device with a failure code. */
export const failArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(devArb(s), codeArb(s)).map(([dev, code]) => new IndexedCommand('fail', {}, () => ({ cmd: 'fail', dev, code })));
