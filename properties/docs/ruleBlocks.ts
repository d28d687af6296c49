/**
 * The rules' generated part (`rules`): each rule the checker holds, linked to its definition,
 * with its statement, source, what it reads and the mutants it kills alone in the kill matrix's
 * last result (RULES, RULES_APART, bench/kill-matrix.json).
 */
import type { DocFacts, RuleDoc } from './facts.js';
import { linkToFile, linkToPlace } from './links.js';

const code = (s: string): string => (/^[a-zA-Z]+$/.test(s) ? `\`${s}\`` : s);

function killsAlone(f: DocFacts, id: string): string {
  if (f.matrix === undefined) return `not known: no ${f.matrixFile} yet`;
  const entry = f.matrix.rules.find((r) => r.rule === id);
  if (entry === undefined) return `not in ${f.matrixFile}: rerun \`hmm-check mutants --write ${f.matrixFile}\``;
  if (entry.mutants.length === 0) return 'no mutant (flagged by the matrix)';
  return entry.mutants.map((m) => `\`${m}\``).join(', ');
}

function ruleItem(f: DocFacts, r: RuleDoc): string {
  return [
    `- [\`${r.id}\`](${linkToFile(f.doc, r.place)}): ${r.rule}.`,
    `  *Source:* ${r.source}.`,
    `  *Reads:* ${r.reads.map(code).join(', ')}.`,
    `  *Kills alone:* ${killsAlone(f, r.id)}.`,
  ].join('\n');
}

/** Block `rules`. */
export function rulesBlock(f: DocFacts): string {
  return f.rules.map((r) => ruleItem(f, r)).join('\n');
}
