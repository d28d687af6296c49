/**
 * The kill matrix's exploration column (properties/mutants/explorerMinimal.ts): the shortest
 * counterexample the lockstep exploration of the default scope finds for a mutant, by
 * exploration alone. migrateDropsDirty: map a page, write it (dirty), migrate it (the mutant's
 * new page is clean), end the migration: the observations differ at the fourth command, and no
 * three commands can show it (the migration's op must end).
 */
import { describe, expect, it } from 'vitest';
import { mutantByName } from '../../../impl/mutants/index.js';
import { explorerMinimal } from '../../../properties/mutants/index.js';

describe('the matrix\'s exploration column', () => {
  it('gives migrateDropsDirty\'s minimal counterexample: 4 commands, observations differ', () => {
    const r = explorerMinimal(mutantByName('migrateDropsDirty')!.apply);
    expect(r).toMatchObject({ verdict: 'counterexample', minimalLength: 4, rule: 'observation' });
  });
});
