/**
 * Every rule broken after a command, on either world (the issue's "name every broken rule"):
 * when the results or the observations of the model and the implementation differ, a SPEC §6
 * rule broken on one side is often the better diagnosis, so the failure names it too; when a
 * rule breaks, the others broken by the same command are named with it.
 */
import { sameObservation, type Observation } from '../../spec/index.js';
import type { Rule } from '../rules/rule.js';

/** A rule broken after the failing command, with the world(s) it broke on and its messages. */
export interface BrokenRule {
  readonly rule: string;
  readonly side: 'model' | 'impl' | 'both';
  /** The rule's messages on that side (the model's when both), naming the entities involved. */
  readonly entities: readonly string[];
}

/** One side's breaches: rule id → messages, in the order checked. */
export type Breaches = ReadonlyMap<string, readonly string[]>;

/** The breaches of `rules` on one observation, then those given as `more` (ptStructure, memoryIsMemory). */
export function breachesOf(rules: readonly Rule[], o: Observation, more: Readonly<Record<string, readonly string[]>> = {}): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const rule of rules) {
    const entities = rule.check(o);
    if (entities.length > 0) out.set(rule.id, entities);
  }
  for (const [rule, entities] of Object.entries(more)) if (entities.length > 0) out.set(rule, entities);
  return out;
}

/** The two sides' breaches as one list: a rule broken on both is `both`, model's order first. */
export function mergeBreaches(model: Breaches, impl: Breaches): BrokenRule[] {
  const out: BrokenRule[] = [];
  for (const [rule, entities] of model) out.push({ rule, side: impl.has(rule) ? 'both' : 'model', entities });
  for (const [rule, entities] of impl) if (!model.has(rule)) out.push({ rule, side: 'impl', entities });
  return out;
}

/**
 * The rules broken on either world when their results or observations differ: each observation
 * rule on each side (once when the observations are equal), plus the per-side extras.
 */
export function brokenOnEitherSide(
  rules: readonly Rule[],
  model: Observation,
  impl: Observation,
  extras: { readonly model?: Readonly<Record<string, readonly string[]>>; readonly impl?: Readonly<Record<string, readonly string[]>> } = {},
): BrokenRule[] {
  const m = breachesOf(rules, model, extras.model);
  const equal = sameObservation(model, impl);
  const i = equal ? breachesOf([], impl, extras.impl) : breachesOf(rules, impl, extras.impl);
  if (equal) for (const [rule, entities] of breachesOf(rules, model)) i.set(rule, entities);
  return mergeBreaches(m, i);
}

/** `dirtyImpliesWrite (impl): mirror 1 vpn 0x5: …`, one line per broken rule. */
export function brokenRuleLines(broken: readonly BrokenRule[], limit = 8): string[] {
  const side = (s: BrokenRule['side']): string => (s === 'both' ? 'model and impl' : s);
  return broken.slice(0, limit).map((b) => `${b.rule} (${side(b.side)}): ${b.entities[0] ?? ''}${b.entities.length > 1 ? ` (+${b.entities.length - 1} more)` : ''}`);
}
