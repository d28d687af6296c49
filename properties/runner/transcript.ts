/**
 * A run's transcript: every command applied in lockstep with both results. A counterexample is
 * printed from it twice: as a readable program (one call per line, STYLE §10) and as a SPEC §8
 * trace whose `expect`s are the model's results, so replaying the trace passes on the model
 * alone and fails on the implementation at the first differing line (or both break the same rule).
 */
import { formatResult, type Command, type Result, type WorldConfig } from '../../spec/index.js';
import { formatCommand } from '../commands/index.js';
import { formatTraceItems, type TraceItem } from '../trace/index.js';

/** One command of a run and what each world answered (absent: that world threw). */
export interface TranscriptEntry {
  readonly command: Command;
  readonly model?: Result;
  readonly impl?: Result;
}

/** The program: one call per line with the model's result; the failing line ends with `<-- mark`. */
export function formatProgram(entries: readonly TranscriptEntry[], failingIndex?: number, mark = 'fails here'): string[] {
  const calls = entries.map((e) => formatCommand(e.command));
  const width = Math.min(44, Math.max(0, ...calls.map((c) => c.length)));
  return entries.map((e, i) => {
    const shown = e.model === undefined ? 'threw' : formatResult(e.model);
    const line = `${calls[i]!.padEnd(width)}  // ${shown}`;
    if (i !== failingIndex) return line;
    return `${line}   <-- ${mark}`;
  });
}

/** The SPEC §8 trace of a transcript (NDJSON, newline-terminated), `notes` after the header. */
export function transcriptTrace(config: WorldConfig, entries: readonly TranscriptEntry[], notes: readonly string[] = []): string {
  const items: TraceItem[] = notes.map((note) => ({ note }));
  for (const e of entries) items.push(e.model === undefined ? { command: e.command } : { command: e.command, expect: e.model });
  return formatTraceItems(config, items);
}
