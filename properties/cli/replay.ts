/**
 * `hmm-check replay FILE [--final] [--model-only]` (SPEC §8): replays a trace on the model and
 * the implementation, checking every `expect`, the results and observations against each
 * other, and every rule after every line. Exit 0 pass, 1 failed line, 2 bad usage or bad input.
 *
 * The model and the implementation are loaded with a dynamic import, so a missing or broken
 * `impl/` leaves `--model-only` (and bad-input reports) working.
 */
import { finalObservationsOf, writeReportFile } from '../report/index.js';
import type { WorldConfig, WorldFactory } from '../../spec/index.js';
import { shellQuote } from '../runner/counterexample.js';
import { fileLines, formatObservation, formatReplayReport, MAX_QUOTED, oneLine, printable, readTrace, Replay, type NamedWorld, type ReadTraceResult, type ReplayOutcome, type TooLong, type Trace, type TraceLine } from '../trace/index.js';
import { ReplayProgress, type ReplayProgressSink } from './replayProgress.js';
import { UsageError, parseArgs, type FlagValues } from './args.js';
import { knownMutant } from './knownMutant.js';
import { implFlags } from './run.js';
import { EXIT_COUNTEREXAMPLE, EXIT_PASS, EXIT_USAGE, type Subcommand } from './subcommand.js';

/** Exit code when the model or the implementation cannot be loaded or built: a bug, not bad input. */
export const EXIT_INTERNAL = 70;

/** Where a world factory lives: module specifier (relative to this file) and export name. */
interface FactorySource { readonly name: string; readonly module: string; readonly export: string }

const MODEL: FactorySource = { name: 'model', module: '../../model/index.js', export: 'createModelWorld' };
const IMPL: FactorySource = { name: 'impl', module: '../../impl/index.js', export: 'createImplWorld' };

/** The implementation's factory, which takes the mutant's name as an option. */
type MutantFactory = (config: WorldConfig, options: { readonly mutant: string }) => ReturnType<WorldFactory>;

/** The implementation's process as a world to replay on, and how to end its session. */
export interface ProcessLane {
  readonly world: NamedWorld;
  close(): void;
}

/** What `runReplay` needs from outside; tests pass fakes. */
export interface ReplayDeps {
  /** The file's physical lines, streamed (`fileLines`); read twice: to check, then to replay. */
  readonly readLines: (path: string) => AsyncIterable<string | TooLong>;
  /** Builds the worlds to replay on (model first), or says why it cannot. */
  readonly buildWorlds: (config: WorldConfig, modelOnly: boolean, mutant?: string) => Promise<readonly NamedWorld[] | { readonly error: string }>;
  /** `--impl COMMAND`: the implementation's process as a world; one that does not start or refuses hello is a UsageError. */
  readonly processLane?: (command: string, timeoutSeconds: number, config: WorldConfig) => Promise<ProcessLane>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Progress is one `\r` line on a terminal, plain lines otherwise. */
  readonly stderrIsTTY?: boolean;
  /** The clock progress is measured with, in ms (default `performance.now`). */
  readonly now?: () => number;
}

