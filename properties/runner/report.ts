/**
 * The conformance report: what `hmm-check run --json` prints (one JSON object) and what the
 * human summary is made from. This type is the documented shape of that object.
 */
import type { FailureDetails } from './failure.js';
import type { CoverageSummary, ImplementationInfo, SkippedCheck } from './ports.js';

/** `pass`: no disagreement within the budget · `counterexample`: one was found (exit 1) · `incomplete`: `--time-limit` (exit 3) or Ctrl-C (exit 130, `interrupted`) cut the run short. */
export type Verdict = 'pass' | 'counterexample' | 'incomplete';

/** A shrunk counterexample with everything needed to read and replay it. */
export interface CounterexampleReport {
  /** What broke: kind, message, rule and entities, both results, observation diff. */
  readonly failure: FailureDetails;
  /** The shrunk run as a program, one call per line with the model's result. */
  readonly program: readonly string[];
  /** The SPEC §8 trace (NDJSON) of the shrunk run, `expect` = the model's results. */
  readonly trace: string;
  /** fast-check's seed, path and replay path of the shrunk counterexample. */
  readonly seed: number;
  readonly path: string;
  readonly replayPath: string | null;
  /** The exact command line that replays it through fast-check. */
  readonly replay: string;
  /** Where the trace was written (`--out`), absent otherwise. */
  readonly tracePath?: string;
  /** Shrinks fast-check performed. */
  readonly shrinks: number;
}

/** The JSON object of `hmm-check run --json`. */
export interface ConformanceReport {
  readonly verdict: Verdict;
  readonly seed: number;
  /** The mutant of the implementation checked (`--mutant NAME`); absent for the implementation itself. */
  readonly mutant?: string;
  /** The campaign's budget; with `shard`, this run did only its slice of `runs`. */
  readonly budget: { readonly runs: number; readonly steps: number; readonly swarm: boolean; readonly timeLimitSeconds: number | null };
  /** Present with `--shard i/n`: which slice of the campaign this report covers (properties/runner/shard.ts). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Property runs performed before the verdict (shrinking not included). */
  readonly runs: number;
  /** Commands applied in lockstep, drains and shrinking included. */
  readonly commands: number;
  readonly commandsPerSecond: number;
  readonly elapsedSeconds: number;
  /** Statechart coverage over all runs: `{reached, total, missing}` for states and transitions. */
  readonly coverage: CoverageSummary;
  /** The implementation's process (`--impl`): its command and what its hello answer declared. */
  readonly implementation?: ImplementationInfo;
  /** Checks left out because the implementation does not report what they read (`--impl`). */
  readonly skippedRules?: readonly SkippedCheck[];
  /** Present (true) when Ctrl-C stopped the check: the figures are those of what ran (exit 130). */
  readonly interrupted?: true;
  /** Present iff `verdict` is `counterexample`. */
  readonly counterexample?: CounterexampleReport;
}
