/**
 * The statechart catalog (SPEC §5): every state and transition of the four machines, derived
 * from their definitions, and the `StatechartCoverage` recorder the world feeds.
 *
 * Ids: a state is `machine.state` (`mirror.live`); a transition is one branch of a state's
 * `on` entry: `machine: source --EVENT--> target`, and where the event has several guarded
 * branches each is its own transition, named by its guard (`else` for the fallback), as the
 * diagrams draw them: `fault: walk --COMMIT [backoff]--> end`, `... [mirrorNotLive]--> end`,
 * `... [else]--> end` are three (EAGAIN on backoff, ENODEV, the mapping). A targetless
 * transition (a step that stays, such as a wait on a pending fence) has its source as target.
 */
import type { AnyStateNode, TransitionDefinition } from 'xstate';
import { MACHINES, type LifecycleMachine } from './machines.js';

/** The id of state `state` of machine `machineId`. */
export function stateId(machineId: string, state: string): string {
  return `${machineId}.${state}`;
}

/** The id of the transition from `source` on `event` to `target`, by the branch guarded by `guard` if the event has several. */
export function transitionId(machineId: string, source: string, event: string, target: string, guard?: string): string {
  return guard === undefined ? `${machineId}: ${source} --${event}--> ${target}` : `${machineId}: ${source} --${event} [${guard}]--> ${target}`;
}

type Definitions = readonly TransitionDefinition<any, any>[];

/** A guard's name: a named guard's name, a higher-order one's function name (`not`, `and`). */
function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (guard !== null && typeof guard === 'object' && 'type' in guard) return String(guard.type);
  return typeof guard === 'function' && guard.name !== '' ? guard.name : 'guard';
}

/** The guard naming branch `i` of an event's definitions: none when the event has one branch; `else` for an unguarded fallback. */
export function branchGuard(definitions: Definitions, i: number): string | undefined {
  if (definitions.length < 2) return undefined;
  const guard = definitions[i]!.guard;
  return guard === undefined ? 'else' : guardName(guard);
}

/** The states and transitions of one machine, read from its state nodes' `on` maps: one transition per branch and target. */
export function machineCatalog(machine: LifecycleMachine): { states: string[]; transitions: string[] } {
  const states: string[] = [];
  const transitions = new Set<string>();
  for (const node of Object.values(machine.root.states) as AnyStateNode[]) {
    states.push(stateId(machine.id, node.key));
    const on = node.on as Record<string, Definitions>;
    for (const [event, definitions] of Object.entries(on)) {
      definitions.forEach((definition, i) => {
        const targets = definition.target ?? [node];
        for (const target of targets) transitions.add(transitionId(machine.id, node.key, event, target.key, branchGuard(definitions, i)));
      });
    }
  }
  return { states, transitions: [...transitions] };
}

/** Every state id and transition id of the four machines (SPEC §5). */
export function statechartCatalog(): { states: string[]; transitions: string[] } {
  const states: string[] = [];
  const transitions: string[] = [];
  for (const machine of MACHINES) {
    const one = machineCatalog(machine);
    states.push(...one.states);
    transitions.push(...one.transitions);
  }
  return { states, transitions };
}

/** Reached versus total for one kind of element. */
export interface CoverageCount {
  readonly reached: number;
  readonly total: number;
  readonly missing: string[];
}

/** Records the states entered and transitions taken by the world's lifecycles. */
export class StatechartCoverage {
  private readonly states = new Set<string>();
  private readonly transitions = new Set<string>();

  /** A lifecycle entered state `id` (including its initial state at creation). */
  enterState(id: string): void {
    this.states.add(id);
  }

  /** A lifecycle took transition `id`. */
  takeTransition(id: string): void {
    this.transitions.add(id);
  }

  /** The sets recorded so far. */
  reached(): { states: ReadonlySet<string>; transitions: ReadonlySet<string> } {
    return { states: this.states, transitions: this.transitions };
  }

  /** Reached, total and missing ids against the catalog. */
  summary(): { states: CoverageCount; transitions: CoverageCount } {
    const catalog = statechartCatalog();
    return { states: count(catalog.states, this.states), transitions: count(catalog.transitions, this.transitions) };
  }
}

function count(all: readonly string[], reached: ReadonlySet<string>): CoverageCount {
  const missing = all.filter((id) => !reached.has(id));
  return { reached: all.length - missing.length, total: all.length, missing };
}