async function loadFactory(source: FactorySource): Promise<WorldFactory | { error: string }> {
  try {
    const mod = (await import(source.module)) as Record<string, unknown>;
    const factory = mod[source.export];
    if (typeof factory !== 'function') return { error: `${source.module} does not export ${source.export}` };
    return factory as WorldFactory;
  } catch (e) {
    return { error: `cannot load the ${source.name} (${source.module}): ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Builds the model (and the implementation unless `modelOnly`, with `mutant` if given) through their factories. */
export async function buildWorlds(config: WorldConfig, modelOnly: boolean, mutant?: string): Promise<readonly NamedWorld[] | { error: string }> {
  const worlds: NamedWorld[] = [];
  for (const source of modelOnly ? [MODEL] : [MODEL, IMPL]) {
    const factory = await loadFactory(source);
    if (typeof factory !== 'function') return factory;
    const withMutant = source === IMPL && mutant !== undefined;
    try {
      worlds.push({ name: withMutant ? `impl (mutant ${mutant})` : source.name, world: withMutant ? (factory as MutantFactory)(config, { mutant }) : factory(config) });
    } catch (e) {
      return { error: `cannot build the ${source.name}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return worlds;
}

/** Opens the implementation behind `command` (docs/protocol.md) as the world `impl`. */
async function processLane(command: string, timeoutSeconds: number, config: WorldConfig): Promise<ProcessLane> {
  const protocol = await import('../protocol/index.js');
  try {
    const session = protocol.openImplementation(command, timeoutSeconds, config);
    return { world: { name: 'impl', world: new protocol.ProcessWorld(session, config) }, close: () => session.close() };
  } catch (e) {
    if (e instanceof protocol.ProtocolStartError) throw new UsageError(e.message);
    throw e;
  }
}

const DEFAULT_DEPS: ReplayDeps = {
  readLines: (path) => fileLines(path),
  buildWorlds,
  processLane,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
};

function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? ` (${String(e.code)})` : '';
}

/** Progress goes to stderr (replays over a second), on the injected clock if any. */
function progressSink(deps: ReplayDeps): ReplayProgressSink {
  return { isTTY: deps.stderrIsTTY === true, write: deps.stderr, now: deps.now ?? (() => performance.now()) };
}

const FLAGS = {
  final: { kind: 'boolean' }, 'model-only': { kind: 'boolean' }, html: { kind: 'string' }, mutant: { kind: 'string' },
  impl: { kind: 'string' }, 'impl-timeout': { kind: 'number', min: 0.001, max: 1e6 },
  diff: { kind: 'string', oneOf: ['first', 'all'] },
} as const;

/** The body of `hmm-check replay`, with its outside world injected; resolves to the exit code. */
export async function runReplay(argv: readonly string[], deps: ReplayDeps = DEFAULT_DEPS): Promise<number> {
  const fail = (message: string, code: number): number => {
    deps.stderr(`hmm-check replay: ${oneLine(message)}\n`);
    return code;
  };
  let file: string;
  let flags: FlagValues;
  try {
    const parsed = parseArgs(argv, FLAGS, 1);
    if (parsed.positional.length !== 1) throw new UsageError('needs one trace FILE (see --help)');
    file = parsed.positional[0]!;
    flags = parsed.flags;
    if (typeof flags['mutant'] === 'string') {
      if (flags['model-only'] === true) throw new UsageError(`flag '--mutant' needs the implementation: drop '--model-only'`);
      await knownMutant(flags['mutant']);
    }
    if (implFlags(flags) !== undefined && flags['model-only'] === true) throw new UsageError(`flag '--impl' needs the implementation: drop '--model-only'`);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message, EXIT_USAGE);
    throw e;
  }
  // Pass 1 checks the whole trace, so a trace error is bad input (exit 2) wherever it is, as
  // before a line is replayed; pass 2 replays it. Each streams: memory is bounded by the worlds.
  let checked: ReadTraceResult;
  const checking = new ReplayProgress(progressSink(deps));
  try {
    checked = await readTrace(deps.readLines(file), (line) => checking.tick(line.line));
  } catch (e) {
    if (codeOf(e) === '') throw e;
    return fail(`cannot read ${printable(file, MAX_QUOTED)}${codeOf(e)}`, EXIT_USAGE);
  } finally {
    checking.done();
  }
  if (!checked.ok) return fail(`${printable(file, MAX_QUOTED)}:${checked.error.line}: ${checked.error.message}`, EXIT_USAGE);
  const impl = implFlags(flags);
  let lane: ProcessLane | undefined;
  try {
    lane = impl === undefined ? undefined : await (deps.processLane ?? processLane)(impl.command, impl.timeoutSeconds, checked.config);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message, EXIT_USAGE);
    throw e;
  }
  try {
    return await replayOn(lane, file, checked, flags, deps, fail);
  } finally {
    lane?.close();
  }
}

/**
 * Replays the checked trace, streamed again line by line, on the model and the implementation
 * (built in, a mutant, or the process of `lane`) and reports. Only `--html` keeps the lines (its
 * report shows every step).
 */
