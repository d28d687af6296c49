/**
 * `hmm-check mutants [--json] [--only NAME[,NAME]] [--no-explorer] [--seed N]`: the kill matrix
 * (properties/mutants): each mutant of impl/mutants hunted with the default budget of
 * `npm start`, with the model and with the rules alone, and explored for its minimal
 * counterexample. Exit 0 when every mutant is killed with conformance and every one not
 * conformance-only by a rule alone, 1 otherwise, 2 bad usage. Progress on stderr.
 * The implementation, the model and the matrix are loaded with a dynamic import, as `run` does,
 * so a broken `impl/` does not break the other subcommands.
 */
import type { Mutant } from '../../impl/mutants/index.js';
import type { MutantRow } from '../mutants/index.js';
import { DEFAULT_BUDGET } from '../runner/config.js';
import { UsageError, parseArgs, type FlagSpec } from './args.js';
import { unknownMutant } from './knownMutant.js';
import { checkWriteTarget, writeTarget } from './writeTarget.js';
import { EXIT_COUNTEREXAMPLE, EXIT_PASS, type Subcommand } from './subcommand.js';

const FLAGS: Readonly<Record<string, FlagSpec>> = {
  json: { kind: 'boolean' },
  write: { kind: 'string' },
  only: { kind: 'string' },
  'no-explorer': { kind: 'boolean' },
  seed: { kind: 'integer', min: -0x80000000, max: 0x7fffffff }, // fast-check's seed is a 32-bit signed integer
  list: { kind: 'boolean' },
};

/** What `runMutants` needs from outside; tests pass fakes. */
export interface MutantsDeps {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const DEFAULT_DEPS: MutantsDeps = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** The mutants `--only` names (all without it); an unknown name is a usage error. */
export function selectMutants(all: readonly Mutant[], only: string | undefined): Mutant[] {
  if (only === undefined) return [...all];
  return only.split(',').filter((n) => n !== '').map((name) => {
    const m = all.find((x) => x.name === name);
    if (m === undefined) throw unknownMutant(name, all);
    return m;
  });
}

function progress(row: MutantRow, i: number, total: number): string {
  const alone = row.rulesAlone.length > 0 ? row.rulesAlone.join(',') : 'no rule';
  return `[${i + 1}/${total}] ${row.name}: ${row.killed ? `killed by ${row.killedBy} in ${row.msToKill} ms` : 'SURVIVED'}; alone: ${alone}\n`;
}

/** `--list`: each mutant's name, family and the first sentence of its description, one a line. */
export function formatList(all: readonly Mutant[]): string {
  const width = Math.max(...all.map((m) => m.name.length));
  return all.map((m) => `${m.name.padEnd(width)}  ${m.family.padEnd(9)}  ${m.description.split(/(?<=\.)\s/)[0]}\n`).join('');
}

/** The body of `hmm-check mutants`; resolves to the exit code. */
export async function runMutants(argv: readonly string[], deps: MutantsDeps = DEFAULT_DEPS): Promise<number> {
  const { flags } = parseArgs(argv, FLAGS);
  const { MUTANTS } = await import('../../impl/mutants/index.js');
  if (flags['list'] === true) {
    deps.stdout(formatList(MUTANTS));
    return EXIT_PASS;
  }
  const { formatMatrix, killMatrix, matrixJson } = await import('../mutants/index.js');
  const mutants = selectMutants(MUTANTS, typeof flags['only'] === 'string' ? flags['only'] : undefined);
  if (mutants.length === 0) throw new UsageError(`flag '--only' names no mutant`);
  const seed = typeof flags['seed'] === 'number' ? flags['seed'] : DEFAULT_BUDGET.seed;
  const write = typeof flags['write'] === 'string' ? flags['write'] : undefined;
  if (write !== undefined) checkWriteTarget(write);
  const matrix = killMatrix(mutants, { seed, explorer: flags['no-explorer'] !== true, onMutant: (row, i, n) => deps.stderr(progress(row, i, n)) });
  deps.stdout(flags['json'] === true ? `${JSON.stringify(matrixJson(matrix))}\n` : formatMatrix(matrix));
  if (write !== undefined) {
    // The matrix and how it ran, as the checked-in file docs/semantics.md is generated from.
    const { formatKillMatrixFile, killMatrixFile } = await import('../mutants/index.js');
    writeTarget(write, formatKillMatrixFile(killMatrixFile(matrix, { seed, explorer: flags['no-explorer'] !== true })));
  }
  return matrix.pass ? EXIT_PASS : EXIT_COUNTEREXAMPLE;
}

const HELP = `usage: hmm-check mutants [--json] [--only NAME[,NAME]] [--no-explorer] [--seed N]
       hmm-check mutants --list

Runs the checker against each mutant of the implementation (impl/mutants: named faults that a
world is built with) and prints the kill matrix. Each mutant is hunted twice with the default
budget of npm start (seed ${DEFAULT_BUDGET.seed}, ${DEFAULT_BUDGET.runs} random runs then ${DEFAULT_BUDGET.guidedRuns} guided runs, x ${DEFAULT_BUDGET.steps} steps;
stop at the first counterexample, shrink it, minimize it by ddmin): with conformance (model
comparison and every rule) and with the rules alone (no model: the SPEC §6 rules,
memoryIsMemory, drainable and the implementation's ptStructure). The
explorer (depth 6, 8 s cap) gives the minimal counterexample length where it reaches one.

columns: mutant, killed, by what (observation/result mismatch or rule), ms to the first failure,
minimized (1-minimal) counterexample length, explorer minimal length, the rules that kill it alone. Then each
rule with the mutants it kills alone (a rule killing nothing is flagged) and the mutants that
are conformance-only, with the reason.

flags:
  --json            print {"mutants": [{name, killed, killedBy, rulesAlone, msToKill, shrunkLength, minimalLength, ...}], "rules", "idleRules", "pass"}
  --only N[,N]      only these mutants
  --write FILE      also record the matrix in FILE (bench/kill-matrix.json: docs/semantics.md is
                    generated from it by hmm-check docs), with the seed and explorer setting
  --no-explorer     skip the explorer (minimalLength null)
  --seed N          fast-check seed, -2147483648..2147483647 (default ${DEFAULT_BUDGET.seed})
  --list            print each mutant's name, family and what it breaks, and exit

exit: 0 every mutant killed with conformance and every one not conformance-only by a rule alone,
      1 otherwise, 2 bad usage`;

/** \`hmm-check mutants\`. */
export const mutantsCommand: Subcommand = {
  name: 'mutants',
  summary: 'kill matrix: the checker against each mutant of the implementation',
  help: HELP,
  run: (argv) => runMutants(argv),
};
