/** `devRead(dev, mm, vpn)` (SPEC §3): the device reads through its pte, or faults (`rfault`). */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { devArb, mmIndexArb, vpnRefArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/**
 * Generates `devRead` on a mirror `(dev, mm index)` and a vpn; now and then a retry of the last
 * device access instead (same mirror and address, `Tracker.resolve`).
 */
export const devReadArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(devArb(s), mmIndexArb(s), vpnRefArb(s)).map(
    ([dev, mmIndex, at]) =>
      new IndexedCommand('devRead', { mm: mmIndex, dev, address: at }, (ids) => ({ cmd: 'devRead', dev: ids.dev, mm: ids.mm, vpn: ids.address })),
  );
