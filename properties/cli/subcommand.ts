/**
 * A subcommand of `hmm-check`: its name, a one-line summary, its `--help` text and its body.
 * Exit codes (README): 0 pass, 1 counterexample, 2 bad usage or bad input, 3 incomplete,
 * 130 interrupted by Ctrl-C.
 */
export interface Subcommand {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  /** Runs with the arguments after the subcommand's name; resolves to the exit code. */
  run(argv: readonly string[]): Promise<number>;
}

export const EXIT_PASS = 0;
export const EXIT_COUNTEREXAMPLE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INCOMPLETE = 3;
/** Ctrl-C (SIGINT) stopped it: 128 + 2, the shell's convention. */
export const EXIT_INTERRUPTED = 130;
