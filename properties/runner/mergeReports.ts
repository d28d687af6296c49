/**
 * `hmm-check merge`: the reports of a campaign's shards (`run --shard i/n --json`, shard.ts)
 * joined into one report of the whole campaign. The shards must come from the same campaign
 * (seed, budget, implementation) and be distinct; coverage is the union (a state or transition
 * is missing only if every shard missed it); a counterexample of any shard is the campaign's (the
 * lowest shard's is shown, the others are counted); shards not given make the verdict incomplete.
 * The guided share (properties/guided) runs in the last shard only: its figures are that shard's.
 * Times add up: `elapsedSeconds` is the shards' time together (machine time, not wall time), so
 * `commandsPerSecond` is the campaign's throughput per machine.
 */
import type { CoverageCount, CoverageSummary } from './ports.js';
import type { ConformanceReport, Verdict } from './report.js';

/** What the merged report adds to a `ConformanceReport`. */
export interface MergedReport extends ConformanceReport {
  readonly shards: {
    readonly count: number;
    /** The shards merged, with their verdicts, by index. */
    readonly merged: readonly { readonly index: number; readonly verdict: Verdict }[];
    /** Shards of the campaign not given to the merge. */
    readonly missing: readonly number[];
    /** Shards that found a counterexample (the first is the report's `counterexample`). */
    readonly counterexamples: readonly number[];
  };
}

/** Why reports cannot be merged: a message naming the report (by its position, 1-based) and the field. */
export class MergeError extends Error {
  override readonly name = 'MergeError';
}

type Shard = ConformanceReport & { readonly shard: { readonly index: number; readonly count: number } };

/** The campaign a report belongs to, as text: reports merge only within one campaign. */
function campaignOf(r: ConformanceReport): string {
  return JSON.stringify([r.seed, r.budget.runs, r.budget.steps, r.budget.swarm, r.budget.timeLimitSeconds, r.budget.guidedRuns ?? 0, r.mutant ?? null, r.shard?.count]);
}

function checkCampaign(reports: readonly ConformanceReport[], names: readonly string[]): Shard[] {
  if (reports.length === 0) throw new MergeError('no report to merge');
  const first = campaignOf(reports[0]!);
  const seen = new Map<number, string>();
  return reports.map((r, i) => {
    if (r.shard === undefined) throw new MergeError(`${names[i]}: not a shard's report (no "shard" field: it was not made with --shard i/n)`);
    if (campaignOf(r) !== first) {
      throw new MergeError(`${names[i]}: another campaign than ${names[0]} (seed, budget, mutant or shard count differ)`);
    }
    const other = seen.get(r.shard.index);
    if (other !== undefined) throw new MergeError(`${names[i]}: shard ${r.shard.index}/${r.shard.count} is also ${other}`);
    seen.set(r.shard.index, names[i]!);
    return r as Shard;
  });
}

/** Union of coverage: missing where every shard missed it. */
function unionCount(counts: readonly CoverageCount[]): CoverageCount {
  const total = Math.max(...counts.map((c) => c.total));
  let missing = counts[0]!.missing;
  for (const c of counts.slice(1)) missing = missing.filter((name) => c.missing.includes(name));
  return { reached: total - missing.length, total, missing };
}

function unionCoverage(reports: readonly ConformanceReport[]): CoverageSummary {
  return {
    states: unionCount(reports.map((r) => r.coverage.states)),
    transitions: unionCount(reports.map((r) => r.coverage.transitions)),
  };
}

/** Joins the reports of a campaign's shards; `names` (file names) go into error messages. */
export function mergeReports(reports: readonly ConformanceReport[], names: readonly string[] = reports.map((_, i) => `report ${i + 1}`)): MergedReport {
  const shards = checkCampaign(reports, names).sort((a, b) => a.shard.index - b.shard.index);
  const count = shards[0]!.shard.count;
  const given = new Set(shards.map((s) => s.shard.index));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !given.has(i));
  const found = shards.filter((s) => s.counterexample !== undefined);
  const commands = shards.reduce((n, s) => n + s.commands, 0);
  const busySeconds = shards.reduce((n, s) => n + s.elapsedSeconds, 0);
  const verdict: Verdict = found.length > 0 ? 'counterexample' : missing.length > 0 || shards.some((s) => s.verdict === 'incomplete') ? 'incomplete' : 'pass';
  const { shard: _shard, counterexample: _cx, guided: _guided, ...base } = shards[0]!;
  const guided = shards.find((s) => s.guided !== undefined)?.guided;
  return {
    ...base,
    verdict,
    runs: shards.reduce((n, s) => n + s.runs, 0),
    commands,
    commandsPerSecond: busySeconds > 0 ? Math.round(commands / busySeconds) : 0,
    elapsedSeconds: Math.round(busySeconds * 1000) / 1000,
    coverage: unionCoverage(shards),
    ...(guided === undefined ? {} : { guided }),
    ...(found.length > 0 ? { counterexample: found[0]!.counterexample! } : {}),
    shards: {
      count,
      merged: shards.map((s) => ({ index: s.shard.index, verdict: s.verdict })),
      missing,
      counterexamples: found.map((s) => s.shard.index),
    },
  };
}
