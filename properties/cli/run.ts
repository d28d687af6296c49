/**
 * `hmm-check run` (also `npm start`): the conformance check of the implementation against the
 * model on generated command sequences (properties/runner). Exit 0 pass, 1 counterexample,
 * 2 bad usage or bad input, 3 incomplete (cut short by --time-limit).
 *
 * The model and the implementation are loaded with a dynamic import, so a broken `impl/` does
 * not break the other subcommands.
 */
import { DEFAULT_TIMEOUT_SECONDS } from '../protocol/processSession.js';
import { RULES } from '../rules/index.js';
import { DEFAULT_BUDGET, DEFAULT_GUIDED_RUNS, DEFAULT_WORLD, guidedRunsFor, type RunBudget } from '../runner/config.js';
import { ARTIFACT_WRITERS, REPORT_FILE, htmlReportArtifact, writeArtifacts } from '../runner/artifacts.js';
import type { ConformanceParts } from '../runner/ports.js';
import { progressPrinter, type ProgressSink } from '../runner/progressPrinter.js';
import type { ConformanceReport } from '../runner/report.js';
import { runConformance } from '../runner/runConformance.js';
import { parseShard, shardSlice, type Shard } from '../runner/shard.js';
import { formatSummary } from '../runner/summary.js';
import { UsageError, parseArgs, type FlagValues } from './args.js';
import { MAX_QUOTED, printable, quote } from '../trace/printable.js';
import { knownMutant } from './knownMutant.js';
import { onCtrlC } from './ctrlC.js';
import { makeDirectory } from './outDir.js';
import { EXIT_COUNTEREXAMPLE, EXIT_INCOMPLETE, EXIT_INTERRUPTED, EXIT_PASS, type Subcommand } from './subcommand.js';

const FLAGS = {
  seed: { kind: 'integer', min: -0x80000000, max: 0x7fffffff }, // fast-check's seed is a 32-bit signed integer
  runs: { kind: 'integer', min: 1, max: 1e9 },
  steps: { kind: 'integer', min: 1, max: 100_000 },
  swarm: { kind: 'boolean' },
  'time-limit': { kind: 'number', min: 0.001, max: 1e7 },
  json: { kind: 'boolean' },
  out: { kind: 'string' },
  path: { kind: 'string' },
  'replay-path': { kind: 'string' },
  mutant: { kind: 'string' },
  shard: { kind: 'string' },
  impl: { kind: 'string' },
  'impl-timeout': { kind: 'number', min: 0.001, max: 1e6 },
  guided: { kind: 'boolean' },
  'guided-runs': { kind: 'integer', min: 0, max: 1e9 },
  diff: { kind: 'string', oneOf: ['first', 'all'] },
} as const;

/** Each rule and the observation parts it reads, for --help. */
const RULE_READS = [
  ...RULES.map((r) => `                      ${r.id.padEnd(20)} ${r.reads.join(', ')}`),
  `                      ${'memoryIsMemory'.padEnd(20)} results only (always checked)`,
  `                      ${'ptStructure'.padEnd(20)} the implementation's check answers (selfCheck)`,
].join('\n');

