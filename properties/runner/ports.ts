/**
 * What the runner needs from the model, the implementation and the rules, as narrow
 * interfaces: the runner depends on these shapes, not on `model/` or `impl/` internals.
 * `defaultParts.ts` fills them with the real model, implementation and rules.
 */
import type { Command, CommandName, Observation, ObservationPart, Result, World, WorldConfig } from '../../spec/index.js';
import type { CommandSystem } from '../commands/index.js';
import type { Rule } from '../rules/rule.js';
import type { TranscriptEntry } from './transcript.js';

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
  /** An independent copy of the history so far (to judge a result the other world gave). */
  clone?(): MemoryCheck;
}

/** One run's model and implementation driven together (the `Lockstep`, or a pipelined one). */
export interface LockstepRun extends CommandSystem {
  readonly transcript: readonly TranscriptEntry[];
  /** SPEC §6 `drainable`; throws `ConformanceFailure`. */
  drain(): void;
}

/** A check left out because the implementation does not report what it needs (docs/protocol.md). */
export interface SkippedCheck {
  /** A rule of SPEC §6, or `ptStructure`. */
  readonly rule: string;
  /** The observation parts it reads that were not declared, or `selfCheck`. */
  readonly needs: readonly string[];
}

/** An implementation behind the process protocol: what it said in its hello answer. */
export interface ImplementationInfo {
  /** The `--impl` command. */
  readonly command: string;
  readonly name: string;
  readonly observes: readonly ObservationPart[];
  readonly selfCheck: boolean;
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
  /**
   * Builds one run's lockstep system instead of `new Lockstep(model, impl, ...)` (a pipelined
   * one), given the run's generated commands and the kinds it leaves out.
   */
  readonly lockstep?: (config: WorldConfig, run: { readonly leftOut: readonly CommandName[]; readonly commands: Iterable<unknown> }) => LockstepRun;
  /** Checks the implementation cannot be held to, reported as `skippedRules`. */
  readonly skippedRules?: readonly SkippedCheck[];
  /** The implementation's process, when it is one (`--impl`). */
  readonly implementation?: ImplementationInfo;
  /** Flags that the replay commands of a counterexample repeat, e.g. `--impl './hmm-c'`. */
  readonly replayFlags?: string;
}
