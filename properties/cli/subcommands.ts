/** The subcommands of `hmm-check`, in the order `--help` lists them. */
import { checkCommand } from './check.js';
import { diagram } from './diagram.js';
import { docsCommand } from './docs.js';
import { exploreCommand } from './explore.js';
import { mergeCommand } from './merge.js';
import { mutantsCommand } from './mutants.js';
import { replay } from './replay.js';
import { run } from './run.js';
import { scenarios } from './scenarios.js';
import type { Subcommand } from './subcommand.js';

export const subcommands: readonly Subcommand[] = [checkCommand, run, replay, exploreCommand, scenarios, diagram, docsCommand, mutantsCommand, mergeCommand];
