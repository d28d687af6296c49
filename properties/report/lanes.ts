/**
 * Lanes of the report's timeline: one per actor. A CPU operation belongs to the CPU of its mm,
 * `step`/`finish` to the op they drive, mirror and device commands (`register`, `devRead`,
 * `signal`, ...) to their device. Lanes are ordered CPUs, then ops, then devices, each by number.
 */
import type { Command, Observation } from '../../spec/index.js';
import { CPU_COMMANDS } from '../../spec/index.js';

/** One actor's lane. */
export interface Lane {
  /** `cpu:0`, `op:3`, `dev:1`. */
  readonly key: string;
  /** Column title: `CPU mm0`, `op 3 (migrate)`, `dev 1`. */
  readonly title: string;
}

const GROUP_ORDER: Readonly<Record<string, number>> = { cpu: 0, op: 1, dev: 2 };

/** The lane key of the actor that issues `command`. */
export function actorOf(command: Command): string {
  if (command.cmd === 'step' || command.cmd === 'finish') return `op:${command.op}`;
  if (CPU_COMMANDS.has(command.cmd) && 'mm' in command) return `cpu:${command.mm}`;
  return `dev:${'dev' in command ? command.dev : '?'}`;
}

/** The kind of every op seen in the observations (`3` → `migrate`). */
function opKinds(observations: readonly Observation[]): Map<number, string> {
  const kinds = new Map<number, string>();
  for (const o of observations) for (const op of o.ops) kinds.set(op[0], op[1]);
  return kinds;
}

function titleOf(key: string, kinds: ReadonlyMap<number, string>): string {
  const [group, id] = key.split(':') as [string, string];
  if (group === 'cpu') return `CPU mm${id}`;
  if (group === 'dev') return `dev ${id}`;
  const kind = kinds.get(Number(id));
  return kind === undefined ? `op ${id}` : `op ${id} (${kind})`;
}

function compareKeys(a: string, b: string): number {
  const [ga, ia] = a.split(':') as [string, string];
  const [gb, ib] = b.split(':') as [string, string];
  return (GROUP_ORDER[ga]! - GROUP_ORDER[gb]!) || Number(ia) - Number(ib) || ia.localeCompare(ib);
}

/** The lanes needed for `keys` (actors and created ops), in lane order. */
export function lanesOf(keys: Iterable<string>, observations: readonly Observation[]): Lane[] {
  const kinds = opKinds(observations);
  return [...new Set(keys)].sort(compareKeys).map((key) => ({ key, title: titleOf(key, kinds) }));
}
