/**
 * Rule `dirtyImpliesWrite` (SPEC §6): a dirty mirror or device pte is writable.
 * Source: review of the 2014 series: dirty without write is a driver bug.
 */
import type { Observation } from '../../spec/index.js';
import { allMirrorPtes } from './observationIndex.js';
import type { Rule } from './rule.js';

function check(o: Observation): string[] {
  const out: string[] = [];
  for (const { mirror, table, pte: [vpn, pfn, write, dirty] } of allMirrorPtes(o)) {
    if (dirty && !write) out.push(`mirror ${mirror[0]} vpn ${vpn}: ${table} pte (pfn ${pfn}) is dirty but read-only`);
  }
  return out;
}

/** A dirty mirror or device pte is writable. */
export const dirtyImpliesWrite: Rule = {
  id: 'dirtyImpliesWrite',
  rule: 'a dirty mirror or device pte is writable',
  source: 'SPEC §6; review of the series: dirty without write is a driver bug',
  reads: ['mirrors'],
  check,
};
