/**
 * Advancing a lifecycle (SPEC §5): the world moves every entity only through XState's pure
 * `transition()`, never through actors.
 *
 * Machine context is empty, so a transition's outcome depends only on (machine, state, event):
 * each distinct transition runs XState once and is then a map lookup (a `transition()` costs
 * about 17 µs). An event the machine refuses breaks the world's own invariant: it throws.
 */
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type TransitionDefinition } from 'xstate';
import { branchGuard, stateId, transitionId, type StatechartCoverage } from './catalog.js';
import type { LifecycleMachine } from './machines.js';

/** A lifecycle as the world keeps it: the machine, its XState snapshot, and the state name. */
export interface Lifecycle<S extends string = string> {
  readonly machine: LifecycleMachine;
  readonly snapshot: AnyMachineSnapshot;
  readonly value: S;
}

interface Step {
  readonly next: Lifecycle;
  readonly transition: string;
  readonly state: string;
}

/** (machine id | state | event JSON) → outcome, shared by every world. */
const steps = new Map<string, Step | null>();
const initials = new Map<string, Lifecycle>();

/** The initial lifecycle of `machine`; records its state as entered. */
export function initialLifecycle<S extends string>(machine: LifecycleMachine, coverage?: StatechartCoverage): Lifecycle<S> {
  let initial = initials.get(machine.id);
  if (initial === undefined) {
    const [snapshot] = initialTransition(machine);
    initial = { machine, snapshot, value: snapshot.value as string };
    initials.set(machine.id, initial);
  }
  coverage?.enterState(stateId(machine.id, initial.value));
  return initial as Lifecycle<S>;
}

/** True when `lifecycle` takes `event` (its guards hold for the facts the event carries). */
export function canAdvance<E extends { readonly type: string }>(lifecycle: Lifecycle, event: E): boolean {
  return lookup(lifecycle, event) !== null;
}

/**
 * The lifecycle after `event`. Throws when the machine refuses the event: `who` names the entity
 * in the message (`invalidation op 3`), since a refused event means the world broke SPEC §5.
 */
export function advance<S extends string, E extends { readonly type: string }>(
  lifecycle: Lifecycle<S>, event: E, who: string, coverage?: StatechartCoverage,
): Lifecycle<S> {
  const step = lookup(lifecycle, event);
  if (step === null) {
    throw new Error(`${who}: ${lifecycle.machine.id} in state '${lifecycle.value}' refuses ${JSON.stringify(event)}`);
  }
  coverage?.takeTransition(step.transition);
  coverage?.enterState(step.state);
  return step.next as Lifecycle<S>;
}

function lookup(lifecycle: Lifecycle, event: { type: string }): Step | null {
  const { machine, value } = lifecycle;
  const key = `${machine.id}|${value}|${JSON.stringify(event)}`;
  let step = steps.get(key);
  if (step === undefined) {
    step = runXState(lifecycle, event);
    steps.set(key, step);
  }
  return step;
}

function runXState({ machine, snapshot, value }: Lifecycle, event: { type: string }): Step | null {
  // The union of four machines has no common event type; each caller passes its machine's events.
  if (!snapshot.can(event as never)) return null;
  const [after] = transition(machine, snapshot as never, event as never);
  const target = (after as AnyMachineSnapshot).value as string;
  return {
    next: { machine, snapshot: after as AnyMachineSnapshot, value: target },
    transition: transitionId(machine.id, value, event.type, target, takenBranch(machine, snapshot, value, event)),
    state: stateId(machine.id, target),
  };
}

/** The guard of the branch XState takes for `event` in state `value` (none when the event has one branch). */
function takenBranch(machine: LifecycleMachine, snapshot: AnyMachineSnapshot, value: string, event: { type: string }): string | undefined {
  const definitions = ((machine.root.states[value] as AnyStateNode).on as Record<string, readonly TransitionDefinition<any, any>[]>)[event.type] ?? [];
  if (definitions.length < 2) return undefined;
  const [taken] = (machine as AnyStateMachine).getTransitionData(snapshot as never, event as never);
  const i = definitions.indexOf(taken as TransitionDefinition<any, any>);
  if (i < 0) throw new Error(`${machine.id} in state '${value}': XState took a branch of ${event.type} that its definition does not list`);
  return branchGuard(definitions, i);
}

/**
 * Throws, as `advance` would, unless `lifecycle` takes `event`; used before a step that answers
 * -EAGAIN and so must leave the lifecycle where it is.
 */
export function assertCan<E extends { readonly type: string }>(lifecycle: Lifecycle, event: E, who: string): void {
  if (!canAdvance(lifecycle, event)) {
    throw new Error(`${who}: ${lifecycle.machine.id} in state '${lifecycle.value}' refuses ${JSON.stringify(event)}`);
  }
}
