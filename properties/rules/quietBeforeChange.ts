/**
 * Rule `quietBeforeChange` (SPEC §6): while an invalidation op is in phase `commit` or `apply`,
 * no device pte of any mirror of its mm lies in its range: the CPU change happens only after
 * every device has let go of the pages.
 * Source: the seed's purpose, "fences delay, never skip"; the central guarantee of the 2014
 * design (hmm_invalidate_range_start waits on every mirror's fence before the CPU side moves).
 */
import { INVALIDATION_KINDS, type Observation } from '../../spec/index.js';
import type { Rule } from './rule.js';

const INVALIDATION: ReadonlySet<string> = new Set(INVALIDATION_KINDS);

function check(o: Observation): string[] {
  const out: string[] = [];
  for (const [op, kind, mm, start, end, phase] of o.ops) {
    if (!INVALIDATION.has(kind) || (phase !== 'commit' && phase !== 'apply')) continue;
    for (const [mirror, dev, mirrorMm, , , , devicePt] of o.mirrors) {
      if (mirrorMm !== mm) continue;
      for (const [vpn, pfn] of devicePt) {
        if (vpn >= start && vpn < end) {
          out.push(`op ${op} (${kind} of mm ${mm}, phase ${phase}): mirror ${mirror} (dev ${dev}) still maps vpn ${vpn} (pfn ${pfn}) on the device`);
        }
      }
    }
  }
  return out;
}

/** No device pte of the mm lies in the range of an invalidation that commits or applies. */
export const quietBeforeChange: Rule = {
  id: 'quietBeforeChange',
  rule: 'while an invalidation op is in phase commit or apply, no device pte of any mirror of its mm lies in its range: the CPU change happens only after every device has let go of the pages',
  source: 'SPEC §6; the seed\'s purpose: "fences delay, never skip"; the central guarantee of the 2014 design',
  reads: ['ops', 'mirrors'],
  check,
};
