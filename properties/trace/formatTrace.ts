/**
 * Prints traces (SPEC §8): the checker prints every counterexample this way, so it can be
 * saved, replayed, edited and kept as a regression test. `parseTrace(formatTrace(...))` gives
 * back the same config, commands, expects and notes.
 */
import { COMMAND_FIELDS, type Command, type WorldConfig } from '../../spec/index.js';
import type { TraceStep } from './trace.js';

/** A comment printed before step `before` (`before === steps.length`: after the last step). */
export interface TraceNote {
  readonly before: number;
  readonly note: string;
}

/** One line's content: a step, or a note. */
export type TraceItem = TraceStep | { readonly note: string };

/** A command as one JSON object: `cmd` first, then its fields in `COMMAND_FIELDS` order. */
export function commandJson(command: Command): Record<string, unknown> {
  const source = command as unknown as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = { cmd: command.cmd };
  for (const field of Object.keys(COMMAND_FIELDS[command.cmd])) {
    if (source[field] !== undefined) out[field] = source[field];
  }
  return out;
}

/** One JSON line (no newline): `{"cmd":"devRead","dev":0,"mm":0,"vpn":17}`. */
export function formatCommand(command: Command): string {
  return JSON.stringify(commandJson(command));
}

/** One trace line for a step: the command, then `expect` if any. */
export function formatStep(step: TraceStep): string {
  const o = commandJson(step.command);
  if (step.expect !== undefined) o['expect'] = step.expect;
  return JSON.stringify(o);
}

/** The header line: `{"hmmTrace":1,"config":{"devices":2}}`. */
export function formatHeader(config: WorldConfig): string {
  return JSON.stringify({ hmmTrace: 1, config: { devices: config.devices } });
}

/** A whole trace from its items in order, newline-terminated. */
export function formatTraceItems(config: WorldConfig, items: readonly TraceItem[]): string {
  const lines = [formatHeader(config)];
  for (const item of items) lines.push('command' in item ? formatStep(item) : JSON.stringify({ note: item.note }));
  return `${lines.join('\n')}\n`;
}

/** A whole trace from steps, with optional notes placed before given steps; newline-terminated. */
export function formatTrace(config: WorldConfig, steps: readonly TraceStep[], notes: readonly TraceNote[] = []): string {
  const items: TraceItem[] = [];
  const notesBefore = (i: number): void => {
    for (const n of notes) if (n.before === i) items.push({ note: n.note });
  };
  steps.forEach((step, i) => {
    notesBefore(i);
    items.push(step);
  });
  notesBefore(steps.length);
  return formatTraceItems(config, items);
}
