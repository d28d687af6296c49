/** `devRead(dev, mm, vpn)` (SPEC §3): the device reads through its pte, or faults (`rfault`). */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { devArb, mmIndexArb, vpnArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `devRead` on a mirror `(dev, mm index)` and a vpn. */
export const devReadArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(devArb(s), mmIndexArb(s), vpnArb(s)).map(
    ([dev, mmIndex, vpn]) => new IndexedCommand('devRead', { mm: mmIndex }, ({ mm }) => ({ cmd: 'devRead', dev, mm, vpn })),
  );
