/**
 * What an exploration ends with, in the manner of Porcupine's Ok / Illegal / Unknown:
 * `pass` (every state up to the depth bound found, no breach), `counterexample` (the shortest
 * command sequence that breaks a rule, by breadth-first construction), or `incomplete` (the
 * state or time cap stopped it first).
 */
import type { Command, Result } from '../../spec/index.js';
import type { Breach } from './stateCheck.js';

/** Bounds of one run, outside the scope: depth, and the caps that stop it cleanly. */
export interface ExploreLimits {
  /** Explore command sequences up to this length. */
  readonly maxDepth: number;
  /** Stop, incomplete, once this many distinct states are found. */
  readonly maxStates?: number;
  /** Stop, incomplete, after this many milliseconds. */
  readonly timeLimitMs?: number;
}

/** One command of a path and the result it gave. */
export interface PathStep {
  readonly command: Command;
  readonly result: Result;
}

/** A rule broken at the end of a path; no shorter path breaks one. */
export interface Counterexample {
  readonly steps: readonly PathStep[];
  readonly breaches: readonly Breach[];
}

/** Counts of a run. */
export interface ExploreStats {
  /** Distinct states found (up to id renaming), the initial one included. */
  readonly statesFound: number;
  /** Every state reachable in this many commands has been found and checked. */
  readonly depthCompleted: number;
  /** New states found at each depth: `newStates[d]` for paths of length d. */
  readonly newStates: readonly number[];
  /** Commands tried (transitions), duplicates included. */
  readonly transitions: number;
  readonly elapsedMs: number;
  readonly statesPerSecond: number;
  /** The frontier emptied: no state is further than `depthCompleted` from the start. */
  readonly exhausted: boolean;
}

export type ExploreOutcome =
  | { readonly verdict: 'pass'; readonly stats: ExploreStats }
  | { readonly verdict: 'counterexample'; readonly stats: ExploreStats; readonly counterexample: Counterexample }
  | { readonly verdict: 'incomplete'; readonly stats: ExploreStats; readonly reason: 'states' | 'time' };

/** Reported after each depth is completed (progress on stderr). */
export interface DepthProgress {
  readonly depth: number;
  readonly newStates: number;
  readonly statesFound: number;
  readonly transitions: number;
  readonly elapsedMs: number;
}
