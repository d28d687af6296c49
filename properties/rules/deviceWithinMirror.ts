/**
 * Rule `deviceWithinMirror` (SPEC §6): a device pte matches a valid mirror pte of the same
 * mirror (same pfn, write ⇒ write), unless a pending invalidation of that mirror covers the vpn.
 * Source: the device MMU follows HMM's table; fences delay, never skip.
 */
import type { Observation } from '../../spec/index.js';
import { pendingCovers, pteAt } from './observationIndex.js';
import type { Rule } from './rule.js';

function check(o: Observation): string[] {
  const out: string[] = [];
  for (const [mirror, dev, , , , mirrorPt, devicePt] of o.mirrors) {
    for (const [vpn, pfn, write] of devicePt) {
      if (pendingCovers(o, mirror, vpn)) continue;
      const where = `mirror ${mirror} (dev ${dev}) vpn ${vpn}`;
      const m = pteAt(mirrorPt, vpn);
      if (m === undefined) out.push(`${where}: device pte maps pfn ${pfn}, mirror pte is absent`);
      else if (m[1] !== pfn) out.push(`${where}: device pte maps pfn ${pfn}, mirror pte maps pfn ${m[1]}`);
      else if (write && !m[2]) out.push(`${where}: device pte is writable, mirror pte (pfn ${pfn}) is read-only`);
    }
  }
  return out;
}

/** A device pte agrees with its mirror pte, unless a pending invalidation covers the vpn. */
export const deviceWithinMirror: Rule = {
  id: 'deviceWithinMirror',
  rule: 'a device pte matches a valid mirror pte of the same mirror (same pfn, write implies write), unless a pending invalidation of that mirror covers the vpn',
  source: 'SPEC §6; the device MMU follows HMM\'s table; fences delay, never skip',
  reads: ['mirrors', 'pending'],
  check,
};
