/**
 * Ctrl-C (SIGINT) during `hmm-check run`: the check runs as a stoppable property
 * (properties/runner/interruptible.ts) that this signal stops between runs, so the summary of
 * what ran can still be printed; exit 130, the shell's code for SIGINT.
 */
import { EXIT_INTERRUPTED } from './subcommand.js';

/**
 * Ctrl-C while the check runs: the first SIGINT stops it after the run in progress (the summary
 * of what ran is printed, exit 130); a second one exits at once with 130, as the shell would.
 */
export function onCtrlC(): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', handler);
  return { signal: controller.signal, dispose: () => void process.off('SIGINT', handler) };
}
