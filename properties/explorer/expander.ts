/**
 * Expanding frontier entries (the heart of `explore.ts`): every command of the scope tried in
 * each entry's state, in a fixed order, memoryIsMemory fed on every transition, and each state
 * reached told to a `Discoveries` by its canonical key (`canonical.ts`); a new one is checked
 * (`stateCheck.ts`) and reported.
 *
 * A command that leaves the observation unchanged (refusals, reads of present ptes, EAGAIN;
 * checked, not assumed) leaves the world where it was, so the next command reuses it, and the
 * state is the entry's own, so no key is built. After a command that changed it, the next one
 * gets another world in the entry's state (`entryStates.ts`).
 */
import type { Command, Result, World, WorldConfig, WorldFactory } from '../../spec/index.js';
import type { Rule } from '../rules/rule.js';
import { canonicalKey } from './canonical.js';
import { ScopeCommands } from './enumerate.js';
import { EntryStates, type EntryState } from './entryStates.js';
import { advanceHidden } from './hiddenState.js';
import { parseMemorySnapshot, type MemoryOracle } from './memoryOracle.js';
import { MemorySteps } from './memorySteps.js';
import type { PathNode } from './path.js';
import { sameObservation } from './sameObservation.js';
import type { Scope } from './scope.js';
import { checkState, memoryBreaches, type Breach } from './stateCheck.js';

/** What an expander needs: the scope, where worlds come from, and the checks. */
export interface ExpanderInput {
  readonly scope: Scope;
  readonly factory: WorldFactory;
  /** The observation rules checked in every new state (`RULES`). */
  readonly rules: readonly Rule[];
  /** A fresh memoryIsMemory tracker. */
  readonly memory: () => MemoryOracle;
}

/** Where an expander reports what it finds; it decides what is new and when to stop. */
export interface Discoveries {
  /** Called before each transition; true stops the expansion (a cap reached). */
  beforeTransition(): boolean;
  /** A transition broke memoryIsMemory (its path is `node`): the expansion stops. */
  memoryBreach(node: PathNode, breaches: readonly Breach[]): void;
  /** Records `key`; true when it was not known (the state is then checked and `newState` told). */
  isNew(key: string): boolean;
  /** A new state, checked (`breaches` empty when sound); true stops the expansion. */
  newState(node: PathNode, breaches: readonly Breach[]): boolean;
}

/** Expands the entries of levels, in order. */
export class Expander {
  private readonly commands: ScopeCommands;
  private readonly states: EntryStates;
  private readonly memorySteps = new MemorySteps();
  private readonly rules: readonly Rule[];

  constructor(input: ExpanderInput) {
    const config: WorldConfig = { devices: input.scope.devices };
    this.commands = new ScopeCommands(input.scope);
    this.rules = input.rules;
    this.states = new EntryStates(input.factory, config, input.memory(), this.memorySteps);
  }

  /** The initial state's key and breaches. */
  initial(): { readonly key: string; readonly breaches: readonly Breach[] } {
    const s = this.states.initial;
    return { key: keyOf(s), breaches: checkState(this.rules, s.observation, this.states.initialWorld) };
  }

  /** Expands the entries of `level` in order, telling `found` everything; stops early when `found` says so. */
  expand(level: readonly (PathNode | null)[], found: Discoveries): void {
    for (const node of level) if (this.expandEntry(node, found)) return;
  }

  /** Tries every command in one entry's state; true when the expansion must stop. */
  private expandEntry(node: PathNode | null, found: Discoveries): boolean {
    const entry = this.states.enter(node);
    const commands = this.commands.inState(entry.ops);
    let world: World | null = null;
    let spare: World | undefined;
    for (const command of commands) {
      if (found.beforeTransition()) return true;
      world ??= this.states.copy(spare);
      const result = world.apply(command);
      const outcome = this.transition(entry, world, command, result, found);
      if (outcome === STOP) return true;
      if (outcome === CHANGED) {
        spare = world;
        world = null;
      }
    }
    return false;
  }

  /** One command from the entry's state, applied to `world` with `result`. */
  private transition(entry: EntryState, world: World, command: Command, result: Result, found: Discoveries): Outcome {
    const o = world.observe();
    const base = entry.observation;
    const mem = this.memorySteps.advance(entry.memory, entry.memoryText, entry.ops, base.next.mm, command, result, o);
    if (mem.breaches.length > 0) {
      found.memoryBreach({ parent: entry.node, command, result }, memoryBreaches(mem.breaches));
      return STOP;
    }
    const unchanged = sameObservation(o, base);
    const hidden = advanceHidden(entry.hidden, command, o);
    if (unchanged && mem.next === null && hidden === entry.hidden) return UNCHANGED;
    const key = canonicalKey(o, hidden, parseMemorySnapshot(mem.next === null ? entry.memoryText : mem.text));
    if (found.isNew(key)) {
      const breaches = checkState(this.rules, o, world);
      if (found.newState({ parent: entry.node, command, result }, breaches)) return STOP;
    }
    return unchanged ? UNCHANGED : CHANGED;
  }
}

type Outcome = 0 | 1 | 2;
const UNCHANGED: Outcome = 0;
const CHANGED: Outcome = 1;
const STOP: Outcome = 2;

function keyOf(s: EntryState): string {
  return canonicalKey(s.observation, s.hidden, parseMemorySnapshot(s.memoryText));
}
