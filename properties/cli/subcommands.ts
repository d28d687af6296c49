/** The subcommands of `hmm-check`, in the order `--help` lists them. */
import { exploreCommand } from './explore.js';
import { replay } from './replay.js';
import { run } from './run.js';
import type { Subcommand } from './subcommand.js';

export const subcommands: readonly Subcommand[] = [run, replay, exploreCommand];
