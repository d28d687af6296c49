/**
 * Progress of `hmm-check replay` on stderr, for replays longer than a second: one `\r`-updated
 * line on a terminal (at most four times a second), plain lines otherwise (at most one a
 * second), as `hmm-check run` reports its runs (properties/runner/progressPrinter.ts).
 */

/** Where progress goes, and the clock it is measured with (ms). */
export interface ReplayProgressSink {
  readonly isTTY: boolean;
  write(text: string): void;
  now(): number;
}

/** Calls to `tick` between two looks at the clock. */
const EVERY = 256;

export class ReplayProgress {
  private readonly started: number;
  private last = 0;
  private open = false;
  private calls = 0;

  constructor(private readonly sink: ReplayProgressSink) {
    this.started = sink.now();
  }

  /** Line `line` was read (`of`: the file's line count once known). */
  tick(line: number, of?: number): void {
    if (++this.calls % EVERY !== 0) return;
    const elapsed = this.sink.now() - this.started;
    if (elapsed < 1000 || elapsed - this.last < (this.sink.isTTY ? 250 : 1000)) return;
    this.last = elapsed;
    const rate = Math.round((line * 1000) / elapsed);
    const where = of === undefined ? `reading line ${line}` : `line ${line} of ${of} (${Math.floor((100 * line) / of)}%)`;
    const text = `replay: ${where}, ${rate} lines/s, ${(elapsed / 1000).toFixed(1)} s`;
    if (this.sink.isTTY) {
      this.sink.write(`\r${text}\x1b[K`);
      this.open = true;
    } else this.sink.write(`${text}\n`);
  }

  /** Ends the `\r` line, if one is open. */
  done(): void {
    if (this.open) this.sink.write('\n');
    this.open = false;
  }
}
