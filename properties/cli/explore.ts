/**
 * `hmm-check explore`: exhaustive exploration of a scope (properties/explorer), the model and
 * the implementation in lockstep by default, every check of `hmm-check run` on every
 * transition and in every new state, on every core. Verdicts: exhausted or bounded (exit 0),
 * counterexample (1, the shortest, reported as `run` reports its own), incomplete (3, a cap
 * stopped it). `--context-bound K` runs the context-bounded search over a scope of threads.
 */
import { availableParallelism } from 'node:os';
import { counterexampleReport, writeCounterexample } from '../explorer/counterexample.js';
import type { ExploreOutcome } from '../explorer/outcome.js';
import { formatProgress, formatReport, reportJson, type ExploreHeader } from '../explorer/report.js';
import { describeScope, parseScope, ScopeError } from '../explorer/scope.js';
import { DEFAULT_SCOPE_FILE, RACES_SCOPE_FILE, readScopeFile } from '../explorer/scopeFile.js';
import { explore } from '../explorer/explore.js';
import { describeSystem, loadParts, SystemLoadError, type SystemSpec } from '../explorer/systemSpec.js';
import type { SystemParts } from '../explorer/system.js';
import { exploreThreads, threadScopeOf } from '../explorer/contextBound.js';
import { UsageError, parseArgs, type FlagSpec, type FlagValues } from './args.js';
import { EXIT_COUNTEREXAMPLE, EXIT_INCOMPLETE, EXIT_PASS, type Subcommand } from './subcommand.js';

/** Exit code when the worlds cannot be loaded: a bug, not bad input. */
const EXIT_INTERNAL = 70;
/** Default depth bound: the depth for the default scope. */
export const DEFAULT_DEPTH = 8;

/** What `runExplore` needs from outside; tests pass fakes. */
export interface ExploreDeps {
  readonly loadParts: (spec: SystemSpec) => Promise<SystemParts>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Default worker count (the machine's cores). */
  readonly cores: number;
}

const DEFAULT_DEPS: ExploreDeps = {
  loadParts,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cores: availableParallelism(),
};

export const EXPLORE_FLAGS: Readonly<Record<string, FlagSpec>> = {
  scope: { kind: 'string' },
  depth: { kind: 'integer', min: 0, max: 10_000 },
  workers: { kind: 'integer', min: 1, max: 256 },
  'rules-only': { kind: 'boolean' },
  model: { kind: 'boolean' },
  mutant: { kind: 'string' },
  'no-reduction': { kind: 'boolean' },
  'context-bound': { kind: 'integer', min: 0, max: 100 },
  'max-states': { kind: 'integer', min: 1 },
  'time-limit': { kind: 'number', min: 0.001 },
  json: { kind: 'boolean' },
  out: { kind: 'string' },
};

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The system the flags name. */
export function specOf(flags: FlagValues): SystemSpec {
  if (flags['model'] === true && flags['rules-only'] !== true) throw new UsageError(`flag '--model' needs '--rules-only' (the model alone under the rules)`);
  const mode = flags['rules-only'] === true ? (flags['model'] === true ? 'model' : 'impl') : 'lockstep';
  return { mode, ...(typeof flags['mutant'] === 'string' ? { mutant: flags['mutant'] } : {}) };
}

/** The body of `hmm-check explore`; resolves to the exit code. Bad usage throws `UsageError`. */
export async function runExplore(argv: readonly string[], deps: ExploreDeps = DEFAULT_DEPS): Promise<number> {
  const { flags } = parseArgs(argv, EXPLORE_FLAGS);
  const spec = specOf(flags);
  const bound = num(flags['context-bound']);
  const file = typeof flags['scope'] === 'string' ? flags['scope'] : bound === undefined ? DEFAULT_SCOPE_FILE : RACES_SCOPE_FILE;
  let parts: SystemParts;
  try {
    parts = await deps.loadParts(spec);
  } catch (e) {
    if (e instanceof SystemLoadError && e.usage) throw new UsageError(e.message);
    if (!(e instanceof SystemLoadError)) throw e;
    deps.stderr(`hmm-check explore: ${e.message}\n`);
    return EXIT_INTERNAL;
  }
  const json = scopeJson(file);
  const workers = num(flags['workers']) ?? deps.cores;
  const timeLimit = num(flags['time-limit']);
  const limits = {
    maxDepth: num(flags['depth']) ?? (bound === undefined ? DEFAULT_DEPTH : 10_000),
    ...(num(flags['max-states']) === undefined ? {} : { maxStates: num(flags['max-states'])! }),
    ...(timeLimit === undefined ? {} : { timeLimitMs: timeLimit * 1000 }),
  };
  const progress = progressPrinter(deps.stderr);
  let outcome: ExploreOutcome;
  let header: ExploreHeader;
  let devices: number;
  if (bound !== undefined) {
    const scope = scoped(() => threadScopeOf(json, file));
    outcome = exploreThreads(scope, parts, bound, limits, progress);
    devices = scope.devices;
    header = { system: describeSystem(spec), scope: `${file} (${scope.description})`, maxDepth: limits.maxDepth, workers: 1, reduction: false, contextBound: bound };
  } else {
    const scope = scoped(() => parseScope(json, file));
    const reduction = flags['no-reduction'] !== true;
    devices = scope.devices;
    header = { system: describeSystem(spec), scope: `${file} (${describeScope(scope)})`, maxDepth: limits.maxDepth, workers, reduction };
    outcome = await explore({ scope, spec, parts, limits, workers, reduction, onDepth: progress });
  }
  const cx = outcome.verdict === 'counterexample' ? counterexampleReport(outcome.counterexample, parts, { devices }, replayLine(argv)) : undefined;
  const out = flags['out'];
  const written = cx !== undefined && typeof out === 'string' ? { ...cx, tracePath: (await writeOut(out, cx, parts, devices))[0]! } : cx;
  deps.stdout(flags['json'] === true ? `${JSON.stringify(reportJson(outcome, header, written))}\n` : formatReport(outcome, header, written));
  return exitCode(outcome);
}

/** The JSON of a scope file; an unreadable one is a usage error. */
function scopeJson(file: string): unknown {
  return scoped(() => readScopeFile(file));
}

function scoped<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ScopeError) throw new UsageError(e.message);
    throw e;
  }
}

