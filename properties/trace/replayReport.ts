/**
 * Prints a replay outcome (SPEC §8) for people: the verdict, and on failure the line, the
 * command as a trace line, the note before it and what broke.
 */
import { formatResult } from '../../spec/index.js';
import { formatCommand } from './formatTrace.js';
import { MAX_QUOTED, printable } from './printable.js';
import type { ReplayFailure, ReplayOutcome } from './replayOutcome.js';

const MAX_BREACHES = 10;

/** What broke, one line per fact. */
export function describeFailure(reason: ReplayFailure): string[] {
  switch (reason.kind) {
    case 'expect':
      return [`${reason.world} gave ${formatResult(reason.actual)}, the trace expects ${formatResult(reason.expected)}`];
    case 'result-mismatch':
      return [`results differ: ${reason.results.map((r) => `${r.world} ${formatResult(r.result)}`).join(' vs ')}`];
    case 'observation-mismatch':
      return [`observations differ (${reason.worlds[0]} vs ${reason.worlds[1]}):`, ...reason.diff.map((d) => `  ${d}`)];
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
export function formatReplayReport(outcome: ReplayOutcome, source: string, worlds: readonly string[]): string[] {
  const on = `on ${worlds.join(' and ')}`;
  const file = printable(source, MAX_QUOTED);
  if (outcome.verdict === 'pass') return [`PASS ${file} ${on}: ${outcome.steps} commands replayed`];
  return [
    `FAIL ${file} ${on}: line ${outcome.line} (command ${outcome.steps})`,
    `  command: ${printable(formatCommand(outcome.command))}`,
    ...(outcome.note === undefined ? [] : [`  note:    ${printable(outcome.note)}`]),
    ...describeFailure(outcome.reason).map((l) => `  ${printable(l, 1000)}`),
  ];
}
