/**
 * The kill matrix as `hmm-check mutants` prints it: one row per mutant, one row per rule with
 * the mutants it kills alone (rules killing nothing flagged), the conformance-only mutants with
 * their reasons, and the verdict. The JSON form is `matrixJson`.
 */
import type { KillMatrix, MutantRow } from './matrix.js';

const dash = (v: number | string | null): string => (v === null ? '-' : String(v));

function mutantLine(r: MutantRow, width: number): string {
  const killed = r.killed ? 'killed' : 'SURVIVED';
  const alone = r.rulesAlone.length > 0 ? r.rulesAlone.join(',') : r.conformanceOnly !== null ? '(conformance-only)' : 'NONE';
  return [r.name.padEnd(width), killed.padEnd(8), dash(r.killedBy).padEnd(18), `${dash(r.msToKill)}`.padStart(6),
    `${dash(r.shrunkLength)}`.padStart(6), `${dash(r.minimalLength)}`.padStart(7), `  ${alone}`].join(' ');
}

/** The human matrix, newline-terminated. */
export function formatMatrix(m: KillMatrix): string {
  const width = Math.max(6, ...m.mutants.map((r) => r.name.length));
  const lines = [
    [`mutant`.padEnd(width), 'killed  ', 'by (conformance)  ', '    ms', 'shrunk', 'minimal', '  rules alone'].join(' '),
    ...m.mutants.map((r) => mutantLine(r, width)),
    '',
    'rule                 mutants it kills alone',
    ...m.rules.map((r) => `${r.rule.padEnd(20)} ${r.mutants.length === 0 ? 'NOTHING (flagged: this rule kills no mutant)' : r.mutants.join(', ')}`),
  ];
  const only = m.mutants.filter((r) => r.conformanceOnly !== null);
  if (only.length > 0) lines.push('', 'conformance-only (no rule alone is expected to kill them):', ...only.map((r) => `  ${r.name}: ${r.conformanceOnly}`));
  const killed = m.mutants.filter((r) => r.killed).length;
  const alone = m.mutants.filter((r) => r.rulesAlone.length > 0).length;
  lines.push('', `verdict: ${m.pass ? 'pass' : 'FAIL'}: ${killed}/${m.mutants.length} killed with conformance, ${alone}/${m.mutants.length} by a rule alone (${only.length} conformance-only)`);
  return `${lines.join('\n')}\n`;
}

/** The JSON object of `hmm-check mutants --json`. */
export function matrixJson(m: KillMatrix): object {
  return {
    mutants: m.mutants.map((r) => ({
      name: r.name, killed: r.killed, killedBy: r.killedBy, rulesAlone: r.rulesAlone, msToKill: r.msToKill,
      shrunkLength: r.shrunkLength, minimalLength: r.minimalLength, family: r.family, conformanceOnly: r.conformanceOnly,
      rulesMsToKill: r.rulesMsToKill, rulesShrunkLength: r.rulesShrunkLength,
    })),
    rules: m.rules,
    idleRules: m.idleRules,
    pass: m.pass,
  };
}
