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
  /** The minimized run as a program, one call per line with the model's result. */
  readonly program: readonly string[];
  /** The SPEC §8 trace (NDJSON) of the minimized run, `expect` = the model's results: it replays the program itself. */
  readonly trace: string;
  /**
   * `random`: fast-check's generated sequences · `guided`: coverage-guided generation (`--guided`,
   * properties/guided) · `exhaustive`: the shortest found by `hmm-check explore` (properties/explorer).
   */
  readonly generation: 'random' | 'guided' | 'exhaustive';
  /** The seed; for a random run fast-check's path and replay path of the shrunk counterexample ('' and null for a guided one). */
  readonly seed: number;
  readonly path: string;
  readonly replayPath: string | null;
  /** For a guided run: the 1-based guided run that failed. */
  readonly guidedRun?: number;
  /**
   * The exact command line that reproduces this report: fast-check's `--path`/`--replay-path`
   * replay the shrunk run (or `--guided` reruns the guided runs up to the failing one), then the
   * same ddmin pass gives this program.
   */
  readonly replay: string;
  /** Where the trace was written (`--out`), absent otherwise. */
  readonly tracePath?: string;
  /** Where the HTML report was written (`--out`), absent otherwise. */
  readonly reportPath?: string;
  /** Shrinks fast-check performed (0 for a guided run). */
  readonly shrinks: number;
  /**
   * The delta-debugging pass after shrinking (properties/minimize): the program's length before
   * and after, candidate runs, and whether the result is 1-minimal (removing any one command or
   * step choice makes the failure go away; false only if the pass's budget ran out).
   */
  readonly minimization: { readonly fromLength: number; readonly toLength: number; readonly tests: number; readonly oneMinimal: boolean };
}

/** The JSON object of `hmm-check run --json`. */
export interface ConformanceReport {
  readonly verdict: Verdict;
  readonly seed: number;
  /** The mutant of the implementation checked (`--mutant NAME`); absent for the implementation itself. */
  readonly mutant?: string;
  /**
   * The campaign's budget: `runs` fast-check's random runs, `guidedRuns` coverage-guided runs
   * after them (properties/guided); with `shard`, this run did only its slice of `runs` (and the
   * guided runs only in the last shard).
   */
  readonly budget: {
    readonly runs: number; readonly steps: number; readonly swarm: boolean; readonly timeLimitSeconds: number | null; readonly guidedRuns: number;
  };
  /** Present with `--shard i/n`: which slice of the campaign this report covers (properties/runner/shard.ts). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Runs performed before the verdict, random and guided (shrinking and ddmin not included). */
  readonly runs: number;
  /** The guided share, when it ran: its runs, the distinct features of interleavings reached, the corpus kept. */
  readonly guided?: { readonly runs: number; readonly features: number; readonly corpus: number };
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
