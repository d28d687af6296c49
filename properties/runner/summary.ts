/**
 * The human summary of a conformance report (what `hmm-check run` prints without `--json`):
 * figures, coverage with what was never reached, the verdict, and for a counterexample the
 * shrunk program, the first difference and how to replay it.
 */
import { shellQuote } from './counterexample.js';
import type { CoverageCount } from './ports.js';
import type { ConformanceReport, CounterexampleReport } from './report.js';

const coverageLine = (name: string, c: CoverageCount): string => {
  const pct = c.total === 0 ? 'n/a' : `${Math.floor((100 * c.reached) / c.total)}%`;
  const missing = c.missing.length === 0 ? '' : ` (never reached: ${c.missing.join('; ')})`;
  return `${name} ${c.reached}/${c.total} ${pct}${missing}`;
};

/** The summary, newline-terminated. */
export function formatSummary(r: ConformanceReport): string {
  const b = r.budget;
  const limit = b.timeLimitSeconds === null ? '' : `, time limit ${b.timeLimitSeconds} s`;
  const shard = r.shard === undefined ? '' : `, shard ${r.shard.index}/${r.shard.count}`;
  const lines = [
    `hmm-check run: seed ${r.seed}, ${b.runs} runs x up to ${b.steps} steps${b.swarm ? ', swarm' : ''}${shard}${limit}${r.mutant === undefined ? '' : `, implementation built with mutant ${r.mutant}`}`,
    ...implementationLines(r),
    `runs       ${r.runs}`,
    `commands   ${r.commands} in ${r.elapsedSeconds.toFixed(1)} s (${r.commandsPerSecond} commands/s)`,
    `coverage   ${coverageLine('states', r.coverage.states)}`,
    `           ${coverageLine('transitions', r.coverage.transitions)}`,
  ];
  const cut = r.interrupted === true ? ' (interrupted: Ctrl-C)' : ' (cut short by --time-limit)';
  if (r.counterexample === undefined) lines.push(`verdict    ${r.verdict}${r.verdict === 'incomplete' ? cut : ''}`);
  else lines.push(...counterexampleLines(r, r.counterexample));
  if (r.counterexample !== undefined && r.interrupted === true) lines.push('', 'interrupted (Ctrl-C) while shrinking: the program above may shrink further');
  return `${lines.join('\n')}\n`;
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

function counterexampleLines(r: ConformanceReport, cx: CounterexampleReport): string[] {
  const f = cx.failure;
  const lines = [`verdict    counterexample: ${f.message}`, '', `program (shrunk, ${cx.program.length} calls, ${cx.shrinks} shrinks):`];
  lines.push(...cx.program.map((l) => `  ${l}`));
  if (f.diff !== undefined && f.diff.length > 0) lines.push('', 'first difference (model vs impl):', ...f.diff.map((l) => `  ${l}`));
  if (f.entities !== undefined) lines.push('', `rule ${f.rule ?? '?'} (${f.side === 'impl' ? 'implementation' : 'model and implementation'}):`, ...f.entities.slice(0, 8).map((l) => `  ${l}`));
  if (f.stderr !== undefined && f.stderr.length > 0) lines.push('', 'stderr of the implementation (last lines):', ...f.stderr.map((l) => `  ${l}`));
  lines.push('', `seed ${cx.seed}, path ${cx.path}`, `replay     ${cx.replay}`);
  const replayFlags = (r.mutant === undefined ? '' : ` --mutant ${r.mutant}`) + (r.implementation === undefined ? '' : ` --impl ${shellQuote(r.implementation.command)}`);
  if (cx.tracePath !== undefined) lines.push(`trace      ${cx.tracePath}  (hmm-check replay ${cx.tracePath}${replayFlags})`);
  else lines.push(`trace (SPEC §8; save it and run hmm-check replay FILE${replayFlags}, or use --out DIR):`, ...cx.trace.trimEnd().split('\n'));
  return lines;
}
