/**
 * Breadth-first enumeration of every command sequence over a `Scope` (the explorer,
 * after TLC's breadth-first model checking): level d holds the states first reached by d
 * commands; every new state is checked (`stateCheck.ts`), memoryIsMemory on every transition,
 * and a state seen before, up to id renaming (`canonical.ts`), is not expanded again. The first
 * breach found is on a shortest path, since all shorter paths were tried before it.
 *
 * A level's entries are expanded in order by `expander.ts`; this file keeps the frontier (paths
 * only, `path.ts`), the set of state keys, the counts, and decides when to stop.
 */
import type { WorldFactory } from '../../spec/index.js';
import type { Rule } from '../rules/rule.js';
import { Expander, type Discoveries } from './expander.js';
import type { MemoryOracle } from './memoryOracle.js';
import type { DepthProgress, ExploreLimits, ExploreOutcome } from './outcome.js';
import { pathSteps, type PathNode } from './path.js';
import type { Scope } from './scope.js';
import type { Breach } from './stateCheck.js';

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

type Stop = { readonly kind: 'states' | 'time' } | { readonly kind: 'breach'; readonly path: PathNode | null; readonly breaches: readonly Breach[] };

/** Explores `input.scope` breadth-first up to `input.limits.maxDepth`. */
export function explore(input: ExploreInput): ExploreOutcome {
  return new Search(input).run();
}

class Search implements Discoveries {
  private readonly seen = new Set<string>();
  private readonly newStates: number[] = [];
  private readonly started = performance.now();
  private readonly expander: Expander;
  /** The level being found. */
  private next: PathNode[] = [];
  private transitions = 0;
  private depthCompleted = 0;
  private exhausted = false;
  private stop: Stop | null = null;

  constructor(private readonly input: ExploreInput) {
    this.expander = new Expander(input);
  }

  run(): ExploreOutcome {
    const initial = this.expander.initial();
    this.seen.add(initial.key);
    if (initial.breaches.length > 0) this.stop = { kind: 'breach', path: null, breaches: initial.breaches };
    let frontier: readonly (PathNode | null)[] = [null];
    this.finishDepth(0, 1);
    const maxDepth = this.input.limits.maxDepth;
    for (let depth = 0; depth < maxDepth && this.stop === null; depth++) {
      this.next = [];
      this.expander.expand(frontier, this);
      if (this.stop !== null) break;
      this.finishDepth(depth + 1, this.next.length);
      frontier = this.next;
      if (frontier.length === 0) {
        this.exhausted = true;
        this.depthCompleted = maxDepth;
        break;
      }
    }
    return this.outcome();
  }

  beforeTransition(): boolean {
    if ((++this.transitions & 63) === 0) this.checkTime();
    return this.stop !== null;
  }

  memoryBreach(node: PathNode, breaches: readonly Breach[]): void {
    this.stop = { kind: 'breach', path: node, breaches };
  }

  isNew(key: string): boolean {
    const known = this.seen.size;
    return this.seen.add(key).size > known;
  }

  newState(node: PathNode, breaches: readonly Breach[]): boolean {
    if (breaches.length > 0) this.stop = { kind: 'breach', path: node, breaches };
    this.next.push(node);
    const max = this.input.limits.maxStates;
    if (this.stop === null && max !== undefined && this.seen.size >= max) this.stop = { kind: 'states' };
    return this.stop !== null;
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
