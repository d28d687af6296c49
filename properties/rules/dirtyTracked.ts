/**
 * Rule `dirtyTracked` (SPEC §6): a page whose data differs from its stored copy (or whose
 * stored copy is null) is dirty, or a valid mirror pte or device pte mapping it is dirty.
 * Source: the seed: "HMM will properly propagate HMM page table dirty bit to underlying page".
 */
import type { Observation } from '../../spec/index.js';
import { allMirrorPtes } from './observationIndex.js';
import type { Rule } from './rule.js';

function check(o: Observation): string[] {
  const dirtyPfns = new Set<number>();
  for (const { pte: [, pfn, , dirty] } of allMirrorPtes(o)) if (dirty) dirtyPfns.add(pfn);
  const out: string[] = [];
  for (const [pfn, data, dirty, stored] of o.pages) {
    if (stored !== null && data === stored) continue;
    if (dirty || dirtyPfns.has(pfn)) continue;
    const copy = stored === null ? 'no stored copy' : `stored copy ${stored}`;
    out.push(`page pfn ${pfn}: data ${data} with ${copy}, but neither the page nor a mirror or device pte mapping it is dirty`);
  }
  return out;
}

/** A page newer than its stored copy is dirty, or a mirror/device pte mapping it is. */
export const dirtyTracked: Rule = {
  id: 'dirtyTracked',
  rule: 'a page whose data differs from its stored copy (or whose stored copy is null) is dirty, or a valid mirror pte or device pte mapping it is dirty',
  source: 'SPEC §6; seed: "HMM will properly propagate HMM page table dirty bit to underlying page"',
  reads: ['pages', 'mirrors'],
  check,
};
