/**
 * A parsed trace (SPEC §8): the world's configuration and its lines, each a command with an
 * optional expected result, or a comment (`{"note": ...}`). Line numbers are 1-based file lines.
 */
import type { Command, Result, WorldConfig } from '../../spec/index.js';

/** A command to apply, with the result it must give if the trace says so. */
export interface TraceStep {
  readonly command: Command;
  readonly expect?: Result;
}

/** A command line of a trace file. */
export interface TraceCommandLine extends TraceStep {
  readonly line: number;
}

/** A comment line of a trace file: `{"note": "..."}`. Reports show it. */
export interface TraceNoteLine {
  readonly line: number;
  readonly note: string;
}

/** One non-header line of a trace, in file order. */
export type TraceLine = TraceCommandLine | TraceNoteLine;

/** A whole trace: line 1's configuration, then every other line. */
export interface Trace {
  readonly config: WorldConfig;
  readonly lines: readonly TraceLine[];
}

/** True when the line is a command (not a comment). */
export function isCommandLine(line: TraceLine): line is TraceCommandLine {
  return 'command' in line;
}
