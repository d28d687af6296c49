/**
 * The name of an XState v5 guard as a diagram prints it: a named guard by its name, and the
 * higher-order guards `not`, `and`, `or` (functions carrying their operand `guards`) as words,
 * so labels stay plain text in Mermaid and DOT: `not allMirrorsUpdated`, `a and b`.
 */

interface HigherOrderGuard {
  readonly name: string;
  readonly guards?: readonly unknown[];
}

function operand(guard: unknown): string {
  const name = guardName(guard);
  return name.includes(' ') ? `(${name})` : name;
}

/** A guard's printable name; an inline anonymous guard prints as `guard`. */
export function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (guard !== null && typeof guard === 'object' && 'type' in guard) return String((guard as { type: unknown }).type);
  if (typeof guard !== 'function') return String(guard);
  const { name, guards } = guard as unknown as HigherOrderGuard;
  if (guards && name === 'not') return `not ${operand(guards[0])}`;
  if (guards && (name === 'and' || name === 'or')) return guards.map(operand).join(` ${name} `);
  return name || 'guard';
}
