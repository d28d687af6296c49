/**
 * Prints a replay outcome (SPEC §8) for people: the verdict, and on failure the line, the
 * command as a trace line, the note before it and what broke.
 */
import { formatResult } from '../../spec/index.js';
import { formatCommand } from './formatTrace.js';
import { MAX_QUOTED, printable } from './printable.js';
import type { ReplayFailure, ReplayOutcome } from './replayOutcome.js';

const MAX_BREACHES = 10;

/** How many observation differences to print: the first (and how many more), or all. */
export type DiffShown = 'first' | 'all';

/** The differences to print: the first with a count of the others, or every one. */
export function shownDiff(diff: readonly string[], shown: DiffShown = 'first'): string[] {
  if (shown === 'all' || diff.length <= 1) return [...diff];
  return [diff[0]!, `(${diff.length - 1} more ${diff.length === 2 ? 'entry differs' : 'entries differ'}: --diff all shows every one)`];
}

/** What broke, one line per fact. */
export function describeFailure(reason: ReplayFailure, diff: DiffShown = 'first'): string[] {
  switch (reason.kind) {
    case 'expect':
      return [`${reason.world} gave ${formatResult(reason.actual)}, the trace expects ${formatResult(reason.expected)}`];
    case 'result-mismatch':
      return [`results differ: ${reason.results.map((r) => `${r.world} ${formatResult(r.result)}`).join(' vs ')}`];
    case 'observation-mismatch':
      return [`observations differ (${reason.worlds[0]} vs ${reason.worlds[1]}):`, ...shownDiff(reason.diff, diff).map((d) => `  ${d}`)];
    case 'rule': {
      const shown = reason.breaches.slice(0, MAX_BREACHES).map((b) => `  ${b.rule}: ${b.message}`);
      const more = reason.breaches.length > MAX_BREACHES ? [`  ... and ${reason.breaches.length - MAX_BREACHES} more`] : [];
      return [`rule ${reason.rule} broken on ${reason.world}:`, ...shown, ...more];
    }
    case 'exception':
      return [`${reason.world} threw: ${reason.message}`];
  }
}

/**
 * The report's lines (no trailing newline): `PASS: 14 commands` or the failure in detail. Text
 * from the trace (the file name, the note, messages that quote it) is escaped and bounded.
 */
export function formatReplayReport(outcome: ReplayOutcome, source: string, worlds: readonly string[], diff: DiffShown = 'first'): string[] {
  const on = `on ${worlds.join(' and ')}`;
  const file = printable(source, MAX_QUOTED);
  if (outcome.verdict === 'pass') return [`PASS ${file} ${on}: ${outcome.steps} commands replayed`];
  return [
    `FAIL ${file} ${on}: line ${outcome.line} (command ${outcome.steps})`,
    `  command: ${printable(formatCommand(outcome.command))}`,
    ...(outcome.note === undefined ? [] : [`  note:    ${printable(outcome.note)}`]),
    ...describeFailure(outcome.reason, diff).map((l) => `  ${printable(l, 1000)}`),
  ];
}
