/**
 * `hmm-check explore [--depth N] [--pages N] [--devices N] [--mutant NAME] [--model]
 * [--max-states N] [--time-limit S] [--json]`: breadth-first enumeration of every command
 * sequence over a tiny scope (`properties/explorer/`), every rule of SPEC §6 checked in every
 * state. Exit 0 pass, 1 counterexample (the shortest), 2 bad usage, 3 incomplete (a cap hit).
 */
import { formatProgress, formatReport, counterexampleTrace, reportJson } from '../explorer/report.js';
import { exploreWithRules } from '../explorer/counterexample.js';
import { SCOPE_BOUNDS, scopeWith } from '../explorer/scope.js';
import { loadWorldSource, WorldLoadError, type WorldSource } from '../explorer/worldSource.js';
import type { ExploreOutcome } from '../explorer/outcome.js';
import { UsageError, parseArgs, type FlagSpec } from './args.js';
import { EXIT_COUNTEREXAMPLE, EXIT_INCOMPLETE, EXIT_PASS, type Subcommand } from './subcommand.js';

/** Exit code when the world cannot be loaded or built: a bug, not bad input. */
const EXIT_INTERNAL = 70;
/** Default depth bound: the figure. */
export const DEFAULT_DEPTH = 6;

/** What `runExplore` needs from outside; tests pass fakes. */
export interface ExploreDeps {
  readonly loadWorld: typeof loadWorldSource;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const DEFAULT_DEPS: ExploreDeps = {
  loadWorld: loadWorldSource,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

const FLAGS: Readonly<Record<string, FlagSpec>> = {
  depth: { kind: 'integer', min: 0, max: 30 },
  pages: { kind: 'integer', ...SCOPE_BOUNDS.pages },
  devices: { kind: 'integer', ...SCOPE_BOUNDS.devices },
  mutant: { kind: 'string' },
  model: { kind: 'boolean' },
  'max-states': { kind: 'integer', min: 1 },
  'time-limit': { kind: 'number', min: 0.001 },
  json: { kind: 'boolean' },
};

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The body of `hmm-check explore`; resolves to the exit code. Bad usage throws `UsageError`. */
export async function runExplore(argv: readonly string[], deps: ExploreDeps = DEFAULT_DEPS): Promise<number> {
  const { flags } = parseArgs(argv, FLAGS);
  const maxDepth = num(flags['depth']) ?? DEFAULT_DEPTH;
  const scope = scopeWith({ pages: num(flags['pages']), devices: num(flags['devices']) });
  const mutant = typeof flags['mutant'] === 'string' ? flags['mutant'] : undefined;
  let source: WorldSource;
  try {
    source = await deps.loadWorld({ model: flags['model'] === true, ...(mutant !== undefined ? { mutant } : {}) });
  } catch (e) {
    if (e instanceof WorldLoadError && e.usage) throw new UsageError(e.message);
    if (!(e instanceof WorldLoadError)) throw e;
    deps.stderr(`hmm-check explore: ${e.message}\n`);
    return EXIT_INTERNAL;
  }
  const timeLimit = num(flags['time-limit']);
  const limits = {
    maxDepth,
    ...(num(flags['max-states']) !== undefined ? { maxStates: num(flags['max-states']) } : {}),
    ...(timeLimit !== undefined ? { timeLimitMs: timeLimit * 1000 } : {}),
  };
  const outcome = exploreWithRules(scope, source.factory, limits, (p) => deps.stderr(`${formatProgress(p)}\n`));
  if (flags['json'] === true) deps.stdout(`${JSON.stringify(reportJson(outcome, source.name, scope, maxDepth))}\n`);
  else printReport(outcome, source.name, scope, maxDepth, deps);
  return exitCode(outcome);
}

function printReport(outcome: ExploreOutcome, world: string, scope: ReturnType<typeof scopeWith>, maxDepth: number, deps: ExploreDeps): void {
  deps.stdout(`${formatReport(outcome, world, scope, maxDepth).join('\n')}\n`);
  const trace = counterexampleTrace(outcome, { devices: scope.devices });
  if (trace !== undefined) deps.stdout(`trace (SPEC §8; save it and run hmm-check replay FILE):\n${trace}`);
}

function exitCode(outcome: ExploreOutcome): number {
  if (outcome.verdict === 'pass') return EXIT_PASS;
  return outcome.verdict === 'counterexample' ? EXIT_COUNTEREXAMPLE : EXIT_INCOMPLETE;
}

const HELP = `usage: hmm-check explore [--depth N] [--pages N] [--devices N] [--mutant NAME] [--model]
                         [--max-states N] [--time-limit S] [--json]

Breadth-first enumeration of every command sequence up to --depth over a tiny scope, on the
implementation (or the model with --model). Scope: mm 0 only (no fork, no exit), vpns
0..pages-1, values {1, 2}; mmap and mprotect (r, rw), munmap, migrate, writeback, reclaim over
[0, pages); read and write of each vpn; register, unregister, devRead, devWrite, signal and
fail EIO on each device; step of each op in flight with sync, fence and error. States equal up
to renaming ids count once; every rule of SPEC §6 (memoryIsMemory included, and the
implementation's structure check) is checked in every state. Progress goes to stderr.

flags:
  --depth N         explore sequences up to N commands (default ${DEFAULT_DEPTH})
  --pages N         vpns 0..N-1 (default 2, at most ${SCOPE_BOUNDS.pages.max})
  --devices N       devices (default 2, 1 to 8)
  --mutant NAME     explore a mutant of the implementation; prints its shortest counterexample
  --model           explore the model instead of the implementation
  --max-states N    stop, incomplete, after N distinct states
  --time-limit S    stop, incomplete, after S seconds
  --json            print the report as one JSON line

exit codes:
  0  every state up to --depth found, no rule broken
  1  a rule broken: the shortest counterexample is printed, one call per line and as a trace
  2  bad usage (unknown flag, bad value, unknown mutant)
  3  incomplete: --max-states or --time-limit stopped it first
  70 the world could not be loaded
`;

/** `hmm-check explore`. */
export const exploreCommand: Subcommand = {
  name: 'explore',
  summary: 'enumerate every command sequence over a tiny scope, breadth-first',
  help: HELP,
  run: (argv) => runExplore(argv),
};
