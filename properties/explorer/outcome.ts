/**
 * What an exploration ends with (the honest verdicts, after Porcupine's Ok / Illegal /
 * Unknown and TLC's reports):
 * - `exhausted`: a level found no new state: every state of the scope is reached and checked;
 * - `bounded`: every state within `depthCompleted` commands is checked and none broke a rule;
 *   more lie beyond ("no counterexample within depth N", never a bare pass);
 * - `counterexample`: a shortest command sequence that breaks something;
 * - `incomplete`: the time cap, the state cap or the fingerprint table's size stopped it
 *   before the depth bound; `depthCompleted` says how far it did get.
 */
import type { Command, Result } from '../../spec/index.js';

/** Bounds of one run, outside the scope. */
export interface ExploreLimits {
  /** Explore command sequences up to this length. */
  readonly maxDepth: number;
  /** Stop, incomplete, once a completed level leaves more than this many distinct states. */
  readonly maxStates?: number;
  /** Stop, incomplete, after this many milliseconds. */
  readonly timeLimitMs?: number;
}

export type Verdict = 'exhausted' | 'bounded' | 'counterexample' | 'incomplete';

/** Why a search was incomplete. */
export type IncompleteReason = 'time' | 'states' | 'table';

/** One command of a counterexample and the result the first world gave. */
export interface PathStep {
  readonly command: Command;
  readonly result: Result;
}

/** A shortest counterexample: the commands, and what broke after the last. */
export interface Counterexample {
  readonly steps: readonly PathStep[];
  /** `results`, `observation`, `crash`, `memoryIsMemory`, a rule id, `ptStructure`. */
  readonly rule: string;
  readonly message: string;
}

/** Figures of a run. */
export interface ExploreStats {
  /** Distinct states found (up to renaming ids), the initial one included. */
  readonly states: number;
  /** Every state reachable in this many commands has been found and checked. */
  readonly depthCompleted: number;
  /** New states per depth: `newStates[d]` were first found d commands from the start. */
  readonly newStates: readonly number[];
  /** Commands tried (transitions), no-ops included; commands asleep (partial-order reduction) not. */
  readonly transitions: number;
  /** Commands that left the state as it was. */
  readonly noops: number;
  /** Commands not tried because they were asleep (partial-order reduction). */
  readonly asleep: number;
  readonly elapsedMs: number;
  readonly statesPerSecond: number;
  readonly workers: number;
  /** TLC's optimistic estimate of the chance that two distinct states shared a fingerprint. */
  readonly fingerprintCollisionProbability: number;
  /** No state lies further than `depthCompleted` from the start. */
  readonly exhausted: boolean;
  /**
   * Context-bounded search: the length of the shortest complete schedule (every thread done,
   * nothing in flight), so every schedule explored to its end is at least this long.
   */
  readonly shortestSchedule?: number;
}

export type ExploreOutcome =
  | { readonly verdict: 'exhausted' | 'bounded'; readonly stats: ExploreStats }
  | { readonly verdict: 'counterexample'; readonly stats: ExploreStats; readonly counterexample: Counterexample }
  | { readonly verdict: 'incomplete'; readonly stats: ExploreStats; readonly reason: IncompleteReason };

/** Reported after each level, and about once a second within one (progress on stderr). */
export interface DepthProgress {
  /** The depth completed, or being explored when `partial`. */
  readonly depth: number;
  /** True while the depth is still being explored. */
  readonly partial?: boolean;
  readonly newStates: number;
  readonly states: number;
  readonly transitions: number;
  readonly elapsedMs: number;
  /** States waiting to be expanded (the queue). */
  readonly queue: number;
}

/**
 * TLC's estimate (its "calculated (optimistic)" figure): with `n` distinct fingerprints among
 * `m` fingerprints computed, each of the m − n repeat lookups had at most n / 2^64 chance of
 * matching a different state, so the chance of any collision is about n × (m − n) / 2^64.
 */
export function collisionProbability(distinct: number, computed: number): number {
  return (distinct * Math.max(0, computed - distinct)) / 2 ** 64;
}