const HELP = `usage: hmm-check run [--seed N] [--runs N] [--steps N] [--swarm] [--time-limit S] [--json] [--out DIR]
                     [--shard I/N] [--mutant NAME | --impl COMMAND [--impl-timeout S]]
                     [--guided] [--guided-runs N] [--diff all]

Runs the model and the implementation in lockstep on generated command sequences, comparing
results and observations and checking every rule of SPEC §6 after every command, then drains:
first fast-check's random runs, then coverage-guided runs (mutations of the sequences that
reached new interleavings). A failure is shrunk, minimized by ddmin (removing any one command
or step choice makes it go away) and printed as a program, a SPEC §8 trace and the command
that reproduces it.

  --seed N          fast-check seed, -2147483648..2147483647 (default ${DEFAULT_BUDGET.seed}: the default
                    run is reproducible)
  --runs N          random runs, each on fresh worlds (default ${DEFAULT_BUDGET.runs})
  --steps N         at most N generated commands per run (default ${DEFAULT_BUDGET.steps})
  --swarm           each run leaves out a random subset of command kinds
  --time-limit S    start no run after S seconds; verdict incomplete (exit 3) if cut short
  --json            print one JSON object (ConformanceReport) instead of the summary
  --out DIR         write a counterexample's trace (DIR/counterexample.ndjson) and its
                    HTML report (DIR/report.html); DIR is made before the run
  --path P          replay one case: fast-check's path (with --seed, from a report)
  --replay-path R   the shrunk command sequence's replay path (from a report)
  --shard I/N       run only slice I of N of the runs (1/N to N/N), for a CI matrix; join the
                    shards' --json reports with hmm-check merge
  --mutant NAME     check a mutant of the implementation instead (names: hmm-check mutants
                    --list, impl/mutants); shows what a counterexample looks like
  --impl COMMAND    check an implementation the checker did not ship with: COMMAND is run with
                    sh -c and spoken to over stdin/stdout (docs/protocol.md); its crash, hang or
                    invalid answer is a counterexample of kind crash. Rules reading observation
                    parts it does not report are skipped and listed. Rules and what they read:
${RULE_READS}
  --impl-timeout S  seconds to wait for each answer before the implementation counts as hung
                    (default ${DEFAULT_TIMEOUT_SECONDS})
  --guided          coverage-guided runs only: --runs N counts them (default ${DEFAULT_GUIDED_RUNS})
  --guided-runs N   guided runs after the random ones (default a quarter of the random runs,
                    ${DEFAULT_GUIDED_RUNS}; 0: none; with --impl, 0: they drive the process one
                    request at a time); with --shard, the last shard runs them
  --diff all        print every differing entry of the observations, not only the first

Ctrl-C stops the check after the run in progress and prints the summary of what ran
(verdict incomplete, "interrupted"; with --json, the report with "interrupted": true); exit 130.

exit: 0 pass, 1 counterexample, 2 bad usage or bad input, 3 incomplete, 130 interrupted (Ctrl-C)`;

/** The parts of a check of an implementation's process, and how to end its session. */
export interface ProcessCheck {
  readonly parts: ConformanceParts;
  close(): void;
}

/** What `runRun` needs from outside; tests pass fakes. */
export interface RunDeps {
  /** The parts, the implementation built with `mutant` when given; an unknown mutant is a UsageError. */
  readonly parts: (mutant?: string) => Promise<ConformanceParts>;
  /** The parts for `--impl COMMAND`; an implementation that does not start or refuses hello is a UsageError. */
  readonly processParts?: (command: string, timeoutSeconds: number) => Promise<ProcessCheck>;
  readonly stdout: (text: string) => void;
  readonly stderr: ProgressSink;
  /** Stops the check (as Ctrl-C does); without it, `runRun` listens for SIGINT itself. */
  readonly signal?: AbortSignal;
}

const DEFAULT_DEPS: RunDeps = {
  parts: async (mutant) => {
    if (mutant !== undefined) await knownMutant(mutant);
    return (await import('../runner/defaultParts.js')).defaultParts(mutant);
  },
  processParts: async (command, timeoutSeconds) => {
    const protocol = await import('../protocol/index.js');
    try {
      const session = protocol.openImplementation(command, timeoutSeconds, DEFAULT_WORLD);
      return { parts: protocol.processParts(session), close: () => session.close() };
    } catch (e) {
      if (e instanceof protocol.ProtocolStartError) throw new UsageError(e.message);
      throw e;
    }
  },
  stdout: (text) => void process.stdout.write(text),
  stderr: { isTTY: process.stderr.isTTY === true, write: (text) => void process.stderr.write(text) },
};

