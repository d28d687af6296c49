/** `read(mm, vpn)` (SPEC §3): a CPU read; populates an absent or swapped pte. */
import fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { mmIndexArb, vpnArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `read` on an mm index and a vpn. */
export const readArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(mmIndexArb(s), vpnArb(s)).map(([mmIndex, vpn]) => new IndexedCommand('read', { mm: mmIndex }, ({ mm }) => ({ cmd: 'read', mm, vpn })));
