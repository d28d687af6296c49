/**
 * Which rules of SPEC §6 can judge a world that reports only part of the observation
 * (docs/protocol.md, `observes`): a rule is checked when every part it `reads` is reported, and
 * skipped otherwise, naming the parts it lacks. `memoryIsMemory` reads results only and is
 * always checked (it is not among these rules).
 */
import type { ObservationPart } from '../../spec/index.js';
import type { Rule } from './rule.js';

/** A rule left out, and the parts it would need that were not reported. */
export interface SkippedRule {
  readonly rule: string;
  readonly missing: readonly ObservationPart[];
}

/** `rules` split into those `observes` lets the checker judge and those it skips (absent `observes`: all judged). */
export function rulesFor(rules: readonly Rule[], observes: readonly ObservationPart[] | undefined): { checked: Rule[]; skipped: SkippedRule[] } {
  const checked: Rule[] = [];
  const skipped: SkippedRule[] = [];
  for (const rule of rules) {
    const missing = observes === undefined ? [] : rule.reads.filter((p) => !observes.includes(p));
    if (missing.length === 0) checked.push(rule);
    else skipped.push({ rule: rule.id, missing });
  }
  return { checked, skipped };
}
