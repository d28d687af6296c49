/** `devWrite(dev, mm, vpn, value)` (SPEC §3): the device writes through a writable pte, or faults (`wfault`). */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { devArb, mmIndexArb, valueArb, vpnRefArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/**
 * Generates `devWrite` on a mirror `(dev, mm index)`, a vpn and a small value; now and then a retry of the last
 * device access instead (same mirror and address, `Tracker.resolve`).
 */
export const devWriteArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(devArb(s), mmIndexArb(s), vpnRefArb(s), valueArb(s)).map(
    ([dev, mmIndex, at, value]) =>
      new IndexedCommand('devWrite', { mm: mmIndex, dev, address: at }, (ids) => ({
        cmd: 'devWrite', dev: ids.dev, mm: ids.mm, vpn: ids.address, value,
      })),
  );
