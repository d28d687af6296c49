/**
 * What the runner needs from the model, the implementation and the rules, as narrow
 * interfaces: the runner depends on these shapes, not on `model/` or `impl/` internals.
 * `defaultParts.ts` fills them with the real model, implementation and rules.
 */
import type { Command, Observation, Result, World, WorldConfig } from '../../spec/index.js';
import type { Rule } from '../rules/rule.js';

/** `{reached, total, missing}` for states or transitions of the statecharts (SPEC §5). */
export interface CoverageCount {
  readonly reached: number;
  readonly total: number;
  /** Names never reached, e.g. `fence.pending -> failed`. */
  readonly missing: readonly string[];
}

/** Statechart coverage so far. */
export interface CoverageSummary {
  readonly states: CoverageCount;
  readonly transitions: CoverageCount;
}

/** A coverage record shared by every run's model world. */
export interface CoverageSource {
  /** The summary so far. */
  summary(): CoverageSummary;
}

/** The `memoryIsMemory` rule of SPEC §6: checked by the runner from the command history. */
export interface MemoryCheck {
  /** One message per breach after `command` gave `result`; `observation` is the state after it. */
  after(command: Command, result: Result, observation: Observation): readonly string[];
}

/** What one run is made of: a fresh model and implementation, and a fresh history check. */
export interface ConformanceParts {
  /** A fresh reference world; it records statechart coverage into `coverage` when given. */
  readonly model: (config: WorldConfig) => World;
  /** A fresh implementation world. */
  readonly impl: (config: WorldConfig) => World;
  /** The rules of SPEC §6 that are predicates over one observation. */
  readonly rules: readonly Rule[];
  /** A fresh `memoryIsMemory` check per run (absent: not checked). */
  readonly memory?: () => MemoryCheck;
  /** Coverage shared by all runs (absent: reported as 0 of 0). */
  readonly coverage?: CoverageSource;
  /** The mutant the implementation was built with (`hmm-check run --mutant NAME`), if any. */
  readonly mutant?: string;
}
