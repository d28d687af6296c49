/**
 * The counterexample part of the human summary (summary.ts): the minimized program and how it was
 * minimized, the first difference (labelled, SPEC §7; all of them with `--diff all`), every rule
 * broken, what the implementation's process wrote on stderr, and how to replay it: the replay
 * command reproduces the whole report, the trace replays the program itself, the HTML report
 * shows it (both files named when `--out` wrote them).
 */
import { shownDiff, type DiffShown } from '../trace/index.js';
import { brokenRuleLines } from './brokenRules.js';
import { shellQuote } from './counterexample.js';
import type { ConformanceReport, CounterexampleReport } from './report.js';

function programHeader(cx: CounterexampleReport): string {
  const m = cx.minimization;
  const found = cx.generation === 'guided' ? `guided run ${cx.guidedRun} gave ${m.fromLength} calls` : `fast-check shrank it to ${m.fromLength} calls in ${cx.shrinks} shrinks`;
  return `program (${found}; ddmin: ${m.toLength} calls${m.oneMinimal ? ', 1-minimal' : ''}):`;
}

/** What broke: the difference, the rules, the process's last words. */
function brokeLines(cx: CounterexampleReport, diff: DiffShown): string[] {
  const f = cx.failure;
  const lines: string[] = [];
  if (f.diff !== undefined && f.diff.length > 0) {
    lines.push('', `${diff === 'all' ? 'every difference' : 'first difference'} (model vs impl, SPEC §7):`, ...shownDiff(f.diff, diff).map((l) => `  ${l}`));
  }
  const broken = f.brokenRules ?? [];
  if (broken.length > 0) lines.push('', f.kind === 'rule' ? 'rules broken:' : 'rules broken as well:', ...brokenRuleLines(broken).map((l) => `  ${l}`));
  else if (f.entities !== undefined) lines.push('', `rule ${f.rule ?? '?'} (${f.side === 'impl' ? 'implementation' : 'model and implementation'}):`, ...f.entities.slice(0, 8).map((l) => `  ${l}`));
  if (f.stderr !== undefined && f.stderr.length > 0) lines.push('', 'stderr of the implementation (last lines):', ...f.stderr.map((l) => `  ${l}`));
  return lines;
}

/** The lines of a counterexample, from the verdict on. */
export function counterexampleLines(r: ConformanceReport, cx: CounterexampleReport, diff: DiffShown): string[] {
  const lines = [`verdict    counterexample: ${cx.failure.message}`, '', programHeader(cx), ...cx.program.map((l) => `  ${l}`), ...brokeLines(cx, diff)];
  const found = cx.generation === 'guided' ? `seed ${cx.seed}, guided run ${cx.guidedRun}` : `seed ${cx.seed}, path ${cx.path}`;
  const rerun = cx.generation === 'guided' ? 'reruns the guided runs up to the failing one' : `replays fast-check's ${cx.minimization.fromLength}-call run`;
  lines.push('', found, `replay     ${cx.replay}`, `           (${rerun}, then the same ddmin pass: this report again)`);
  const replayFlags = (r.mutant === undefined ? '' : ` --mutant ${r.mutant}`) + (r.implementation === undefined ? '' : ` --impl ${shellQuote(r.implementation.command)}`);
  if (cx.tracePath !== undefined) lines.push(`trace      ${cx.tracePath}  (the ${cx.program.length}-call program itself: hmm-check replay ${cx.tracePath}${replayFlags})`);
  if (cx.reportPath !== undefined) lines.push(`report     ${cx.reportPath}  (open it in a browser: timeline, observations, both sides where they differ)`);
  if (cx.tracePath === undefined) lines.push(`trace (SPEC §8, the program itself; save it and run hmm-check replay FILE${replayFlags}, or use --out DIR):`, ...cx.trace.trimEnd().split('\n'));
  return lines;
}
