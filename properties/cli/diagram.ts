/**
 * `hmm-check diagram [--format mermaid|dot] [--write FILE]`: prints every statechart of the model
 * (SPEC §5), generated from the XState definitions. `--write FILE` instead puts the Mermaid
 * diagrams into FILE between `<!-- diagrams:begin -->` and `<!-- diagrams:end -->` (appending the
 * block under `## Statecharts` if FILE has none), which is how the README's copy is kept current.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { faultMachine, fenceMachine, invalidationMachine, mirrorMachine } from '../../model/index.js';
import { DIAGRAM_FORMATS, diagramsBlock, renderDiagrams, replaceDiagramsBlock, type DiagramFormat } from '../diagram/index.js';
import { quote } from '../trace/printable.js';
import { parseArgs, UsageError } from './args.js';
import { EXIT_PASS, type Subcommand } from './subcommand.js';

/** The four lifecycle machines in SPEC §5 order. */
export const DIAGRAM_MACHINES = [mirrorMachine, invalidationMachine, faultMachine, fenceMachine] as const;

/** Replaces the diagrams block of `file`; a path that is not a readable, writable file is bad input. */
function writeBlock(file: string): void {
  if (!existsSync(file)) throw new UsageError(`no such file ${quote(file)}`);
  if (!statSync(file).isFile()) throw new UsageError(`flag '--write' needs a file, ${quote(file)} is not one`);
  try {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, replaceDiagramsBlock(text, diagramsBlock(DIAGRAM_MACHINES)));
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? ` (${String(e.code)})` : '';
    throw new UsageError(`cannot rewrite ${quote(file)}${code}`);
  }
}

/** The `diagram` subcommand. */
export const diagram: Subcommand = {
  name: 'diagram',
  summary: 'print the statecharts (mirror, invalidation, fault, fence) as Mermaid or DOT',
  help: [
    'usage: hmm-check diagram [--format mermaid|dot] [--write FILE]',
    '',
    'Prints each lifecycle statechart of SPEC §5, generated from the XState machine definitions',
    '(states, EVENT [guard] / actions on each transition, final states).',
    '',
    '  --format mermaid|dot  output format (default mermaid: stateDiagram-v2 in fenced blocks)',
    '  --write FILE          write the Mermaid diagrams into FILE between <!-- diagrams:begin -->',
    '                        and <!-- diagrams:end --> (e.g. README.md) instead of printing',
  ].join('\n'),
  async run(argv) {
    const { flags } = parseArgs(argv, { format: { kind: 'string', oneOf: DIAGRAM_FORMATS }, write: { kind: 'string' } });
    const format = (flags['format'] as DiagramFormat | undefined) ?? 'mermaid';
    if (typeof flags['write'] === 'string') {
      if (format !== 'mermaid') throw new UsageError('--write takes the Mermaid diagrams only (drop --format dot)');
      writeBlock(flags['write']);
      return EXIT_PASS;
    }
    process.stdout.write(renderDiagrams(DIAGRAM_MACHINES, format));
    return EXIT_PASS;
  },
};