async function writeOut(dir: string, cx: Parameters<typeof writeCounterexample>[1], parts: SystemParts, devices: number): Promise<string[]> {
  try {
    return await writeCounterexample(dir, cx, parts, { devices });
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    throw new UsageError(`cannot write to --out '${dir}' (${reason})`);
  }
}

/** The command line that finds the counterexample again. */
function replayLine(argv: readonly string[]): string {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out' || a === '--json') {
      if (a === '--out') i++;
      continue;
    }
    if (a.startsWith('--out=')) continue;
    kept.push(/^[\w./:=,+-]+$/.test(a) ? a : `'${a}'`);
  }
  return ['hmm-check explore', ...kept].join(' ');
}

/** Progress on stderr after each level, for searches longer than a second. */
function progressPrinter(stderr: (text: string) => void): (p: Parameters<typeof formatProgress>[0]) => void {
  return (p) => {
    if (p.elapsedMs >= 1000) stderr(`${formatProgress(p)}\n`);
  };
}

/** 0 for exhausted and bounded, 1 for a counterexample, 3 for incomplete. */
export function exitCode(outcome: ExploreOutcome): number {
  if (outcome.verdict === 'counterexample') return EXIT_COUNTEREXAMPLE;
  return outcome.verdict === 'incomplete' ? EXIT_INCOMPLETE : EXIT_PASS;
}

const HELP = `usage: hmm-check explore [--scope FILE] [--depth N] [--workers N] [--rules-only [--model]] [--mutant NAME]
                         [--no-reduction] [--context-bound K] [--max-states N] [--time-limit S] [--json] [--out DIR]

Explores every command sequence of a scope breadth-first, up to --depth commands, the model and
the implementation in lockstep: on every transition both results must agree and memoryIsMemory
hold; in every new state both observations must agree and every rule of SPEC §6 and the
implementation's structure check (ptStructure) hold. States are 64-bit fingerprints of both
worlds' complete states (hidden fields included), with pfns and mirror, op and fence ids renamed;
commands that commute are not tried in every order (sleep sets). The shortest counterexample is
printed as hmm-check run prints its own. Progress (depth, states, states/s, queue) on stderr.

  --scope FILE        the scope, a JSON file (default: ${DEFAULT_SCOPE_FILE.replace(/.*properties\//, 'properties/')}; with
                      --context-bound: ${RACES_SCOPE_FILE.replace(/.*properties\//, 'properties/')}); README "Explorer" says the format
  --depth N           explore sequences up to N commands (default ${DEFAULT_DEPTH})
  --workers N         worker threads (default: the machine's cores); the same states and verdict for any N
  --rules-only        the implementation alone, checked by the rules only (no model)
  --model             with --rules-only: the model alone
  --mutant NAME       explore a mutant of the implementation (impl/mutants)
  --no-reduction      try commuting commands in every order too
  --context-bound K   every schedule of the scope's threads with at most K preemptions (CHESS)
  --max-states N      stop, incomplete, when a completed depth leaves more than N states
  --time-limit S      stop, incomplete, after S seconds
  --json              print one JSON object: verdict, exhausted, depthCompleted, states, statesPerSecond,
                      workers, fingerprintCollisionProbability and the other figures
  --out DIR           write a counterexample's trace (DIR/counterexample.ndjson) and HTML report (DIR/report.html)

verdicts and exit codes:
  0  exhausted: every state of the scope reached and checked;
     bounded: no counterexample within depth N (states lie beyond: not a proof past N)
  1  counterexample: the shortest command sequence that breaks something
  2  bad usage (unknown flag, bad value, bad scope file, unknown mutant)
  3  incomplete: --time-limit, --max-states or the fingerprint table stopped it first
  70 the worlds could not be loaded
`;

/** `hmm-check explore`. */
export const exploreCommand: Subcommand = {
  name: 'explore',
  summary: 'explore every command sequence of a scope, in lockstep with the model, on every core',
  help: HELP,
  run: (argv) => runExplore(argv),
};
