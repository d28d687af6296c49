/**
 * Breadth-first enumeration of every command sequence over a `Scope` (the explorer,
 * after TLC's breadth-first model checking): level d holds the states first reached by d
 * commands; every new state is checked (`stateCheck.ts`), memoryIsMemory on every transition,
 * and a state seen before, up to id renaming (`canonical.ts`), is not expanded again. The first
 * breach found is on a shortest path, since all shorter paths were tried before it.
 *
 * Worlds are mutable and offer no copy (SPEC `World`), so a state is restored by replaying its
 * path on a fresh world (paths are at most `maxDepth` long). A command that leaves the
 * observation unchanged (refusals, reads of present ptes, EAGAIN; checked, not assumed) leaves
 * the world where it was, so the next command reuses it without a replay, and the state is
 * the entry's own, so no key is built.
 */
import type { Command, Observation, Result, World, WorldConfig, WorldFactory } from '../../spec/index.js';
import type { Rule } from '../rules/rule.js';
import { canonicalKey } from './canonical.js';
import { fixedCommands, stepCommands } from './enumerate.js';
import { advanceHidden, NO_HIDDEN_STATE, type HiddenState } from './hiddenState.js';
import { parseMemorySnapshot, type MemoryOracle } from './memoryOracle.js';
import type { DepthProgress, ExploreLimits, ExploreOutcome } from './outcome.js';
import { pathSteps, replayPath, type PathNode } from './path.js';
import { sameObservation } from './sameObservation.js';
import type { Scope } from './scope.js';
import { checkState, memoryBreaches, type Breach } from './stateCheck.js';

/** Everything one exploration needs. */
export interface ExploreInput {
  readonly scope: Scope;
  readonly factory: WorldFactory;
  /** The observation rules checked in every new state (`RULES`). */
  readonly rules: readonly Rule[];
  /** A fresh memoryIsMemory tracker. */
  readonly memory: () => MemoryOracle;
  readonly limits: ExploreLimits;
  readonly onDepth?: (progress: DepthProgress) => void;
}

/** A state waiting in the frontier: its path, and what expanding it needs. */
interface Entry {
  readonly path: PathNode | null;
  /** Ops in flight (SPEC §7 `ops` ids): what `step` can name. */
  readonly ops: readonly number[];
  readonly hidden: HiddenState;
  readonly memory: MemoryOracle;
  /** `memory.snapshot()`. */
  readonly memoryText: string;
}

/** The memoryIsMemory tracker after a transition, and what it said. */
interface MemoryStep {
  readonly memory: MemoryOracle;
  readonly text: string;
  readonly breaches: readonly string[];
}

/**
 * Commands after which `MemoryIsMemory.after` may change its state or report (its header):
 * writes, munmap, fork and exit record; reads are checked; steps end ops. After any other
 * command it changes nothing unless an op ended or an mm appeared, which `advanceMemory` checks.
 */
const MEMORY_COMMANDS: ReadonlySet<string> = new Set(['read', 'devRead', 'write', 'devWrite', 'munmap', 'fork', 'exit', 'step', 'finish']);

type Stop = { readonly kind: 'states' | 'time' } | { readonly kind: 'breach'; readonly path: PathNode | null; readonly breaches: readonly Breach[] };

/** Explores `input.scope` breadth-first up to `input.limits.maxDepth`. */
export function explore(input: ExploreInput): ExploreOutcome {
  return new Search(input).run();
}

class Search {
  private readonly seen = new Set<string>();
  private readonly newStates: number[] = [];
  private readonly config: WorldConfig;
  private readonly fixed: readonly Command[];
  private readonly started = performance.now();
  private transitions = 0;
  private depthCompleted = 0;
  private exhausted = false;
  private stop: Stop | null = null;

  constructor(private readonly input: ExploreInput) {
    this.config = { devices: input.scope.devices };
    this.fixed = fixedCommands(input.scope);
  }

  run(): ExploreOutcome {
    let frontier = [this.initial()];
    this.finishDepth(0, 1);
    for (let depth = 0; depth < this.input.limits.maxDepth && this.stop === null; depth++) {
      const next: Entry[] = [];
      for (const entry of frontier) {
        this.expand(entry, next);
        if (this.stop !== null) break;
      }
      if (this.stop !== null) break;
      this.finishDepth(depth + 1, next.length);
      frontier = next;
      if (frontier.length === 0) {
        this.exhausted = true;
        this.depthCompleted = this.input.limits.maxDepth;
        break;
      }
    }
    return this.outcome();
  }

