/**
 * Rule `mirrorWithinCpu` (SPEC §6): a valid mirror pte maps the pfn its mm's CPU pte maps, and
 * is writable only if the CPU pte is, unless an active invalidation of that mm covers the vpn.
 * Source: the seed (updates propagated through events); upstream's mirroring guarantee
 * (hmm_range_fault / mmu_interval_read_retry).
 */
import type { Observation } from '../../spec/index.js';
import { activeInvalidationCovers, cpuPte } from './observationIndex.js';
import type { Rule } from './rule.js';

function check(o: Observation): string[] {
  const out: string[] = [];
  for (const [mirror, , mm, , , mirrorPt] of o.mirrors) {
    for (const [vpn, pfn, write] of mirrorPt) {
      if (activeInvalidationCovers(o, mm, vpn)) continue;
      const where = `mirror ${mirror} vpn ${vpn}`;
      const cpu = cpuPte(o, mm, vpn);
      if (cpu === undefined) out.push(`${where}: mirror pte maps pfn ${pfn}, CPU pte of mm ${mm} is absent`);
      else if (cpu[1] === 'S') out.push(`${where}: mirror pte maps pfn ${pfn}, CPU pte of mm ${mm} is swapped`);
      else if (cpu[2] !== pfn) out.push(`${where}: mirror pte maps pfn ${pfn}, CPU pte maps pfn ${cpu[2]}`);
      else if (write && !cpu[3]) out.push(`${where}: mirror pte is writable, CPU pte (pfn ${pfn}) is read-only`);
    }
  }
  return out;
}

/** A valid mirror pte agrees with the CPU pte, unless an active invalidation covers the vpn. */
export const mirrorWithinCpu: Rule = {
  id: 'mirrorWithinCpu',
  rule: 'a valid mirror pte maps the pfn its mm\'s CPU pte maps, and is writable only if the CPU pte is, unless an active invalidation of that mm covers the vpn',
  source: 'SPEC §6; seed: updates propagated through events; upstream mirroring guarantee',
  reads: ['mirrors', 'mms', 'ops'],
  check,
};
