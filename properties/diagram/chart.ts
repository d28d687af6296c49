/**
 * A statechart read from an XState v5 machine definition (SPEC §5): its states, initial state,
 * final states and transitions with event type, guard and action names. Diagram printers
 * (Mermaid, DOT) draw from this, so every diagram follows the machines as defined, never a
 * hand-drawn copy.
 */
import type { AnyStateMachine, AnyStateNode, TransitionDefinition } from 'xstate';
import { guardName } from './guardName.js';

/** One transition: `target` equals `source` for a targetless (stay) transition. */
export interface ChartTransition {
  readonly source: string;
  readonly target: string;
  readonly event: string;
  readonly guard?: string;
  readonly actions: readonly string[];
}

/** A machine's states and transitions, in definition order. */
export interface Chart {
  readonly id: string;
  readonly initial: string;
  readonly states: readonly { readonly key: string; readonly final: boolean }[];
  readonly transitions: readonly ChartTransition[];
}

function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'function') return action.name || 'anonymous';
  if (action !== null && typeof action === 'object' && 'type' in action) return String((action as { type: unknown }).type);
  return String(action);
}

function transitionsOf(node: AnyStateNode): ChartTransition[] {
  const out: ChartTransition[] = [];
  const on = node.on as Record<string, readonly TransitionDefinition<any, any>[]>;
  for (const [event, definitions] of Object.entries(on)) {
    definitions.forEach((definition, i) => {
      // An unguarded transition after guarded ones for the same event is taken only when they are not: `else`.
      const guard = definition.guard !== undefined ? guardName(definition.guard) : i > 0 ? 'else' : undefined;
      const actions = (definition.actions ?? []).map(actionName);
      const targets = definition.target ?? [node];
      for (const target of targets) out.push({ source: node.key, target: target.key, event, ...(guard === undefined ? {} : { guard }), actions });
    });
  }
  return out;
}

/** Reads the chart of `machine` by walking `machine.root.states` and each node's `on` map. */
export function chartOf(machine: AnyStateMachine): Chart {
  const nodes = Object.values(machine.root.states) as AnyStateNode[];
  const initial = machine.root.initial?.target?.[0]?.key;
  if (initial === undefined) throw new Error(`machine ${machine.id}: no initial state`);
  return {
    id: machine.id,
    initial,
    states: nodes.map((node) => ({ key: node.key, final: node.type === 'final' })),
    transitions: nodes.flatMap(transitionsOf),
  };
}

/** The label of a transition: `EVENT [guard] / action, action`. */
export function transitionLabel(t: ChartTransition): string {
  const guard = t.guard === undefined ? '' : ` [${t.guard}]`;
  const actions = t.actions.length === 0 ? '' : ` / ${t.actions.join(', ')}`;
  return `${t.event}${guard}${actions}`;
}
