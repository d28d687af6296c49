/**
 * The kill matrix as a checked-in file: `hmm-check mutants --write FILE` records the matrix with
 * its seed, budget and explorer setting, one mutant per line; reading it back gives the same
 * value, and a file that is not one is refused with a reason.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../properties/cli/args.js';
import { runMutants } from '../../../properties/cli/mutants.js';
import { formatKillMatrixFile, killMatrixFile, parseKillMatrixFile, type KillMatrix, type MutantRow } from '../../../properties/mutants/index.js';

const row = (name: string, rulesAlone: string[]): MutantRow => ({
  name, family: 'fence', killed: true, killedBy: 'observation', rulesAlone, msToKill: 12, shrunkLength: 5, minimalLength: null,
  conformanceOnly: rulesAlone.length === 0 ? 'only the model sees it' : null, rulesMsToKill: 3, rulesShrunkLength: 4, program: ['mmap(mm0, 0x0, +1, rw)'],
});

const MATRIX: KillMatrix = {
  mutants: [row('a', ['driverSaw']), row('b', [])],
  rules: [{ rule: 'driverSaw', mutants: ['a'] }, { rule: 'drainable', mutants: [] }],
  idleRules: ['drainable'],
  pass: true,
};

const quiet = { stdout: () => {}, stderr: () => {} };

describe('the kill matrix file', () => {
  it('round-trips, one mutant and one rule per line, without the programs', () => {
    const text = formatKillMatrixFile(killMatrixFile(MATRIX, { seed: 7, explorer: false }));
    const parsed = parseKillMatrixFile(text);
    expect(parsed).toMatchObject({ hmmKillMatrix: 1, seed: 7, explorer: false, budget: { runs: 3000, steps: 200 }, pass: true, idleRules: ['drainable'] });
    expect(typeof parsed === 'string' ? [] : parsed.mutants.map((r) => [r.name, r.rulesAlone, r.conformanceOnly])).toEqual([['a', ['driverSaw'], null], ['b', [], 'only the model sees it']]);
    expect(text.split('\n').filter((l) => l.startsWith('    {"name":'))).toHaveLength(2);
    expect(text).not.toContain('program');
    expect(JSON.parse(text)).toEqual(parsed);
  });

  it('refuses what is not a kill matrix, saying why', () => {
    const good = JSON.parse(formatKillMatrixFile(killMatrixFile(MATRIX, { seed: 7, explorer: true }))) as Record<string, unknown>;
    expect(parseKillMatrixFile('{')).toBe('not JSON');
    expect(parseKillMatrixFile('{"mutants": []}')).toMatch(/hmmKillMatrix/);
    expect(parseKillMatrixFile(JSON.stringify({ ...good, budget: 3 }))).toBe('bad "budget"');
    expect(parseKillMatrixFile(JSON.stringify({ ...good, mutants: [{ name: 'a' }] }))).toBe('mutant a: bad field family');
    expect(parseKillMatrixFile(JSON.stringify({ ...good, rules: [{ rule: 1 }] }))).toBe('bad "rules"');
  });

  it('hmm-check mutants --write FILE records the matrix it printed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hmm-matrix-')), 'kill-matrix.json');
    const out: string[] = [];
    expect(await runMutants(['--only', 'fenceUnrefTwice', '--no-explorer', '--json', '--write', file], { ...quiet, stdout: (t) => void out.push(t) })).toBe(0);
    const parsed = parseKillMatrixFile(readFileSync(file, 'utf8'));
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(parsed).toMatchObject({ seed: 2014, explorer: false, pass: true });
    expect(parsed.mutants).toEqual((JSON.parse(out.join('')) as { mutants: unknown[] }).mutants);
  });

  it('checks the path before the hunt starts', async () => {
    await expect(runMutants(['--only', 'fenceUnrefTwice', '--write', join(tmpdir(), 'no-such-folder', 'x.json')], quiet)).rejects.toThrow(UsageError);
  });
});
