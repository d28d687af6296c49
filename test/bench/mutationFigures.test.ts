/**
 * The mutation score of issue 13, killed / (all − equivalent), computed by hand on a tiny report:
 * 7 mutants of which one does not compile (not counted: 6 remain), 2 killed, 1 timed out
 * (detected), 2 survived, 1 not covered; the ledger calls one survivor equivalent and accounts for
 * the other, so the score is (2 + 1) / (6 − 1) = 0.6 and nothing is unaccounted but the uncovered one.
 */
import { describe, expect, it } from 'vitest';
import { ledgerRows, mutationFigures, type MutationReport } from '../../bench/mutationFigures.js';

const at = (line: number, column: number) => ({ start: { line, column } });
const REPORT: MutationReport = {
  files: {
    'impl/hmm/fault.ts': { mutants: [
      { mutatorName: 'ConditionalExpression', status: 'Killed', location: at(3, 5) },
      { mutatorName: 'BlockStatement', status: 'Survived', replacement: '{}', location: at(8, 69) },
      { mutatorName: 'EqualityOperator', status: 'CompileError', location: at(9, 1) },
    ] },
    'impl/cpu/vmas.ts': { mutants: [
      { mutatorName: 'ArithmeticOperator', status: 'Killed', location: at(1, 1) },
      { mutatorName: 'UpdateOperator', status: 'Timeout', location: at(2, 2) },
      { mutatorName: 'StringLiteral', status: 'Survived', location: at(4, 10) },
      { mutatorName: 'BooleanLiteral', status: 'NoCoverage', location: at(5, 3) },
    ] },
  },
};
const LEDGER = `
| where | mutator | replacement | verdict | reason |
|---|---|---|---|---|
| \`impl/hmm/fault.ts:8:69\` | BlockStatement | \`{}\` | equivalent | bugOn guards an invariant a correct world keeps |
| \`impl/cpu/vmas.ts:4:10\` | StringLiteral | \`""\` | left | the message is never printed by a passing run |
`;

describe('mutation figures', () => {
  it('reads the ledger rows', () => {
    expect(ledgerRows(LEDGER).map((r) => r.verdict)).toEqual(['equivalent', 'left']);
  });

  it('reads a row whose replacement holds an escaped pipe, as a LogicalOperator mutant does', () => {
    const row = '| `impl/cpu/fork.ts:27:12` | LogicalOperator | `a \\|\\| b` | equivalent | same ptes either way |';
    expect(ledgerRows(row)).toEqual([{ where: 'impl/cpu/fork.ts:27:12', mutator: 'LogicalOperator', verdict: 'equivalent' }]);
  });

  it('scores detected over all but equivalent and invalid mutants', () => {
    expect(mutationFigures(REPORT, LEDGER)).toEqual({
      mutationScore: 0.6, mutationMutants: 6, mutationKilled: 2, mutationTimedOut: 1, mutationSurvived: 2,
      mutationNoCoverage: 1, mutationEquivalent: 1, mutationUnaccounted: 1,
    });
  });

  it('counts every survivor unaccounted when the ledger is empty', () => {
    const f = mutationFigures(REPORT, '');
    expect([f.mutationScore, f.mutationEquivalent, f.mutationUnaccounted]).toEqual([3 / 6, 0, 3]);
  });
});
