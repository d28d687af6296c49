/**
 * The breadth-first levels: level d holds the states first found d commands from the initial
 * state, each as its parent's index in level d-1 and the code of the command that reached it
 * (`scopeCommands.ts`), in breadth-first order (parent, then command position), and its
 * fingerprint. Arrays live in SharedArrayBuffers so every worker reads the same paths.
 *
 * `Rebuilder` brings a worker's worlds to any state of a level: it keeps one state per depth
 * along the last path built, so consecutive states (children of one parent, parents of one
 * grandparent) cost one command each.
 */
import type { Command } from '../../spec/index.js';
import type { ScopeCommands } from './scopeCommands.js';
import type { System, SystemState } from './system.js';

/** One level's paths and fingerprints, shareable with workers. */
export interface LevelArrays {
  readonly parents: Int32Array;
  readonly codes: Int32Array;
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
}

/** Makes a level of `n` states in shared memory. */
export function newLevel(n: number): LevelArrays {
  const words = (): SharedArrayBuffer => new SharedArrayBuffer(Math.max(1, n) * 4);
  return { parents: new Int32Array(words()), codes: new Int32Array(words()), hi: new Uint32Array(words()), lo: new Uint32Array(words()) };
}

/** Commands from the initial state to state `index` of level `level`, as codes. */
export function pathCodes(levels: readonly LevelArrays[], level: number, index: number): number[] {
  const codes: number[] = [];
  for (let d = level, i = index; d > 0; d--) {
    codes.push(levels[d]!.codes[i]!);
    i = levels[d]!.parents[i]!;
  }
  return codes.reverse();
}

/** States of the levels, rebuilt from their paths in one worker. */
export class Rebuilder {
  private readonly kept: (SystemState | undefined)[] = [];
  private readonly keptIndex: number[] = [];

  constructor(
    private readonly system: System,
    private readonly commands: ScopeCommands,
    private readonly levels: readonly LevelArrays[],
    private readonly initial: SystemState,
  ) {}

  /** The state `index` of level `level`: the worker's to read, not to change (copy it first). */
  state(level: number, index: number): SystemState {
    if (level === 0) return this.initial;
    if (this.keptIndex[level] === index) return this.kept[level]!;
    const lv = this.levels[level]!;
    const parent = this.state(level - 1, lv.parents[index]!);
    const s = this.system.copy(parent, this.kept[level]);
    this.apply(s, this.commands.command(lv.codes[index]!));
    this.kept[level] = s;
    this.keptIndex[level] = index;
    for (let d = level + 1; d < this.keptIndex.length; d++) this.keptIndex[d] = -1;
    return s;
  }

  private apply(s: SystemState, command: Command): void {
    const { breach } = this.system.apply(s, command);
    // A path was checked when it was found; a breach on the way back means a world is not deterministic.
    if (breach !== null) throw new Error(`explorer: rebuilding a path broke ${breach.rule} (${breach.message}): the worlds are not deterministic`);
  }
}
