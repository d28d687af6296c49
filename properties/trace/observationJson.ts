/**
 * An observation (SPEC §7) as a plain JSON value with its keys in SPEC order, so printing it
 * gives the same text as the worked examples' `*.final.json`.
 */
import type { Observation } from '../../spec/index.js';

/** The observation with keys in SPEC §7 order (`next` too). */
export function observationJson(o: Observation): Observation {
  const { pfn, mirror, op, fence, mm } = o.next;
  return {
    mms: o.mms, pages: o.pages, mirrors: o.mirrors, fences: o.fences, pending: o.pending, ops: o.ops,
    warnings: o.warnings, violations: o.violations, next: { pfn, mirror, op, fence, mm },
  };
}

/** The observation as one line of JSON in SPEC §7 key order. */
export function formatObservation(o: Observation): string {
  return JSON.stringify(observationJson(o));
}
