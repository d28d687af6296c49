/** `unregister(dev, mm)` (SPEC §3): tears the live mirror down, even with work in flight. A mirror is named by `(dev, mm index)`. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { devArb, mmIndexArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `unregister` on a device and an mm index. */
export const unregisterArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(devArb(s), mmIndexArb(s)).map(([dev, mmIndex]) => new IndexedCommand('unregister', { mm: mmIndex }, ({ mm }) => ({ cmd: 'unregister', dev, mm })));
