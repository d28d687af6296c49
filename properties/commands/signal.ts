/** `signal(dev)` (SPEC §3): the device completes its oldest pending invalidation; the fence is signalled. */
import type fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { devArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `signal` on a device. */
export const signalArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  devArb(s).map((dev) => new IndexedCommand('signal', {}, () => ({ cmd: 'signal', dev })));
