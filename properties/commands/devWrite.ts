/** `devWrite(dev, mm, vpn, value)` (SPEC §3): the device writes through a writable pte, or faults (`wfault`). */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { devArb, mmIndexArb, valueArb, vpnArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `devWrite` on a mirror `(dev, mm index)`, a vpn and a small value. */
export const devWriteArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(devArb(s), mmIndexArb(s), vpnArb(s), valueArb(s)).map(
    ([dev, mmIndex, vpn, value]) => new IndexedCommand('devWrite', { mm: mmIndex }, ({ mm }) => ({ cmd: 'devWrite', dev, mm, vpn, value })),
  );
