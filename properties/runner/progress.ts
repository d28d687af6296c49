/**
 * Progress of a conformance check as it goes: runs done, commands, throughput, coverage so far.
 * The runner calls `tick` after every run; the sink is called at most every `intervalMs`.
 */
import type { CoverageSummary } from './ports.js';

/** A progress snapshot. */
export interface Progress {
  readonly runs: number;
  readonly commands: number;
  readonly elapsedMs: number;
  readonly commandsPerSecond: number;
  readonly coverage: CoverageSummary;
}

/** Counts runs and commands; forwards a snapshot to `sink` at most every `intervalMs`. */
export class ProgressMeter {
  runs = 0;
  commands = 0;
  private readonly started = performance.now();
  private lastReport = this.started;

  constructor(
    private readonly coverage: () => CoverageSummary,
    private readonly sink?: (p: Progress) => void,
    private readonly intervalMs = 250,
  ) {}

  /** Records one run of `commands` commands. */
  tick(commands: number): void {
    this.runs++;
    this.commands += commands;
    if (this.sink === undefined) return;
    const now = performance.now();
    if (now - this.lastReport < this.intervalMs) return;
    this.lastReport = now;
    this.sink(this.snapshot());
  }

  /** Milliseconds since the meter started. */
  elapsedMs(): number {
    return performance.now() - this.started;
  }

  /** The figures so far. */
  snapshot(): Progress {
    const elapsedMs = this.elapsedMs();
    const commandsPerSecond = elapsedMs > 0 ? Math.round((this.commands * 1000) / elapsedMs) : 0;
    return { runs: this.runs, commands: this.commands, elapsedMs, commandsPerSecond, coverage: this.coverage() };
  }
}