/** The budget the flags ask for; throws `UsageError` on a malformed path. */
export function budgetOf(flags: FlagValues): RunBudget {
  const path = flags['path'];
  if (typeof path === 'string' && !/^\d+(:\d+)*$/.test(path)) throw new UsageError(`flag '--path' must look like 12:0:3, not ${quote(path)}`);
  const replayPath = flags['replay-path'];
  if (typeof replayPath === 'string' && !isReplayPath(replayPath)) throw new UsageError(`flag '--replay-path' is not a fast-check replay path (COUNTS:CHANGES from a report): ${quote(replayPath)}`);
  if (replayPath !== undefined && path === undefined) throw new UsageError(`flag '--replay-path' needs '--path'`);
  const timeLimit = flags['time-limit'];
  const runs = flags['runs'] as number | undefined;
  const guided = flags['guided'] === true;
  if (guided && path !== undefined) throw new UsageError(`flag '--path' replays a random run: drop '--guided' (a guided run replays from --seed and --runs)`);
  if (guided && flags['guided-runs'] !== undefined) throw new UsageError(`flag '--guided' counts its runs with '--runs', not '--guided-runs'`);
  if (guided && flags['shard'] !== undefined) throw new UsageError(`flag '--shard' slices the random runs: drop '--guided'`);
  const random = runs ?? DEFAULT_BUDGET.runs;
  // Guided runs drive an --impl process one request at a time (no pipelining, no copies of its
  // state): with --impl they run only when asked for.
  const share = flags['impl'] !== undefined ? 0 : guidedRunsFor(random);
  const guidedRuns = guided ? (runs ?? DEFAULT_GUIDED_RUNS) : path !== undefined ? 0 : ((flags['guided-runs'] as number | undefined) ?? share);
  return {
    seed: (flags['seed'] as number | undefined) ?? DEFAULT_BUDGET.seed,
    runs: guided ? 0 : random,
    steps: (flags['steps'] as number | undefined) ?? DEFAULT_BUDGET.steps,
    swarm: flags['swarm'] === true,
    guidedRuns,
    ...(typeof timeLimit === 'number' ? { timeLimitSeconds: timeLimit } : {}),
  };
}

/** The shard `--shard` names, checked against the budget; undefined without the flag. */
function shardOf(flags: FlagValues): Shard | undefined {
  const text = flags['shard'];
  if (typeof text !== 'string') return undefined;
  if (flags['path'] !== undefined) throw new UsageError(`flag '--shard' replays nothing: a --path names one run already`);
  const shard = parseShard(text);
  if ('error' in shard) throw new UsageError(`flag '--shard' ${shard.error}`);
  const runs = budgetOf(flags).runs;
  if (shardSlice(runs, shard).runs === 0) throw new UsageError(`flag '--shard' ${text} names no run: ${runs} runs cut into ${shard.count} shards leave shard ${shard.index} empty`);
  return shard;
}

/**
 * fast-check's replay path of a shrunk sequence: `COUNTS:CHANGES` in base64 digits, one CHANGES
 * digit per six COUNTS digits (fast-check's ReplayPath.stringify); anything else makes fast-check throw.
 */
function isReplayPath(text: string): boolean {
  const m = /^([A-Za-z0-9+/]*):([A-Za-z0-9+/]*)$/.exec(text);
  return m !== null && m[2]!.length === Math.ceil(m[1]!.length / 6);
}

/** The body of `hmm-check run`; resolves to the exit code. Throws `UsageError` on bad flags. */
export async function runRun(argv: readonly string[], deps: RunDeps = DEFAULT_DEPS): Promise<number> {
  const { flags } = parseArgs(argv, FLAGS);
  const budget = budgetOf(flags);
  const shard = shardOf(flags);
  const impl = implFlags(flags);
  const out = flags['out'];
  // --out is made before the run: a folder that cannot be made is bad input, said at once.
  if (typeof out === 'string') await outDirectory(out);
  const check = impl === undefined ? undefined : await (deps.processParts ?? DEFAULT_DEPS.processParts!)(impl.command, impl.timeoutSeconds);
  try {
    return await checkWith(check?.parts ?? (await deps.parts(typeof flags['mutant'] === 'string' ? flags['mutant'] : undefined)), flags, budget, shard, deps);
  } finally {
    check?.close();
  }
}

