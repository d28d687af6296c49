/**
 * `hmm-check scenarios [--json] [--dir DIR]`: replays every `scenarios/*.ndjson` (SPEC §8) on
 * the model and the implementation and prints a table: scenario, what it shows (the trace's
 * first note), verdict, and on failure the line and reason. Exit 0 only if all pass.
 *
 * The scenarios are the Linux HMM selftests (tools/testing/selftests/mm/hmm-tests.c) that fit
 * the model, and the 2014 design's own cases, each with every `expect` worked by hand from SPEC.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorldConfig } from '../../spec/index.js';
import { createImplWorld } from '../../impl/index.js';
import { createModelWorld } from '../../model/index.js';
import { describeFailure, isCommandLine, parseTrace, replayTrace, type ReplayOutcome } from '../trace/index.js';
import { escapeControl, printable, quote } from '../trace/printable.js';
import { parseArgs, UsageError } from './args.js';
import { EXIT_COUNTEREXAMPLE, EXIT_PASS, type Subcommand } from './subcommand.js';

/** One scenario's verdict: `error` is a trace that does not parse. */
export interface ScenarioResult {
  readonly name: string;
  readonly shows: string;
  readonly verdict: 'pass' | 'fail' | 'error';
  readonly commands: number;
  readonly line?: number;
  readonly reason?: string;
}

/** The folder holding `package.json`, found upwards from this file (works from `dist/` too). */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** The default scenarios folder: `scenarios/` at the package root. */
export function defaultScenariosDir(): string {
  return join(packageRoot(), 'scenarios');
}

/** The `*.ndjson` files of `dir`, sorted by name. */
export function scenarioFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort().map((f) => join(dir, f));
}

function worldsFor(config: WorldConfig) {
  return [{ name: 'model', world: createModelWorld(config) }, { name: 'impl', world: createImplWorld(config) }];
}

/** Replays one scenario file's text on the model and the implementation. */
export function runScenario(name: string, text: string): ScenarioResult {
  const parsed = parseTrace(text);
  if (!parsed.ok) return { name, shows: '', verdict: 'error', commands: 0, line: parsed.error.line, reason: parsed.error.message };
  const first = parsed.trace.lines.find((l) => !isCommandLine(l));
  const shows = first && !isCommandLine(first) ? first.note : '';
  let outcome: ReplayOutcome;
  try {
    outcome = replayTrace(parsed.trace, worldsFor(parsed.trace.config));
  } catch (e) {
    return { name, shows, verdict: 'fail', commands: 0, reason: `replay threw: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (outcome.verdict === 'pass') return { name, shows, verdict: 'pass', commands: outcome.steps };
  return { name, shows, verdict: 'fail', commands: outcome.steps, line: outcome.line, reason: describeFailure(outcome.reason).join(' ') };
}

/** The text of a scenario file; one that cannot be read is bad input (UsageError). */
function readScenario(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? ` (${String(e.code)})` : '';
    throw new UsageError(`cannot read ${quote(file)}${code}`);
  }
}

/** Runs every scenario of `dir`. */
export function runScenarios(dir: string): ScenarioResult[] {
  return scenarioFiles(dir).map((file) => runScenario(basename(file, '.ndjson'), readScenario(file)));
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  return [...lines, current];
}

const SHOWS_WIDTH = 72;

/** The table: scenario, what it shows (wrapped), verdict; failures add their line and reason. */
export function formatScenarioTable(results: readonly ScenarioResult[]): string[] {
  const nameWidth = Math.max('scenario'.length, ...results.map((r) => r.name.length));
  const row = (name: string, shows: string, verdict: string): string => `${name.padEnd(nameWidth)}  ${shows.padEnd(SHOWS_WIDTH)}  ${verdict}`.trimEnd();
  const out = [row('scenario', 'what it shows', 'verdict'), row('-'.repeat(nameWidth), '-'.repeat(SHOWS_WIDTH), '-------')];
  for (const r of results) {
    // Notes, names and reasons come from the traces: escaped, so none reaches the terminal raw.
    const shows = wrap(printable(r.shows, 2000), SHOWS_WIDTH);
    out.push(row(escapeControl(r.name), shows[0]!, r.verdict.toUpperCase()));
    for (const more of shows.slice(1)) out.push(row('', more, ''));
    if (r.verdict !== 'pass') out.push(`${' '.repeat(nameWidth)}  -> ${r.line === undefined ? '' : `line ${r.line}: `}${printable(r.reason ?? '', 1000)}`);
  }
  const passed = results.filter((r) => r.verdict === 'pass').length;
  out.push('', `${passed}/${results.length} scenarios pass on model and impl`);
  return out;
}

/** The `scenarios` subcommand. */
export const scenarios: Subcommand = {
  name: 'scenarios',
  summary: 'replay the selftest scenarios (scenarios/*.ndjson) on model and impl, print a table',
  help: [
    'usage: hmm-check scenarios [--json] [--dir DIR]',
    '',
    'Replays every scenarios/*.ndjson trace on the model and the implementation (SPEC §8: every',
    'expect, observations compared, every rule after every line) and prints scenario, what it',
    'shows, verdict. Exit 0 if all pass, 1 if any fails, 2 if a trace cannot be read or parsed.',
    '',
    '  --json     print the results as JSON instead of a table',
    '  --dir DIR  replay the *.ndjson traces of DIR instead of the packaged scenarios/',
  ].join('\n'),
  async run(argv) {
    const { flags } = parseArgs(argv, { json: { kind: 'boolean' }, dir: { kind: 'string' } });
    const dir = typeof flags['dir'] === 'string' ? resolve(flags['dir']) : defaultScenariosDir();
    if (!existsSync(dir)) throw new UsageError(`no such folder ${quote(dir)}`);
    if (!statSync(dir).isDirectory()) throw new UsageError(`flag '--dir' needs a folder, ${quote(dir)} is not one`);
    const results = runScenarios(dir);
    if (results.length === 0) throw new UsageError(`no *.ndjson trace in ${quote(dir)}`);
    const text = flags['json'] ? JSON.stringify(results, null, 2) : formatScenarioTable(results).join('\n');
    process.stdout.write(`${text}\n`);
    // A scenario that does not parse is bad input (exit 2), named in one line; a failing one is exit 1.
    const broken = results.find((r) => r.verdict === 'error');
    if (broken !== undefined) throw new UsageError(`${escapeControl(broken.name)}.ndjson${broken.line === undefined ? '' : `:${broken.line}`}: ${broken.reason ?? 'does not parse'}`);
    return results.every((r) => r.verdict === 'pass') ? EXIT_PASS : EXIT_COUNTEREXAMPLE;
  },
};
