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
    expect(ledgerRows(row)).toEqual([{ where: 'impl/cpu/fork.ts:27:12', mutator: 'LogicalOperator', replacement: 'a || b', verdict: 'equivalent' }]);
  });

  it('tells apart two survivors of one place and mutator by their replacements', () => {
    // range.ts:52:9 ConditionalExpression: `true` is a gap (left), `false` equivalent. One of two
    // survivors is equivalent: the score is 0 / (2 - 1) and nothing is unaccounted.
    const report: MutationReport = { files: { 'impl/pagetable/range.ts': { mutants: [
      { mutatorName: 'ConditionalExpression', replacement: 'true', status: 'Survived', location: at(52, 9) },
      { mutatorName: 'ConditionalExpression', replacement: 'false', status: 'Survived', location: at(52, 9) },
    ] } } };
    const ledger = [
      '| `impl/pagetable/range.ts:52:9` | ConditionalExpression | `true` | left | a gap |',
      '| `impl/pagetable/range.ts:52:9` | ConditionalExpression | `false` | equivalent | visits nothing more |',
    ].join('\n');
    const f = mutationFigures(report, ledger);
    expect([f.mutationEquivalent, f.mutationUnaccounted, f.mutationScore]).toEqual([1, 0, 0]);
    expect(ledgerRows('| `a.ts:1:1` | StringLiteral | `` `x` `` | equivalent | r |')[0]!.replacement).toBe('`x`');
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
