/**
 * Rule `fenceDiscipline` (SPEC §6): every listed fence has refs >= 1 and belongs to an op in
 * flight (so every fence of an ended op is freed).
 * Source: the seed's fence_wait / fence_unref contract.
 */
import type { Observation } from '../../spec/index.js';
import type { Rule } from './rule.js';

function check(o: Observation): string[] {
  const inFlight = new Set(o.ops.map((op) => op[0]));
  const out: string[] = [];
  for (const [fence, dev, mirror, op, state, refs] of o.fences) {
    const what = `fence ${fence} (dev ${dev}, mirror ${mirror}, ${state})`;
    if (refs < 1) out.push(`${what}: listed with refs ${refs}`);
    if (!inFlight.has(op)) out.push(`${what}: its op ${op} is not in flight, so it should be freed`);
  }
  return out;
}

/** Every listed fence has refs >= 1 and belongs to an op in flight. */
export const fenceDiscipline: Rule = {
  id: 'fenceDiscipline',
  rule: 'every listed fence has refs >= 1 and belongs to an op in flight (so every fence of an ended op is freed)',
  source: 'SPEC §6; seed: fence_wait / fence_unref contract',
  reads: ['fences', 'ops'],
  check,
};
