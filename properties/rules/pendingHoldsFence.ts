/**
 * Rule `pendingHoldsFence` (SPEC §6): every entry of a device's pending queue names a listed
 * fence in state `pending`. HMM keeps its reference until a wait answers something other than
 * -EAGAIN, which only a completed invalidation allows.
 * Source: the seed's fence_wait / fence_unref contract.
 */
import type { Observation } from '../../spec/index.js';
import type { Rule } from './rule.js';

function check(o: Observation): string[] {
  const state = new Map<number, string>(o.fences.map((f) => [f[0], f[4]]));
  const out: string[] = [];
  for (const [dev, queue] of o.pending) {
    for (const [fence, mirror, start, end] of queue) {
      const s = state.get(fence);
      if (s === 'pending') continue;
      const what = `dev ${dev} pending entry (fence ${fence}, mirror ${mirror}, [${start}, ${end}))`;
      out.push(s === undefined ? `${what}: fence ${fence} is not listed (freed while the device still holds it)` : `${what}: fence ${fence} is ${s}, not pending`);
    }
  }
  return out;
}

/** Every pending queue entry names a listed fence that is still pending. */
export const pendingHoldsFence: Rule = {
  id: 'pendingHoldsFence',
  rule: 'every entry of a device\'s pending queue names a listed fence in state pending (HMM keeps its reference until a wait answers something other than -EAGAIN, which only a completed invalidation allows)',
  source: 'SPEC §6; seed: fence_wait / fence_unref contract',
  reads: ['pending', 'fences'],
  check,
};
