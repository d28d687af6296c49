/**
 * How an exploration prints (`hmm-check explore`, the main job): what was explored, an honest
 * verdict (never a bare "pass": a bounded search says how deep it went, an exhausted one that
 * it covered the whole scope), the figures, and a counterexample laid out as `hmm-check run`
 * lays out its own (properties/runner/summary.ts): program, first difference, rule, trace.
 */
import { brokenRuleLines } from '../runner/brokenRules.js';
import type { CounterexampleReport } from '../runner/report.js';
import { shownDiff } from '../trace/index.js';
import type { DepthProgress, ExploreOutcome } from './outcome.js';

/** What was explored, for the header and the JSON report. */
export interface ExploreHeader {
  readonly system: string;
  readonly scope: string;
  readonly maxDepth: number;
  readonly workers: number;
  readonly reduction: boolean;
  /** `--context-bound K`. */
  readonly contextBound?: number;
}

/** One line of progress (stderr). */
export function formatProgress(p: DepthProgress): string {
  const rate = p.elapsedMs > 0 ? Math.round((p.states / p.elapsedMs) * 1000) : 0;
  return `explore: depth ${p.depth}${p.partial === true ? ' in progress' : ''}, ${p.states} states, ${rate} states/s, queue ${p.queue}, ${(p.elapsedMs / 1000).toFixed(1)} s`;
}

/** The verdict line's text (`bound`: a context-bounded search's preemption bound). */
export function verdictText(o: ExploreOutcome, bound?: number): string {
  const s = o.stats;
  switch (o.verdict) {
    case 'exhausted':
      if (bound !== undefined) return `exhausted: every schedule with at most ${bound} preemption${bound === 1 ? '' : 's'} checked (${s.states} configurations, none further than ${s.depthCompleted} commands)`;
      return `exhausted: every state of the scope reached and checked (${s.states} states, none further than ${s.depthCompleted} commands)`;
    case 'bounded': return `bounded: no counterexample within depth ${s.depthCompleted} (more states lie beyond; not a proof for longer sequences)`;
    case 'counterexample': return `counterexample: ${o.counterexample.message}`;
    case 'incomplete': return `incomplete: ${o.reason === 'time' ? 'time limit' : o.reason === 'states' ? 'state cap' : 'fingerprint table full'} reached; no counterexample within depth ${s.depthCompleted}`;
  }
}

/** The human report, newline-terminated. */
export function formatReport(o: ExploreOutcome, h: ExploreHeader, cx?: CounterexampleReport): string {
  const s = o.stats;
  const lines = [
    `hmm-check explore: ${h.system}; scope: ${h.scope}; depth bound ${h.maxDepth}; ${s.workers} worker${s.workers === 1 ? '' : 's'}; ${h.contextBound === undefined ? `partial-order reduction ${h.reduction ? 'on' : 'off'}` : `at most ${h.contextBound} preemption${h.contextBound === 1 ? '' : 's'}`}`,
    `states     ${s.states} distinct (new per depth: ${s.newStates.join(', ')})`,
    `depth      ${s.depthCompleted} completed${s.exhausted ? ' (no new state after it: the whole scope)' : ''}`,
    `commands   ${s.transitions} tried (${s.noops} left the state as it was), ${s.asleep} asleep (partial-order reduction)`,
    `speed      ${Math.round(s.statesPerSecond)} states/s, ${(s.elapsedMs / 1000).toFixed(1)} s`,
    `keys       64-bit fingerprints; collision probability ${s.fingerprintCollisionProbability.toPrecision(2)} (TLC's optimistic estimate)`,
  ];
  if (s.shortestSchedule !== undefined) lines.push(`schedules  every complete schedule is at least ${s.shortestSchedule} commands long`);
  if (o.verdict !== 'counterexample' || cx === undefined) lines.push(`verdict    ${verdictText(o, h.contextBound)}`);
  else lines.push(...counterexampleLines(cx));
  return `${lines.join('\n')}\n`;
}

/** A counterexample as `hmm-check run` prints one. */
function counterexampleLines(cx: CounterexampleReport): string[] {
  const f = cx.failure;
  const lines = [`verdict    counterexample: ${f.message}`, '', `program (shortest, ${cx.program.length} calls):`, ...cx.program.map((l) => `  ${l}`)];
  if (f.diff !== undefined && f.diff.length > 0) lines.push('', 'first difference (model vs impl, SPEC §7):', ...shownDiff(f.diff).map((l) => `  ${l}`));
  const broken = f.brokenRules ?? [];
  if (broken.length > 0) lines.push('', f.kind === 'rule' ? 'rules broken:' : 'rules broken as well:', ...brokenRuleLines(broken).map((l) => `  ${l}`));
  else if (f.entities !== undefined) lines.push('', `rule ${f.rule ?? '?'} (${f.side === 'impl' ? 'implementation' : 'model and implementation'}):`, ...f.entities.slice(0, 8).map((l) => `  ${l}`));
  lines.push('', `replay     ${cx.replay}`);
  if (cx.tracePath !== undefined) lines.push(`trace      ${cx.tracePath}  (hmm-check replay ${cx.tracePath})`);
  else lines.push('trace (SPEC §8; save it and run hmm-check replay FILE, or use --out DIR):', ...cx.trace.trimEnd().split('\n'));
  return lines;
}

/** The machine report (`--json`): the issue's fields first, then the rest of the figures. */
export function reportJson(o: ExploreOutcome, h: ExploreHeader, cx?: CounterexampleReport): Record<string, unknown> {
  const s = o.stats;
  return {
    verdict: o.verdict,
    exhausted: s.exhausted,
    depthCompleted: s.depthCompleted,
    states: s.states,
    statesPerSecond: Math.round(s.statesPerSecond),
    workers: s.workers,
    fingerprintCollisionProbability: s.fingerprintCollisionProbability,
    maxDepth: h.maxDepth,
    system: h.system,
    scope: h.scope,
    reduction: h.reduction,
    ...(h.contextBound === undefined ? {} : { contextBound: h.contextBound }),
    newStates: s.newStates,
    transitions: s.transitions,
    noops: s.noops,
    asleep: s.asleep,
    ...(s.shortestSchedule === undefined ? {} : { shortestSchedule: s.shortestSchedule }),
    elapsedSeconds: Math.round(s.elapsedMs) / 1000,
    ...(o.verdict === 'incomplete' ? { reason: o.reason } : {}),
    ...(o.verdict === 'counterexample' ? { minimalLength: o.counterexample.steps.length, rule: o.counterexample.rule } : {}),
    ...(cx === undefined ? {} : { counterexample: cx }),
  };
}
