/**
 * How an exploration prints: the verdict, the figures (states found, depth completed, states per
 * second), and a counterexample one call per line (STYLE §3) and as a SPEC §8 trace, so it can
 * be saved and replayed with `hmm-check replay`.
 */
import { formatResult, type WorldConfig } from '../../spec/index.js';
import { formatCommand } from '../commands/format.js';
import { formatTrace } from '../trace/index.js';
import type { DepthProgress, ExploreOutcome } from './outcome.js';
import type { Scope } from './scope.js';
import { formatBreach } from './stateCheck.js';

/** One line of progress, on stderr after each completed depth. */
export function formatProgress(p: DepthProgress): string {
  return `explore: depth ${p.depth} complete: ${p.newStates} new, ${p.statesFound} states, ${p.transitions} transitions, ${(p.elapsedMs / 1000).toFixed(1)} s`;
}

/** The scope in one line. */
export function describeScope(s: Scope): string {
  return `mm ${s.mm}, vpns 0..${s.pages - 1}, ${s.devices} device${s.devices === 1 ? '' : 's'}, values {${s.values.join(', ')}}`;
}

/** The human report of an exploration. */
export function formatReport(outcome: ExploreOutcome, world: string, scope: Scope, maxDepth: number): string[] {
  const st = outcome.stats;
  const verdict = outcome.verdict === 'incomplete' ? `incomplete (${outcome.reason === 'states' ? 'state cap' : 'time cap'} reached)` : outcome.verdict;
  const lines = [
    `explore ${world}, depth ${maxDepth}, scope: ${describeScope(scope)}`,
    `verdict: ${verdict}`,
    `states found: ${st.statesFound} (new per depth: ${st.newStates.join(', ')})`,
    `depth completed: ${st.depthCompleted}${st.exhausted ? ' (no new states: the whole reachable space)' : ''}`,
    `transitions: ${st.transitions}`,
    `states per second: ${Math.round(st.statesPerSecond)} (${(st.elapsedMs / 1000).toFixed(2)} s)`,
  ];
  if (outcome.verdict === 'counterexample') {
    const cx = outcome.counterexample;
    lines.push(`shortest counterexample: ${cx.steps.length} command${cx.steps.length === 1 ? '' : 's'}`);
    for (const b of cx.breaches) lines.push(`  breach: ${formatBreach(b)}`);
    cx.steps.forEach((s, i) => lines.push(`  ${String(i + 1).padStart(2)}. ${formatCommand(s.command)} -> ${formatResult(s.result)}`));
  }
  return lines;
}

/** The counterexample as a SPEC §8 trace (with `expect`s), or undefined when there is none. */
export function counterexampleTrace(outcome: ExploreOutcome, config: WorldConfig): string | undefined {
  if (outcome.verdict !== 'counterexample') return undefined;
  const steps = outcome.counterexample.steps.map((s) => ({ command: s.command, expect: s.result }));
  const notes = outcome.counterexample.breaches.map((b) => ({ before: steps.length, note: `breaks ${formatBreach(b)}` }));
  return formatTrace(config, steps, notes);
}

/** The machine report (`--json`). */
export function reportJson(outcome: ExploreOutcome, world: string, scope: Scope, maxDepth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { world, scope, maxDepth, verdict: outcome.verdict, ...outcome.stats };
  if (outcome.verdict === 'incomplete') out['reason'] = outcome.reason;
  if (outcome.verdict === 'counterexample') {
    out['minimalLength'] = outcome.counterexample.steps.length;
    out['breaches'] = outcome.counterexample.breaches;
    out['steps'] = outcome.counterexample.steps;
  }
  return out;
}
