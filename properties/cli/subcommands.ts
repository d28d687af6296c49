/** The subcommands of `hmm-check`, in the order `--help` lists them. */
import type { Subcommand } from './subcommand.js';

export const subcommands: readonly Subcommand[] = [];
