/**
 * `hmm-check check` (npm start): the random check with its own defaults, the context-bounded
 * races, then the exploration of the default scope in the budget's time left; the verdicts on
 * the last line; the worst exit code.
 */
import { describe, expect, it } from 'vitest';
import { runCheck, worse, type CheckDeps } from '../../properties/cli/check.js';

function deps(run: number, explore: number, runSeconds = 40): CheckDeps & { out: string[]; runArgs: string[][]; exploreArgs: string[][] } {
  let now = 0;
  const out: string[] = [];
  const runArgs: string[][] = [];
  const exploreArgs: string[][] = [];
  return {
    out, runArgs, exploreArgs,
    run: async (argv) => {
      runArgs.push([...argv]);
      now += runSeconds * 1000;
      return run;
    },
    explore: async (argv) => {
      exploreArgs.push([...argv]);
      return explore;
    },
    stdout: (t) => void out.push(t),
    now: () => now,
  };
}

describe('hmm-check check', () => {
  it('runs the random check with its defaults, the races with one preemption, then the default scope to depth 8 in the time left', async () => {
    const d = deps(0, 0, 40);
    expect(await runCheck([], d)).toBe(0);
    expect(d.runArgs).toEqual([[]]);
    expect(d.exploreArgs).toEqual([['--context-bound', '1'], ['--depth', '8', '--time-limit', '75.0']]);
    expect(d.out.join('')).toMatch(/check: random lockstep check pass; races, at most 1 preemption: no counterexample .*; exploration of the default scope: no counterexample/);
  });

  it('exits with the worse verdict and says both', async () => {
    const d = deps(0, 1);
    expect(await runCheck(['--workers', '2'], d)).toBe(1);
    expect(d.exploreArgs[1]).toContain('--workers');
    expect(d.out.join('')).toMatch(/random lockstep check pass; races, at most 1 preemption: counterexample; exploration of the default scope: counterexample/);
    expect(await runCheck([], deps(3, 0))).toBe(3);
    expect(await runCheck([], deps(1, 3))).toBe(1);
  });

  it('ranks exit codes: counterexample, then bad usage or internal error, then incomplete, then pass', () => {
    expect(worse(0, 3)).toBe(3);
    expect(worse(3, 1)).toBe(1);
    expect(worse(70, 3)).toBe(70);
    expect(worse(1, 70)).toBe(1);
    expect(worse(0, 0)).toBe(0);
  });

  it('gives the exploration at least 10 s when the random check used the budget', async () => {
    const d = deps(0, 0, 200);
    await runCheck([], d);
    expect(d.exploreArgs[1]).toEqual(['--depth', '8', '--time-limit', '10.0']);
  });
});