  /** The initial state: recorded, checked, and the first frontier. */
  private initial(): Entry {
    const world = this.input.factory(this.config);
    const o = world.observe();
    const memory = this.input.memory();
    const memoryText = memory.snapshot();
    const entry: Entry = { path: null, ops: opIds(o), hidden: NO_HIDDEN_STATE, memory, memoryText };
    this.seen.add(canonicalKey(o, entry.hidden, parseMemorySnapshot(memoryText)));
    const breaches = checkState(this.input.rules, o, world);
    if (breaches.length > 0) this.stop = { kind: 'breach', path: null, breaches };
    return entry;
  }

  /** Tries every command of the scope in the entry's state. */
  private expand(entry: Entry, next: Entry[]): void {
    const commands = entry.ops.length === 0 ? this.fixed : this.fixed.concat(stepCommands(this.input.scope, entry.ops));
    let world: World | null = replayPath(this.input.factory, this.config, entry.path);
    const base = world.observe();
    for (const command of commands) {
      world ??= replayPath(this.input.factory, this.config, entry.path);
      const changed = this.transition(entry, base, world, command, next);
      if (this.stop !== null) return;
      if (changed) world = null;
    }
  }

  /**
   * One command from the entry's state (observed as `base`): checks it and records a new state.
   * True when the world changed, so the next command needs a fresh replay.
   */
  private transition(entry: Entry, base: Observation, world: World, command: Command, next: Entry[]): boolean {
    if ((++this.transitions & 63) === 0) this.checkTime();
    const result = world.apply(command);
    const o = world.observe();
    const path: PathNode = { parent: entry.path, command, result };
    const mem = advanceMemory(entry, base, command, result, o);
    if (mem.breaches.length > 0) {
      this.stop = { kind: 'breach', path, breaches: memoryBreaches(mem.breaches) };
      return true;
    }
    const unchanged = sameObservation(o, base);
    const hidden = advanceHidden(entry.hidden, command, o);
    if (unchanged && mem.memory === entry.memory && hidden === entry.hidden) return false;
    const key = canonicalKey(o, hidden, parseMemorySnapshot(mem.text));
    if (!this.seen.has(key)) {
      this.seen.add(key);
      const breaches = checkState(this.input.rules, o, world);
      if (breaches.length > 0) this.stop = { kind: 'breach', path, breaches };
      next.push({ path, ops: opIds(o), hidden, memory: mem.memory, memoryText: mem.text });
      const max = this.input.limits.maxStates;
      if (this.stop === null && max !== undefined && this.seen.size >= max) this.stop = { kind: 'states' };
    }
    return !unchanged;
  }

  private checkTime(): void {
    const limit = this.input.limits.timeLimitMs;
    if (limit !== undefined && this.stop === null && performance.now() - this.started >= limit) this.stop = { kind: 'time' };
  }

  private finishDepth(depth: number, found: number): void {
    this.newStates[depth] = found;
    this.depthCompleted = depth;
    this.input.onDepth?.({ depth, newStates: found, statesFound: this.seen.size, transitions: this.transitions, elapsedMs: this.elapsed() });
  }

  private elapsed(): number {
    return performance.now() - this.started;
  }

  private outcome(): ExploreOutcome {
    const elapsedMs = this.elapsed();
    const stats = {
      statesFound: this.seen.size,
      depthCompleted: this.depthCompleted,
      newStates: [...this.newStates],
      transitions: this.transitions,
      elapsedMs,
      statesPerSecond: elapsedMs > 0 ? (this.seen.size / elapsedMs) * 1000 : 0,
      exhausted: this.exhausted,
    };
    const stop = this.stop;
    if (stop === null) return { verdict: 'pass', stats };
    if (stop.kind !== 'breach') return { verdict: 'incomplete', stats, reason: stop.kind };
    return { verdict: 'counterexample', stats, counterexample: { steps: pathSteps(stop.path), breaches: stop.breaches } };
  }
}

/** Feeds the tracker when the command can matter to it; otherwise keeps the entry's tracker. */
function advanceMemory(entry: Entry, base: Observation, command: Command, result: Result, o: Observation): MemoryStep {
  const quiet = !MEMORY_COMMANDS.has(command.cmd) && o.next.mm === base.next.mm && sameIds(entry.ops, o);
  if (quiet) return { memory: entry.memory, text: entry.memoryText, breaches: [] };
  const memory = entry.memory.clone();
  const breaches = memory.after(command, result, o);
  const text = memory.snapshot();
  return text === entry.memoryText ? { memory: entry.memory, text, breaches } : { memory, text, breaches };
}

function sameIds(ops: readonly number[], o: Observation): boolean {
  if (ops.length !== o.ops.length) return false;
  for (let i = 0; i < ops.length; i++) if (ops[i] !== o.ops[i]![0]) return false;
  return true;
}

function opIds(o: Observation): number[] {
  return o.ops.map((op) => op[0]);
}
