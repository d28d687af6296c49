/**
 * The mutants' generated part (`mutants`): each named fault of impl/mutants by family, linked to
 * its definition, with what it breaks and what killed it in the kill matrix's last result
 * (bench/kill-matrix.json): the first failure under conformance and the rules that kill it alone,
 * or why no rule alone can (conformance-only).
 */
import type { Mutant } from '../../impl/mutants/index.js';
import type { MatrixFileRow } from '../mutants/index.js';
import type { DocFacts } from './facts.js';
import { linkToFile, linkToPlace } from './links.js';

function firstFailure(by: string | null): string {
  if (by === 'observation') return 'observations differ';
  if (by === 'result') return 'results differ';
  if (by === 'crash') return 'the implementation crashed';
  return by === null ? 'nothing' : `rule \`${by}\` broke`;
}

function verdict(f: DocFacts, m: Mutant, row: MatrixFileRow | undefined): string {
  if (row === undefined) return `*Not in ${f.matrixFile}:* rerun \`hmm-check mutants --write ${f.matrixFile}\`.`;
  if (!row.killed) return `**Survived** the last kill matrix.`;
  const shrunk = row.shrunkLength === null ? '' : `, shrunk to ${row.shrunkLength} commands`;
  const conformance = `*Killed* by conformance (${firstFailure(row.killedBy)}${shrunk})`;
  if (row.rulesAlone.length > 0) return `${conformance}; *alone by* ${row.rulesAlone.map((r) => `\`${r}\``).join(', ')}.`;
  const why = row.conformanceOnly ?? m.conformanceOnly;
  return why === undefined ? `${conformance}; **no rule alone kills it**.` : `${conformance}; *conformance-only:* ${why}.`;
}

/** Block `mutants`. */
export function mutantsBlock(f: DocFacts): string {
  const families = [...new Set(f.mutants.map((m) => m.family))];
  const out: string[] = [];
  for (const family of families) {
    const mutants = f.mutants.filter((m) => m.family === family);
    out.push(`**${family}** (${mutants.length})`, '');
    for (const m of mutants) {
      const row = f.matrix?.mutants.find((r) => r.name === m.name);
      out.push(`- [\`${m.name}\`](${linkToFile(f.doc, f.mutantPlaces.get(m.name)!)}): ${m.description} ${verdict(f, m, row)}`);
    }
    out.push('');
  }
  out.pop();
  return out.join('\n');
}
