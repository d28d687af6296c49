/**
 * A shrunk counterexample as an artefact (STYLE §10): the readable program, the SPEC §8 trace,
 * and the seed, path and replay path with the exact command that replays it.
 */
import { formatResult, type WorldConfig } from '../../spec/index.js';
import type { RunBudget } from './config.js';
import type { ConformanceFailure, FailureDetails } from './failure.js';
import type { PropertyArgs } from './property.js';
import type { CounterexampleReport } from './report.js';
import { formatProgram, transcriptTrace } from './transcript.js';

/** What fast-check handed back about the shrunk failure. */
export interface CounterexampleSource {
  readonly failure: ConformanceFailure;
  readonly config: WorldConfig;
  readonly budget: RunBudget;
  readonly seed: number;
  readonly path: string;
  readonly args: PropertyArgs | null;
  /** The mutant the implementation was built with, repeated in the replay command. */
  readonly mutant?: string;
  /** Other flags the replay command repeats (`--impl '...'`). */
  readonly flags?: string;
  readonly shrinks: number;
  /** The ddmin pass that turned the shrunk run into `failure`. */
  readonly minimization: CounterexampleReport['minimization'];
  /** For a guided run: the 1-based guided run that failed (the replay reruns the guided runs up to it). */
  readonly guidedRun?: number;
}

/** fast-check prints a command sequence as `calls /*replayPath="..."*\/`; this takes the path out. */
export function replayPathOf(commands: unknown): string | null {
  const text = commands === null || commands === undefined ? '' : String(commands);
  const m = /\/\*replayPath="([^"]*)"\*\/\s*$/.exec(text);
  return m ? m[1]! : null;
}

/** A word for a POSIX shell, single-quoted: `'node adapter.mjs'`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The `hmm-check run` command line that replays the counterexample through fast-check. */
export function replayCommand(budget: RunBudget, seed: number, path: string, replayPath: string | null, mutant?: string, flags?: string): string {
  const parts = ['hmm-check run', ...(mutant === undefined ? [] : [`--mutant ${mutant}`]), ...(flags === undefined ? [] : [flags]), `--seed ${seed}`, `--steps ${budget.steps}`];
  if (budget.swarm) parts.push('--swarm');
  parts.push(`--path '${path}'`);
  if (replayPath !== null) parts.push(`--replay-path '${replayPath}'`);
  return parts.join(' ');
}

/** The `hmm-check run --guided` command line that reruns the guided runs up to the failing one. */
export function guidedReplayCommand(budget: RunBudget, seed: number, guidedRun: number, mutant?: string, flags?: string): string {
  const parts = ['hmm-check run', ...(mutant === undefined ? [] : [`--mutant ${mutant}`]), ...(flags === undefined ? [] : [flags]), '--guided', `--seed ${seed}`, `--runs ${guidedRun}`, `--steps ${budget.steps}`];
  return parts.join(' ');
}

/** What the failing line of the program says. */
export function failingMark(f: FailureDetails): string {
  switch (f.kind) {
    case 'result':
      return `impl ${f.implResult === undefined ? '?' : formatResult(f.implResult)}`;
    case 'observation':
      return 'observations differ';
    case 'rule':
      return `rule ${f.rule ?? '?'} broke${f.side === 'impl' ? ' (impl)' : ''}`;
    case 'crash':
      return f.stderr !== undefined ? 'impl crashed' : `${f.side ?? 'a world'} threw`;
    case 'drainable':
      return 'drain ends here: not drained';
  }
}

/** Builds the report of a minimized counterexample from the failure's transcript. */
export function counterexampleReport(s: CounterexampleSource): CounterexampleReport {
  const { details, transcript } = s.failure;
  const guided = s.guidedRun !== undefined;
  const replayPath = s.args === null ? null : replayPathOf(s.args[1]);
  const leftOut = s.args === null || s.args[0].length === 0 ? [] : [`swarm: left out ${s.args[0].join(', ')}`];
  const m = s.minimization;
  const origin = guided ? `seed ${s.seed}, guided run ${s.guidedRun}` : `seed ${s.seed}, path ${s.path}`;
  const notes = [
    `counterexample: ${details.message}`, origin, ...leftOut,
    `minimized by ddmin from ${m.fromLength} to ${m.toLength} commands${m.oneMinimal ? ' (1-minimal)' : ''}; this trace replays the minimized program`,
  ];
  const replay = guided ? guidedReplayCommand(s.budget, s.seed, s.guidedRun!, s.mutant, s.flags) : replayCommand(s.budget, s.seed, s.path, replayPath, s.mutant, s.flags);
  return {
    failure: details,
    program: formatProgram(transcript, details.at === undefined ? undefined : details.at - 1, failingMark(details)),
    trace: transcriptTrace(s.config, transcript, notes),
    generation: guided ? 'guided' : 'random',
    seed: s.seed,
    path: guided ? '' : s.path,
    replayPath: guided ? null : replayPath,
    ...(guided ? { guidedRun: s.guidedRun! } : {}),
    replay,
    shrinks: s.shrinks,
    minimization: m,
  };
}
