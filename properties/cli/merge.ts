/**
 * `hmm-check merge REPORT.json... [--json]`: joins the JSON reports of a campaign's shards
 * (`hmm-check run --shard i/n --json`) into one (properties/runner/mergeReports.ts) and prints
 * its summary, or the merged report as JSON. Exit 0 pass, 1 counterexample, 2 bad input (a file
 * that cannot be read, is not a report, or belongs to another campaign), 3 incomplete (a shard
 * missing or cut short).
 */
import { readFileSync } from 'node:fs';
import { MergeError, mergeReports, type MergedReport } from '../runner/mergeReports.js';
import type { ConformanceReport } from '../runner/report.js';
import { formatSummary } from '../runner/summary.js';
import { UsageError, parseArgs } from './args.js';
import { EXIT_COUNTEREXAMPLE, EXIT_INCOMPLETE, EXIT_PASS, type Subcommand } from './subcommand.js';

const HELP = `usage: hmm-check merge REPORT.json... [--json]

Joins the JSON reports of the shards of one campaign (hmm-check run --shard i/n --json > i.json)
into the campaign's report: runs and commands added up, coverage united, a counterexample of any
shard kept (the lowest shard's shown), and shards not given named, which makes it incomplete.

  --json   print the merged report (ConformanceReport with a "shards" field) instead of the summary

exit: 0 pass, 1 counterexample, 2 bad input, 3 incomplete (a shard missing or cut short)`;

/** Largest report file read (a report is a few kilobytes, a counterexample's trace more). */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

const isCount = (c: unknown): boolean => {
  const x = c as { reached?: unknown; total?: unknown; missing?: unknown };
  return typeof c === 'object' && c !== null && Number.isSafeInteger(x.reached) && Number.isSafeInteger(x.total) && Array.isArray(x.missing) && x.missing.every((m) => typeof m === 'string');
};

/** The first field a report lacks or has of the wrong type, or null when it has the shape merge reads. */
function badField(r: Record<string, unknown>): string | null {
  const budget = r['budget'] as Record<string, unknown> | undefined;
  const coverage = r['coverage'] as Record<string, unknown> | undefined;
  const shard = r['shard'] as Record<string, unknown> | undefined;
  const checks: [string, boolean][] = [
    ['verdict', r['verdict'] === 'pass' || r['verdict'] === 'counterexample' || r['verdict'] === 'incomplete'],
    ['seed', Number.isSafeInteger(r['seed'])],
    ['budget', typeof budget === 'object' && budget !== null && Number.isSafeInteger(budget['runs']) && Number.isSafeInteger(budget['steps']) && typeof budget['swarm'] === 'boolean'],
    ['runs', Number.isSafeInteger(r['runs'])],
    ['commands', Number.isSafeInteger(r['commands'])],
    ['elapsedSeconds', typeof r['elapsedSeconds'] === 'number'],
    ['coverage', typeof coverage === 'object' && coverage !== null && isCount(coverage['states']) && isCount(coverage['transitions'])],
    ['shard', shard === undefined || (Number.isSafeInteger(shard['index']) && Number.isSafeInteger(shard['count']))],
    ['counterexample', r['verdict'] !== 'counterexample' || (typeof r['counterexample'] === 'object' && r['counterexample'] !== null)],
  ];
  return checks.find(([, ok]) => !ok)?.[0] ?? null;
}

/** Reads and checks one report file; a UsageError naming the file otherwise. */
export function readReport(file: string, read: (f: string) => string = (f) => readFileSync(f, 'utf8')): ConformanceReport {
  let text: string;
  try {
    text = read(file);
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    throw new UsageError(`cannot read ${JSON.stringify(file)} (${code})`);
  }
  if (text.length > MAX_REPORT_BYTES) throw new UsageError(`${JSON.stringify(file)} is too large for a report (${text.length} bytes)`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${JSON.stringify(file)} is not JSON (write it with hmm-check run --json)`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${JSON.stringify(file)} is not a report object`);
  const bad = badField(value as Record<string, unknown>);
  if (bad !== null) throw new UsageError(`${JSON.stringify(file)} is not a hmm-check run report: field "${bad}" is missing or malformed`);
  return value as ConformanceReport;
}

/** The human summary: which shards were joined, then the report's summary. */
export function formatMerged(m: MergedReport): string {
  const merged = m.shards.merged.map((s) => s.index).join(', ');
  const missing = m.shards.missing.length === 0 ? '' : `; missing ${m.shards.missing.join(', ')}`;
  const found = m.shards.counterexamples.length === 0 ? '' : `; counterexamples in shard${m.shards.counterexamples.length > 1 ? 's' : ''} ${m.shards.counterexamples.join(', ')}`;
  return `hmm-check merge: shards ${merged} of ${m.shards.count}${missing}${found}\n${formatSummary(m)}`;
}

/** The body of `hmm-check merge`; resolves to the exit code. */
export async function runMerge(argv: readonly string[], stdout: (t: string) => void = (t) => void process.stdout.write(t)): Promise<number> {
  const { flags, positional } = parseArgs(argv, { json: { kind: 'boolean' } }, MAX_MERGED);
  if (positional.length === 0) throw new UsageError('needs at least one REPORT.json (see --help)');
  const reports = positional.map((f) => readReport(f));
  let merged: MergedReport;
  try {
    merged = mergeReports(reports, positional.map((f) => JSON.stringify(f)));
  } catch (e) {
    if (e instanceof MergeError) throw new UsageError(e.message);
    throw e;
  }
  stdout(flags['json'] === true ? `${JSON.stringify(merged)}\n` : formatMerged(merged));
  return merged.verdict === 'pass' ? EXIT_PASS : merged.verdict === 'counterexample' ? EXIT_COUNTEREXAMPLE : EXIT_INCOMPLETE;
}

/** Largest number of report files one merge takes. */
const MAX_MERGED = 10_000;

export const mergeCommand: Subcommand = {
  name: 'merge',
  summary: 'join the JSON reports of a campaign\'s shards (run --shard i/n) into one',
  help: HELP,
  run: (argv) => runMerge(argv),
};
