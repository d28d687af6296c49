/**
 * `hmm-check check` (what `npm start` runs): the project's main job. First the random
 * lockstep check with its default budget (`hmm-check run`, its own code: whatever its default
 * budget becomes, this runs it); then exhaustive exploration (`hmm-check explore`): every
 * schedule of the races scope with at most one preemption (a few seconds: the races that need
 * long schedules), and the default scope breadth-first on every core in the time left of the
 * job's budget. Prints each report and a last line with the verdicts; exits with the worst
 * (counterexample, then bad usage or internal error, then incomplete, then pass).
 */
import { join } from 'node:path';
import { UsageError, parseArgs } from './args.js';
import { DEFAULT_DEPTH, runExplore } from './explore.js';
import { runRun } from './run.js';
import { EXIT_COUNTEREXAMPLE, EXIT_INCOMPLETE, EXIT_PASS, EXIT_USAGE, type Subcommand } from './subcommand.js';

/** The main job's budget: every check within two minutes on a 2-core machine. */
export const CHECK_BUDGET_SECONDS = 115;
/**
 * The preemption bound of the main job's context-bounded search: one preemption finds every
 * race mutant of impl/mutants in the races scope in a few seconds; `explore --context-bound 2`
 * (about four times as many schedules) is for longer campaigns.
 */
export const CHECK_PREEMPTIONS = 1;
/** The exploration gets at least this long, whatever the random check took. */
const MIN_EXPLORE_SECONDS = 10;

const FLAGS = {
  workers: { kind: 'integer', min: 1, max: 256 },
  depth: { kind: 'integer', min: 0, max: 10_000 },
  budget: { kind: 'number', min: 1, max: 1e7 },
  out: { kind: 'string' },
} as const;

/** The two halves, replaceable in tests. */
export interface CheckDeps {
  readonly run: (argv: readonly string[]) => Promise<number>;
  readonly explore: (argv: readonly string[]) => Promise<number>;
  readonly stdout: (text: string) => void;
  readonly now: () => number;
}

const DEFAULT_DEPS: CheckDeps = {
  run: (argv) => runRun(argv),
  explore: (argv) => runExplore(argv),
  stdout: (text) => void process.stdout.write(text),
  now: () => performance.now(),
};

const VERDICT: Readonly<Record<number, string>> = { [EXIT_PASS]: 'pass', [EXIT_COUNTEREXAMPLE]: 'counterexample', [EXIT_INCOMPLETE]: 'incomplete' };

/** The worse of two exit codes: a counterexample, then bad usage or an internal error, then incomplete, then pass. */
export function worse(a: number, b: number): number {
  const rank = (c: number): number => (c === EXIT_PASS ? 0 : c === EXIT_INCOMPLETE ? 1 : c === EXIT_COUNTEREXAMPLE ? 3 : 2);
  return rank(a) >= rank(b) ? a : b;
}

/** The body of `hmm-check check`; resolves to the exit code. */
export async function runCheck(argv: readonly string[], deps: CheckDeps = DEFAULT_DEPS): Promise<number> {
  const { flags } = parseArgs(argv, FLAGS);
  const started = deps.now();
  const budget = (flags['budget'] as number | undefined) ?? CHECK_BUDGET_SECONDS;
  const out = flags['out'] as string | undefined;
  const ran = await deps.run(out === undefined ? [] : ['--out', join(out, 'run')]);
  if (ran === EXIT_USAGE) throw new UsageError('the random check refused its own defaults');
  deps.stdout('\n');
  const bounded = await deps.explore(['--context-bound', String(CHECK_PREEMPTIONS), ...(out === undefined ? [] : ['--out', join(out, 'races')])]);
  deps.stdout('\n');
  const left = Math.max(MIN_EXPLORE_SECONDS, budget - (deps.now() - started) / 1000);
  const exploreArgs = ['--depth', String((flags['depth'] as number | undefined) ?? DEFAULT_DEPTH), '--time-limit', left.toFixed(1)];
  if (flags['workers'] !== undefined) exploreArgs.push('--workers', String(flags['workers']));
  if (out !== undefined) exploreArgs.push('--out', join(out, 'explore'));
  const explored = await deps.explore(exploreArgs);
  const code = worse(ran, worse(bounded, explored));
  const seconds = ((deps.now() - started) / 1000).toFixed(1);
  deps.stdout(`\ncheck: random lockstep check ${VERDICT[ran] ?? `exit ${ran}`}; races, at most ${CHECK_PREEMPTIONS} preemption${CHECK_PREEMPTIONS === 1 ? '' : 's'}: ${exploreVerdict(bounded)}; exploration of the default scope: ${exploreVerdict(explored)}; ${seconds} s in all\n`);
  return code;
}

function exploreVerdict(code: number): string {
  if (code === EXIT_PASS) return 'no counterexample (its verdict above says how far)';
  return VERDICT[code] ?? `exit ${code}`;
}

const HELP = `usage: hmm-check check [--workers N] [--depth N] [--budget S] [--out DIR]

The main job (npm start): the random lockstep check with its default budget (hmm-check run),
then exhaustive exploration in lockstep (hmm-check explore): every schedule of the races scope
with at most ${CHECK_PREEMPTIONS} preemption${CHECK_PREEMPTIONS === 1 ? '' : 's'}, and the default scope breadth-first on every core in the
time left of the budget. Prints each report and the verdicts; exits with the worst.

  --workers N   exploration threads (default: the machine's cores)
  --depth N     exploration depth bound (default ${DEFAULT_DEPTH})
  --budget S    seconds for both (default ${CHECK_BUDGET_SECONDS}); the exploration gets what the random check left
  --out DIR     counterexamples under DIR/run, DIR/races and DIR/explore

exit: 0 no counterexample (explorations exhausted or bounded), 1 a counterexample, 2 bad usage, 3 incomplete`;

/** `hmm-check check`. */
export const checkCommand: Subcommand = {
  name: 'check',
  summary: 'the main job (npm start): the random lockstep check, then exhaustive exploration in lockstep',
  help: HELP,
  run: (argv) => runCheck(argv),
};
