/**
 * Issue 14, Ctrl-C: `hmm-check run` interrupted by SIGINT exits 130 (the shell's convention)
 * after printing the partial summary (what ran, the coverage so far, "interrupted"); with
 * --json, a report whose verdict is `incomplete`, marked `interrupted`. Through the built CLI,
 * with a real signal: a synchronous fast-check loop would never let the handler run.
 */
import { describe, expect, it } from 'vitest';
import { cliChild, type CliRun } from './cli.js';

/** Starts a run far too long to finish, waits for its first progress line (after a second), sends SIGINT. */
async function interrupted(extra: string[]): Promise<CliRun> {
  const { child, done } = cliChild(['run', '--runs', '100000000', ...extra]);
  await new Promise<void>((resolve) => {
    child.stderr!.on('data', (t: string) => {
      if (t.includes('runs ')) resolve();
    });
  });
  child.kill('SIGINT');
  return done;
}

describe('hmm-check run and Ctrl-C', () => {
  it('prints the partial summary with "interrupted" and exits 130', async () => {
    const r = await interrupted([]);
    expect(r.status).toBe(130);
    expect(r.stdout).toMatch(/^hmm-check run: seed 2014/);
    expect(r.stdout).toMatch(/\nruns +[1-9]\d*\n/);
    expect(r.stdout).toMatch(/\ncoverage +states \d+\/\d+/);
    expect(r.stdout).toContain('verdict    incomplete (interrupted: Ctrl-C)');
  });

  it('--json: one report whose verdict is incomplete, marked interrupted', async () => {
    const r = await interrupted(['--json']);
    expect(r.status).toBe(130);
    const report = JSON.parse(r.stdout) as { verdict: string; interrupted?: boolean; runs: number; coverage: { states: { reached: number } } };
    expect(report).toMatchObject({ verdict: 'incomplete', interrupted: true });
    expect(report.runs).toBeGreaterThan(0);
    expect(report.coverage.states.reached).toBeGreaterThan(0);
  });
});
