/** `register(dev, mm)` (SPEC §3): a new live mirror of mm on dev (EEXIST if one is live). A mirror is named by `(dev, mm index)`. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { devArb, mmIndexArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `register` on a device and an mm index. */
export const registerArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(devArb(s), mmIndexArb(s)).map(([dev, mmIndex]) => new IndexedCommand('register', { mm: mmIndex }, ({ mm }) => ({ cmd: 'register', dev, mm })));
