/**
 * Progress on stderr for runs longer than a second: one `\r`-updated line on a TTY (at most four
 * times a second, as the meter calls), plain lines otherwise (at most one a second).
 */
import type { Progress } from './progress.js';

/** Where progress goes. */
export interface ProgressSink {
  readonly isTTY: boolean;
  write(text: string): void;
}

/** One line: runs done, commands, throughput, coverage so far. */
export function progressLine(p: Progress): string {
  const { states, transitions } = p.coverage;
  return `runs ${p.runs}, ${p.commands} commands, ${p.commandsPerSecond}/s, states ${states.reached}/${states.total}, transitions ${transitions.reached}/${transitions.total}, ${(p.elapsedMs / 1000).toFixed(1)} s`;
}

/** A progress callback writing to `sink`, and `done()` to end the `\r` line. */
export function progressPrinter(sink: ProgressSink): { readonly onProgress: (p: Progress) => void; done(): void } {
  let open = false;
  let lastLine = 0;
  return {
    onProgress(p) {
      if (p.elapsedMs < 1000) return;
      if (!sink.isTTY && p.elapsedMs - lastLine < 1000) return;
      lastLine = p.elapsedMs;
      if (sink.isTTY) {
        sink.write(`\r${progressLine(p)}\x1b[K`);
        open = true;
      } else sink.write(`${progressLine(p)}\n`);
    },
    done() {
      if (open) sink.write('\n');
      open = false;
    },
  };
}