async function replayOn(lane: ProcessLane | undefined, file: string, checked: ReadTraceResult & { ok: true }, flags: FlagValues, deps: ReplayDeps, fail: (message: string, code: number) => number): Promise<number> {
  const mutant = typeof flags['mutant'] === 'string' ? flags['mutant'] : undefined;
  const built = await deps.buildWorlds(checked.config, flags['model-only'] === true || lane !== undefined, mutant);
  if ('error' in built) return fail(built.error, EXIT_INTERNAL);
  const worlds = lane === undefined ? built : [...built, lane.world];
  const html = typeof flags['html'] === 'string' ? flags['html'] : undefined;
  const replay = new Replay(worlds, { record: html !== undefined });
  const kept: TraceLine[] = [];
  let failed: ReplayOutcome | undefined;
  const progress = new ReplayProgress(progressSink(deps));
  let replayed: ReadTraceResult;
  try {
    replayed = await readTrace(deps.readLines(file), (line) => {
      progress.tick(line.line, checked.lines);
      if (html !== undefined) kept.push(line);
      failed = replay.line(line);
      return failed !== undefined;
    });
  } catch (e) {
    if (codeOf(e) === '') throw e;
    return fail(`cannot read ${printable(file, MAX_QUOTED)}${codeOf(e)}`, EXIT_USAGE);
  } finally {
    progress.done();
  }
  if (!replayed.ok) return fail(`${printable(file, MAX_QUOTED)}:${replayed.error.line}: ${replayed.error.message} (the file changed while it was replayed)`, EXIT_USAGE);
  const outcome = failed ?? replay.passed();
  const report = flags['final'] === true ? deps.stderr : deps.stdout;
  const diff = flags['diff'] === 'all' ? 'all' : 'first';
  report(`${formatReplayReport(outcome, file, worlds.map((w) => w.name), diff).join('\n')}\n`);
  if (flags['final'] === true) deps.stdout(`${formatObservation(outcome.finalObservation)}\n`);
  if (html !== undefined) {
    const trace: Trace = { config: checked.config, lines: kept };
    try {
      const flagsText = `${mutant === undefined ? '' : ` --mutant ${mutant}`}${typeof flags['impl'] === 'string' ? ` --impl ${shellQuote(flags['impl'])}` : ''}`;
      writeReportFile(html, { trace, outcome, worlds: worlds.map((w) => w.name), ...finalObservationsOf(worlds), source: file, replayCommand: `hmm-check replay ${file}${flagsText}` });
    } catch (e) {
      return fail(`cannot write ${printable(html, MAX_QUOTED)}: ${e instanceof Error ? e.message : String(e)}`, EXIT_USAGE);
    }
    deps.stderr(`report written to ${printable(html)}\n`);
  }
  return outcome.verdict === 'pass' ? EXIT_PASS : EXIT_COUNTEREXAMPLE;
}

const HELP = `usage: hmm-check replay FILE [--final] [--model-only] [--html OUT] [--mutant NAME | --impl COMMAND [--impl-timeout S]]
                        [--diff all]

Replays the SPEC §8 trace FILE on the model and the implementation. After every line it
checks the line's "expect", that both worlds give the same result and deep-equal
observations, and every rule of SPEC §6 (with memoryIsMemory and the implementation's
structure check). It stops at the first failing line and names it.

flags:
  --final        print the final observation as one JSON line on stdout (the report goes to stderr)
  --model-only   replay on the model alone
  --html OUT     also write a self-contained HTML report to OUT (timeline, observations, failure)
  --mutant NAME  replay on the implementation built with this mutant (impl/mutants), e.g. a
                 counterexample that hmm-check run --mutant NAME --out DIR wrote
  --impl COMMAND an implementation the checker did not ship with, run with sh -c and spoken
                 to over stdin/stdout (docs/protocol.md); only the observation parts it
                 reports are compared, only the rules reading them checked
  --impl-timeout S  seconds to wait for each answer (default 10)
  --diff all     print every differing entry of the observations, not only the first

exit codes:
  0  every line passed
  1  a line failed (its number, command and what broke are printed)
  2  bad usage or bad input (unreadable file, trace error: FILE:LINE: message, an --impl
     that does not start or refuses hello)
  70 the model or the implementation could not be loaded or built
`;

/** `hmm-check replay`. */
export const replay: Subcommand = {
  name: 'replay',
  summary: 'replay a trace (SPEC §8) on the model and the implementation',
  help: HELP,
  run: (argv) => runReplay(argv),
};
