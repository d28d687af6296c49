/**
 * Paths of the breadth-first search: each state keeps the command that first reached it and a
 * link to its parent, so paths share their prefixes and a state costs one small record. A
 * state is rebuilt from its path (`entryStates.ts`): its commands applied again, each giving
 * the result recorded.
 */
import { formatResult, sameResult, type Command, type Result, type World, type WorldConfig, type WorldFactory } from '../../spec/index.js';
import type { PathStep } from './outcome.js';

/** The last command of a path, its result, and the path before it (`null`: the initial state). */
export interface PathNode {
  readonly parent: PathNode | null;
  readonly command: Command;
  readonly result: Result;
}

/** The commands of a path from the initial state, with their results. */
export function pathSteps(node: PathNode | null): PathStep[] {
  const steps: PathStep[] = [];
  for (let n = node; n !== null; n = n.parent) steps.push({ command: n.command, result: n.result });
  return steps.reverse();
}

/** Commands in the path (0 for the initial state). */
export function pathDepth(node: PathNode | null): number {
  let depth = 0;
  for (let n = node; n !== null; n = n.parent) depth++;
  return depth;
}

/**
 * Applies the node's command to a world in its parent's state. A result that differs from the
 * recorded one means the world is not deterministic (SPEC §4 says it is): our invariant, so it throws.
 */
export function applyStep(world: World, step: PathStep): void {
  const result = world.apply(step.command);
  if (!sameResult(result, step.result)) {
    throw new Error(`explorer: replay gave ${formatResult(result)} where the search saw ${formatResult(step.result)}: the world is not deterministic`);
  }
}

/** A fresh world brought to the end of the path (`applyStep` on each command). */
export function replayPath(factory: WorldFactory, config: WorldConfig, node: PathNode | null): World {
  const world = factory(config);
  for (const step of pathSteps(node)) applyStep(world, step);
  return world;
}
