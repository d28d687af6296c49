/**
 * `hmm-check docs [--write FILE | --check FILE] [--matrix FILE]`: the generated parts of
 * docs/semantics.md (the commands and their order of checks, the statecharts, the rules, the
 * observation's fields, the mutants), rendered from the code and the kill matrix's last result
 * (bench/kill-matrix.json) between `<!-- generated:NAME:begin -->` and `…:end -->` markers.
 * Without a flag it prints the package's docs/semantics.md as it would write it. The generator is
 * loaded with a dynamic import, as `run` loads the implementation, so a broken impl/ or model/
 * does not break the other subcommands.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { KillMatrixFile } from '../mutants/index.js';
import { UsageError, parseArgs } from './args.js';
import { packageRoot } from './scenarios.js';
import { EXIT_COUNTEREXAMPLE, EXIT_PASS, type Subcommand } from './subcommand.js';
import { checkWriteTarget, writeTarget } from './writeTarget.js';

/** The document the generator keeps, from the package root. */
export const SEMANTICS_DOC = 'docs/semantics.md';

const FLAGS = { write: { kind: 'string' }, check: { kind: 'string' }, matrix: { kind: 'string' } } as const;

/** What `runDocs` needs from outside; tests pass fakes. */
export interface DocsDeps {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly root: string;
}

function readText(file: string, what: string): string {
  if (!existsSync(file)) throw new UsageError(`no such file '${file}' (${what})`);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? ` (${String(e.code)})` : '';
    throw new UsageError(`cannot read '${file}'${code}`);
  }
}

async function readMatrix(file: string): Promise<KillMatrixFile | undefined> {
  if (!existsSync(file)) return undefined;
  const { parseKillMatrixFile } = await import('../mutants/index.js');
  const parsed = parseKillMatrixFile(readText(file, 'the kill matrix'));
  if (typeof parsed === 'string') throw new UsageError(`'${file}' is not a kill matrix of hmm-check mutants --write: ${parsed}`);
  return parsed;
}

/** A path from the package root with `/` separators. */
const fromRoot = (root: string, file: string): string => relative(root, resolve(file)).split(sep).join('/');

/** The body of `hmm-check docs`; resolves to the exit code. */
export async function runDocs(argv: readonly string[], deps: DocsDeps): Promise<number> {
  const { flags } = parseArgs(argv, FLAGS);
  const write = typeof flags['write'] === 'string' ? flags['write'] : undefined;
  const check = typeof flags['check'] === 'string' ? flags['check'] : undefined;
  if (write !== undefined && check !== undefined) throw new UsageError("give '--write FILE' or '--check FILE', not both");
  if (write !== undefined) checkWriteTarget(write);
  const file = write ?? check ?? join(deps.root, SEMANTICS_DOC);
  const text = readText(file, 'the document to generate into');
  const matrixFile = typeof flags['matrix'] === 'string' ? flags['matrix'] : join(deps.root, 'bench/kill-matrix.json');
  const matrix = await readMatrix(matrixFile);
  const { DocsError, gatherFacts, generateDocs, staleBlocks } = await import('../docs/index.js');
  try {
    const facts = gatherFacts(deps.root, fromRoot(deps.root, file), matrix, fromRoot(deps.root, matrixFile));
    const fresh = generateDocs(text, facts);
    if (check !== undefined) {
      const stale = staleBlocks(text, facts);
      if (stale.length === 0) return EXIT_PASS;
      deps.stderr(`${check}: stale generated parts: ${stale.join(', ')} (run hmm-check docs --write ${check})\n`);
      return EXIT_COUNTEREXAMPLE;
    }
    if (write !== undefined) writeTarget(write, fresh);
    else deps.stdout(fresh);
    return EXIT_PASS;
  } catch (e) {
    if (!(e instanceof DocsError)) throw e;
    deps.stderr(`hmm-check docs: ${e.message}\n`);
    return 70;
  }
}

const HELP = `usage: hmm-check docs [--write FILE | --check FILE] [--matrix FILE]

Renders the generated parts of docs/semantics.md from the code: the commands with their fields
and their error codes in SPEC §3's order of checks (spec/orderOfChecks.ts), each linked to its
definition and to the test that reaches each code; the statecharts (model/statecharts); the rules
with what they read and the mutants each kills alone; the observation's fields
(spec/observationFields.ts); the mutants with what kills them. What kills what comes from the
kill matrix's last result, the file hmm-check mutants --write writes. Each part lies between
<!-- generated:NAME:begin --> and <!-- generated:NAME:end -->; the prose around it is kept.
Without a flag, prints the package's docs/semantics.md as --write would leave it.

flags:
  --write FILE    refresh the generated parts of FILE in place (e.g. docs/semantics.md)
  --check FILE    change nothing; exit 1 naming the parts of FILE that differ from the code
  --matrix FILE   the kill matrix to read (default: bench/kill-matrix.json of the package)

exit: 0 printed, written or up to date; 1 stale (--check); 2 bad usage or unreadable file;
      70 the code no longer has what the document links to (a definition or test moved away)`;

/** `hmm-check docs`. */
export const docsCommand: Subcommand = {
  name: 'docs',
  summary: 'refresh or check the generated parts of docs/semantics.md',
  help: HELP,
  run: (argv) => runDocs(argv, { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t), root: packageRoot() }),
};
