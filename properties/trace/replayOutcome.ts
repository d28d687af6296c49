/**
 * What replaying a trace (SPEC §8) gives: a pass with the final observation, or the first
 * failing line with what broke there. A failure is a value the CLI, the runner and the HTML
 * report read; nothing here is thrown.
 */
import type { Command, Observation, Result, World } from '../../spec/index.js';
import type { RuleBreach } from '../rules/index.js';

/** A world to replay on, named for reports (`model`, `impl`). */
export interface NamedWorld {
  readonly name: string;
  readonly world: World;
}

/** Replay options. */
export interface ReplayOptions {
  /** Keep `{line, command, result, observation}` of every step (first world's). Default false. */
  readonly record?: boolean;
}

/** One world's result for a line. */
export interface WorldResult {
  readonly world: string;
  readonly result: Result;
}

/** Why a line failed. */
export type ReplayFailure =
  /** A world's result differs from the line's `expect`. */
  | { readonly kind: 'expect'; readonly world: string; readonly expected: Result; readonly actual: Result }
  /** The worlds gave different results. */
  | { readonly kind: 'result-mismatch'; readonly results: readonly WorldResult[] }
  /** Two worlds' observations differ; `diff` lists the first differing paths. */
  | { readonly kind: 'observation-mismatch'; readonly worlds: readonly [string, string]; readonly diff: readonly string[] }
  /** A rule broke on a world: `rule` is the first broken, `breaches` all of them. */
  | { readonly kind: 'rule'; readonly world: string; readonly rule: string; readonly breaches: readonly RuleBreach[] }
  /** A world threw (its own invariant broke): a bug in that world, reported at the line. */
  | { readonly kind: 'exception'; readonly world: string; readonly message: string };

/** One replayed step, kept when `record` is set. */
export interface ReplayRecord {
  readonly line: number;
  readonly command: Command;
  readonly result: Result;
  readonly observation: Observation;
}

/** Every line passed. `steps`: commands applied. */
export interface ReplayPass {
  readonly verdict: 'pass';
  readonly steps: number;
  readonly finalObservation: Observation;
  readonly records?: readonly ReplayRecord[];
}

/** The first failing line. `steps` counts commands applied, the failing one included. */
export interface ReplayFail {
  readonly verdict: 'fail';
  readonly line: number;
  readonly command: Command;
  readonly reason: ReplayFailure;
  /** The results the worlds gave on the failing line (those that answered). */
  readonly results: readonly WorldResult[];
  /** The nearest note before the failing line, if any: what the trace says is happening. */
  readonly note?: string;
  readonly steps: number;
  /** The first world's observation after the failing line (the last one it gave, if it threw). */
  readonly finalObservation: Observation;
  readonly records?: readonly ReplayRecord[];
}

export type ReplayOutcome = ReplayPass | ReplayFail;