/** `--impl` and `--impl-timeout`, checked against `--mutant`. */
export function implFlags(flags: FlagValues): { command: string; timeoutSeconds: number } | undefined {
  const command = flags['impl'];
  const timeout = flags['impl-timeout'];
  if (command === undefined) {
    if (timeout !== undefined) throw new UsageError(`flag '--impl-timeout' needs '--impl'`);
    return undefined;
  }
  if (flags['mutant'] !== undefined) throw new UsageError(`flags '--impl' and '--mutant' exclude each other (a mutant is one of the built-in implementation)`);
  if (typeof command !== 'string' || command.trim() === '') throw new UsageError(`flag '--impl' needs a command`);
  return { command, timeoutSeconds: typeof timeout === 'number' ? timeout : DEFAULT_TIMEOUT_SECONDS };
}

async function checkWith(parts: ConformanceParts, flags: FlagValues, budget: RunBudget, shard: Shard | undefined, deps: RunDeps): Promise<number> {
  const progress = progressPrinter(deps.stderr);
  const ctrlC = deps.signal === undefined ? onCtrlC() : undefined;
  let report: ConformanceReport;
  try {
    report = await runConformance({
      parts,
      budget,
      ...(typeof flags['path'] === 'string' ? { path: flags['path'] } : {}),
      ...(typeof flags['replay-path'] === 'string' ? { replayPath: flags['replay-path'] } : {}),
      ...(shard === undefined ? {} : { shard }),
      onProgress: progress.onProgress,
      signal: deps.signal ?? ctrlC!.signal,
    });
  } finally {
    ctrlC?.dispose();
    progress.done();
  }
  if (typeof flags['path'] === 'string' && report.runs === 0 && report.verdict === 'pass') {
    throw new UsageError(`flag '--path' names no run: ${quote(flags['path'])} (copy --seed, --path and --replay-path from one report)`);
  }
  const out = flags['out'];
  const final = typeof out === 'string' ? await withArtifacts(out, report, parts) : report;
  deps.stdout(flags['json'] === true ? `${JSON.stringify(final)}\n` : formatSummary(final, { diff: flags['diff'] === 'all' ? 'all' : 'first' }));
  if (final.interrupted === true) return EXIT_INTERRUPTED;
  return final.verdict === 'pass' ? EXIT_PASS : final.verdict === 'counterexample' ? EXIT_COUNTEREXAMPLE : EXIT_INCOMPLETE;
}

/** Makes the `--out` folder; one that cannot be made is bad input. */
async function outDirectory(dir: string): Promise<void> {
  try {
    await makeDirectory(dir);
  } catch (e) {
    throw new UsageError(`cannot write to --out ${quote(dir)} (${reasonOf(e)})`);
  }
}

function reasonOf(e: unknown): string {
  return printable(e instanceof Error && 'code' in e ? String(e.code) : e instanceof Error ? e.message : String(e), MAX_QUOTED);
}

/** Writes the artefacts under `dir`; a directory that cannot be written is bad input. */
async function withArtifacts(dir: string, report: ConformanceReport, parts: ConformanceParts): Promise<ConformanceReport> {
  let written: string[];
  try {
    written = await writeArtifacts(dir, report, [...ARTIFACT_WRITERS, htmlReportArtifact(parts)]);
  } catch (e) {
    throw new UsageError(`cannot write to --out ${quote(dir)} (${reasonOf(e)})`);
  }
  if (report.counterexample === undefined || written.length === 0) return report;
  const reportPath = written.find((p) => p.endsWith(REPORT_FILE));
  return { ...report, counterexample: { ...report.counterexample, tracePath: written[0]!, ...(reportPath === undefined ? {} : { reportPath }) } };
}

/** The `run` subcommand. */
export const run: Subcommand = {
  name: 'run',
  summary: 'check the implementation against the model on generated command sequences',
  help: HELP,
  run: (argv) => runRun(argv),
};
