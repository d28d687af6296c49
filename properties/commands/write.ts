/** `write(mm, vpn, value)` (SPEC §3): a CPU write; a shared read-only pte makes a COW break op. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, valueArb, vpnArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `write` on an mm index, a vpn and a small value. */
export const writeArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), vpnArb(s), valueArb(s)).map(
    ([mmIndex, vpn, value]) => new IndexedCommand('write', { mm: mmIndex }, ({ mm }) => ({ cmd: 'write', mm, vpn, value })),
  );
