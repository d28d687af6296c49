/**
 * Rule `mirrorLifecycle` (SPEC §6, §5): a mirror that is not live has empty mirror and device
 * page tables; a listed mirror that is not live has refs >= 1 (otherwise it is freed); a dead
 * mm has no live mirror. Source: the seed's release(); upstream use-after-free fixes.
 */
import type { Observation } from '../../spec/index.js';
import { mmState } from './observationIndex.js';
import type { Rule } from './rule.js';

function check(o: Observation): string[] {
  const out: string[] = [];
  for (const [mirror, dev, mm, state, refs, mirrorPt, devicePt] of o.mirrors) {
    const what = `mirror ${mirror} (dev ${dev}, mm ${mm})`;
    if (state === 'live') {
      if (mmState(o, mm) === 'dead') out.push(`${what}: live, but mm ${mm} is dead`);
      continue;
    }
    if (mirrorPt.length > 0) out.push(`${what}: ${state}, but its mirror page table has ${mirrorPt.length} pte(s)`);
    if (devicePt.length > 0) out.push(`${what}: ${state}, but its device page table has ${devicePt.length} pte(s)`);
    if (refs < 1) out.push(`${what}: ${state} with refs ${refs}, so it should be freed`);
  }
  return out;
}

/** Non-live mirrors are torn down and freed at refs 0; a dead mm has no live mirror. */
export const mirrorLifecycle: Rule = {
  id: 'mirrorLifecycle',
  rule: 'a mirror that is not live has empty mirror and device page tables; a listed mirror that is not live has refs >= 1 (otherwise it is freed); a dead mm has no live mirror',
  source: 'SPEC §6, §5; seed: release(); upstream use-after-free fixes',
  reads: ['mirrors', 'mms'],
  check,
};
