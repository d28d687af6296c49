/**
 * The states the explorer expands, rebuilt from their paths: for the entry being expanded, a
 * world in its state and what its transitions need (observation, ops in flight, hidden state,
 * memoryIsMemory tracker). Frontier entries are only paths (`path.ts`), so a frontier costs a
 * small record per state, whatever the world's size.
 *
 * The states along the entered path are kept, one per depth, each made from its parent's by
 * one command; breadth-first order expands the children of one parent one after another, so
 * consecutive entries share most of their path and each state is rebuilt about once. Worlds
 * are mutable (SPEC `World`), so a world to change is a copy:
 *
 * - **Cloning**, for a world that can copy itself (`clone()`, as the implementation's can): the
 *   kept states hold pristine worlds; a copy is a clone of the entry's, made in a world the
 *   caller is done with when the world allows it (`copyFrom`), which saves allocating arrays.
 *   At most `maxDepth + 1` worlds are kept.
 * - **Replaying** otherwise (the model): a fresh world brought to the end of the path.
 *
 * Either way a state rebuilt must give the results the search saw (`path.ts` `applyStep`).
 */
import type { Observation, World, WorldConfig, WorldFactory } from '../../spec/index.js';
import { advanceHidden, NO_HIDDEN_STATE, type HiddenState } from './hiddenState.js';
import type { MemoryOracle } from './memoryOracle.js';
import type { MemorySteps } from './memorySteps.js';
import { applyStep, pathDepth, replayPath, type PathNode } from './path.js';

/** A world that can copy itself: the copy evolves alike, and apart from it. */
export interface CloneableWorld extends World {
  clone(): World;
  /** Optional: makes this world such a copy of `other` (a world of the same kind), dropping its own state. */
  copyFrom?(other: World): void;
}

/** True when `w` offers `clone()`. */
export function isCloneable(w: World): w is CloneableWorld {
  return typeof (w as { clone?: unknown }).clone === 'function';
}

/** What expanding a state needs. */
export interface EntryState {
  /** Its path (null: the initial state). */
  readonly node: PathNode | null;
  readonly observation: Observation;
  /** Ops in flight (SPEC §7 `ops` ids): what `step` can name. */
  readonly ops: readonly number[];
  readonly hidden: HiddenState;
  /** The tracker in this state; never changed (copied before it is fed). */
  readonly memory: MemoryOracle;
  /** `memory.snapshot()`. */
  readonly memoryText: string;
}

/** A kept state: its entry state and, when cloning, its pristine world. */
interface Kept {
  readonly state: EntryState;
  readonly world: CloneableWorld | null;
}

/** The states along the entered path, and copies of the entered one. */
export class EntryStates {
  /** The initial world, pristine: nothing may change it. */
  readonly initialWorld: World;
  private readonly kept: Kept[];
  private current: Kept;

  constructor(
    private readonly factory: WorldFactory,
    private readonly config: WorldConfig,
    memory: MemoryOracle,
    private readonly memorySteps: MemorySteps,
  ) {
    const world = factory(config);
    this.initialWorld = world;
    const observation = world.observe();
    const state: EntryState = { node: null, observation, ops: opIds(observation), hidden: NO_HIDDEN_STATE, memory, memoryText: memory.snapshot() };
    this.current = { state, world: isCloneable(world) ? world : null };
    this.kept = [this.current];
  }

  /** The initial state. */
  get initial(): EntryState {
    return this.kept[0]!.state;
  }

  /** Makes the state at the end of `node`'s path the one `copy` gives; returns it. */
  enter(node: PathNode | null): EntryState {
    this.current = this.at(node, pathDepth(node));
    return this.current.state;
  }

  /**
   * A world in the entered state, the caller's to change. `spare`: a world the caller is done
   * with (it must not use it again), which may be made into the copy to save allocating one.
   */
  copy(spare?: World): World {
    return this.copyOf(this.current, spare);
  }

  private copyOf(kept: Kept, spare: World | undefined): World {
    const world = kept.world;
    if (world === null) return replayPath(this.factory, this.config, kept.state.node);
    if (spare !== undefined && spare !== world && isCloneable(spare) && spare.copyFrom !== undefined) {
      spare.copyFrom(world);
      return spare;
    }
    return world.clone();
  }

  /** The kept state of `node`, at `depth`, rebuilt from its parent's unless it is kept already. */
  private at(node: PathNode | null, depth: number): Kept {
    if (node === null) return this.kept[0]!;
    const found = this.kept[depth];
    if (found !== undefined && found.state.node === node) return found;
    const parent = this.at(node.parent, depth - 1);
    // The world kept at this depth belongs to a path left behind: it is made into the copy.
    const world = this.copyOf(parent, found?.world ?? undefined);
    applyStep(world, node);
    const observation = world.observe();
    const p = parent.state;
    const memory = this.memorySteps.advance(p.memory, p.memoryText, p.ops, p.observation.next.mm, node.command, node.result, observation);
    const state: EntryState = {
      node,
      observation,
      ops: opIds(observation),
      hidden: advanceHidden(p.hidden, node.command, observation),
      memory: memory.next ?? p.memory,
      memoryText: memory.next === null ? p.memoryText : memory.text,
    };
    const kept: Kept = { state, world: parent.world === null ? null : asCloneable(world) };
    this.kept.length = depth;
    this.kept.push(kept);
    return kept;
  }
}

/** Ops in flight, ascending. */
export function opIds(o: Observation): number[] {
  return o.ops.map((op) => op[0]);
}

function asCloneable(w: World): CloneableWorld {
  if (!isCloneable(w)) throw new Error('explorer: a copy of the world cannot copy itself');
  return w;
}
