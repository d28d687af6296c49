/** `hmm-check mutants`: the JSON shape of the matrix, the exit code, and bad usage as a UsageError. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../properties/cli/args.js';
import { runMutants } from '../../../properties/cli/mutants.js';

function capture(): { out: string[]; err: string[]; deps: { stdout: (t: string) => void; stderr: (t: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) } };
}

describe('hmm-check mutants', () => {
  it('prints the documented JSON and exits 0 when the mutant is killed both ways', async () => {
    const c = capture();
    const code = await runMutants(['--only', 'fenceUnrefTwice', '--no-explorer', '--json'], c.deps);
    expect(code).toBe(0);
    const json = JSON.parse(c.out.join('')) as { mutants: Record<string, unknown>[]; idleRules: string[] };
    expect(json.mutants).toHaveLength(1);
    const row = json.mutants[0]!;
    for (const key of ['name', 'killed', 'killedBy', 'rulesAlone', 'msToKill', 'shrunkLength', 'minimalLength']) expect(row).toHaveProperty(key);
    expect(row).toMatchObject({ name: 'fenceUnrefTwice', killed: true, rulesAlone: ['driverSaw'], minimalLength: null });
    expect(json.idleRules).toContain('memoryIsMemory');
    expect(c.err.join('')).toMatch(/\[1\/1\] fenceUnrefTwice: killed/);
  });

  it('flags rules that kill nothing in the human matrix', async () => {
    const c = capture();
    await runMutants(['--only', 'fenceUnrefTwice', '--no-explorer'], c.deps);
    expect(c.out.join('')).toMatch(/memoryIsMemory\s+NOTHING \(flagged/);
  });

  it('refuses an unknown mutant and an unknown flag', async () => {
    await expect(runMutants(['--only', 'nope'], capture().deps)).rejects.toThrow(UsageError);
    await expect(runMutants(['--fast'], capture().deps)).rejects.toThrow(UsageError);
  });
});
