/**
 * Rule `quietBeforeChange` (SPEC §6): while an invalidation op is in phase `commit` or `apply`,
 * no device pte of any mirror of its mm lies in its range: the CPU change happens only after
 * every device has let go of the pages.
 * Source: the seed's purpose, "fences delay, never skip"; the central guarantee of the 2014
 * design (hmm_invalidate_range_start waits on every mirror's fence before the CPU side moves).
 */
import { INVALIDATION_KINDS, type MirrorObs, type Observation } from '../../spec/index.js';
import { ptesIn } from './observationIndex.js';
import type { Rule } from './rule.js';

const INVALIDATION: ReadonlySet<string> = new Set(INVALIDATION_KINDS);

function check(o: Observation): string[] {
  const out: string[] = [];
  const committing = o.ops.filter(([, kind, , , , phase]) => INVALIDATION.has(kind) && (phase === 'commit' || phase === 'apply'));
  if (committing.length === 0) return out;
  const mirrorsOf = new Map<number, MirrorObs[]>();
  for (const m of o.mirrors) {
    const list = mirrorsOf.get(m[2]);
    if (list === undefined) mirrorsOf.set(m[2], [m]);
    else list.push(m);
  }
  for (const [op, kind, mm, start, end, phase] of committing) {
    for (const [mirror, dev, , , , , devicePt] of mirrorsOf.get(mm) ?? []) {
      for (const [vpn, pfn] of ptesIn(devicePt, start, end)) {
        out.push(`op ${op} (${kind} of mm ${mm}, phase ${phase}): mirror ${mirror} (dev ${dev}) still maps vpn ${vpn} (pfn ${pfn}) on the device`);
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
