/**
 * The human summary of a conformance report (what `hmm-check run` prints without `--json`):
 * figures, coverage with what was never reached, the guided share, the verdict, and for a
 * counterexample the minimized program, the first difference (labelled, SPEC §7), every rule
 * broken, and how to replay it (counterexampleSummary.ts).
 */
import type { DiffShown } from '../trace/index.js';
import { counterexampleLines } from './counterexampleSummary.js';
import type { CoverageCount } from './ports.js';
import type { ConformanceReport } from './report.js';

/** How to print: the first observation difference (default) or all of them. */
export interface SummaryOptions {
  readonly diff?: DiffShown;
}

const coverageLine = (name: string, c: CoverageCount): string => {
  const pct = c.total === 0 ? 'n/a' : `${Math.floor((100 * c.reached) / c.total)}%`;
  const missing = c.missing.length === 0 ? '' : ` (never reached: ${c.missing.join('; ')})`;
  return `${name} ${c.reached}/${c.total} ${pct}${missing}`;
};

function budgetLine(r: ConformanceReport): string {
  const b = r.budget;
  const limit = b.timeLimitSeconds === null ? '' : `, time limit ${b.timeLimitSeconds} s`;
  const shard = r.shard === undefined ? '' : `, shard ${r.shard.index}/${r.shard.count}`;
  const runs = [b.runs > 0 ? `${b.runs} runs` : '', b.guidedRuns > 0 ? `${b.guidedRuns} guided runs` : ''].filter((x) => x !== '').join(' + ');
  return `hmm-check run: seed ${r.seed}, ${runs} x up to ${b.steps} steps${b.swarm ? ', swarm' : ''}${shard}${limit}${r.mutant === undefined ? '' : `, implementation built with mutant ${r.mutant}`}`;
}

/** With `--impl`: the process and what it declared, and the checks it cannot be held to. */
function implementationLines(r: ConformanceReport): string[] {
  const i = r.implementation;
  if (i === undefined) return [];
  const lines = [`impl       ${i.name} (${i.command}): observes ${i.observes.length === 9 ? 'everything' : i.observes.join(', ') || 'nothing'}${i.selfCheck ? ', self-check' : ''}`];
  const skipped = r.skippedRules ?? [];
  if (skipped.length > 0) lines.push(`skipped    ${skipped.map((s) => `${s.rule} (needs ${s.needs.join(', ')})`).join(', ')}: not declared by the implementation`);
  return lines;
}

/** The summary, newline-terminated. */
export function formatSummary(r: ConformanceReport, options: SummaryOptions = {}): string {
  const g = r.guided;
  const lines = [
    budgetLine(r),
    ...implementationLines(r),
    `runs       ${r.runs}${g === undefined ? '' : ` (${r.runs - g.runs} random, ${g.runs} guided)`}`,
    `commands   ${r.commands} in ${r.elapsedSeconds.toFixed(1)} s (${r.commandsPerSecond} commands/s)`,
    `coverage   ${coverageLine('states', r.coverage.states)}`,
    `           ${coverageLine('transitions', r.coverage.transitions)}`,
  ];
  if (g !== undefined) lines.push(`guided     ${g.features} distinct features of interleavings, corpus of ${g.corpus} sequences`);
  const cut = r.interrupted === true ? ' (interrupted: Ctrl-C)' : ' (cut short by --time-limit)';
  if (r.counterexample === undefined) lines.push(`verdict    ${r.verdict}${r.verdict === 'incomplete' ? cut : ''}`);
  else lines.push(...counterexampleLines(r, r.counterexample, options.diff ?? 'first'));
  if (r.counterexample !== undefined && r.interrupted === true) lines.push('', 'interrupted (Ctrl-C) while shrinking: the program above may shrink further');
  return `${lines.join('\n')}\n`;
}
