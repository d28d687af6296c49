/**
 * The checks the explorer runs in every new state (SPEC §6): every observation rule of
 * `RULES`, and the world's own structural self-check (`World.checkStructure`, the
 * implementation's page tables and pools) when it has one. `memoryIsMemory` needs the
 * transition, not the state: the explorer runs it on every transition (`explore.ts`).
 */
import type { Observation, World } from '../../spec/index.js';
import type { Rule } from '../rules/rule.js';

/** One breach: the rule's name (or `checkStructure`) and its message. */
export interface Breach {
  readonly rule: string;
  readonly message: string;
}

/** Every breach of `rules` in `o`, then of the world's structure; empty when all hold. */
export function checkState(rules: readonly Rule[], o: Observation, world: World): Breach[] {
  const breaches: Breach[] = [];
  for (const rule of rules) for (const message of rule.check(o)) breaches.push({ rule: rule.id, message });
  if (world.checkStructure !== undefined) {
    for (const message of world.checkStructure()) breaches.push({ rule: 'checkStructure', message });
  }
  return breaches;
}

/** Breaches of memoryIsMemory, from the tracker's messages. */
export function memoryBreaches(messages: readonly string[]): Breach[] {
  return messages.map((message) => ({ rule: 'memoryIsMemory', message }));
}

/** `rule: message`, as reports print a breach. */
export function formatBreach(b: Breach): string {
  return `${b.rule}: ${b.message}`;
}
