/**
 * `--mutant NAME` of `hmm-check run` and `hmm-check replay`: the check runs against the
 * implementation built with that mutant, the replay command and the trace name it, the trace it
 * wrote replays as a failure with the mutant and clean without it, and an unknown name is bad
 * usage. The mutant here, migrateDropsDirty, makes migration forget the page's dirty bit; the
 * model keeps it (SPEC §3 migrate: "data and dirty move to the new page"), so the first
 * difference is in `pages`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../properties/cli/args.js';
import { runReplay } from '../../properties/cli/replay.js';
import { runRun } from '../../properties/cli/run.js';
import type { ConformanceReport } from '../../properties/runner/report.js';

const dir = mkdtempSync(join(tmpdir(), 'hmm-mutant-flag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sinks(): { out: string[]; err: string[]; stdout: (t: string) => void; stderr: (t: string) => void } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

describe('hmm-check run --mutant', () => {
  it('finds a counterexample on the mutant, names it in the report and the replay command, and writes the trace', async () => {
    const s = sinks();
    const code = await runRun(['--mutant', 'migrateDropsDirty', '--runs', '300', '--json', '--out', dir], {
      parts: async (mutant) => (await import('../../properties/runner/defaultParts.js')).defaultParts(mutant),
      stdout: s.stdout,
      stderr: { isTTY: false, write: s.stderr },
    });
    expect(code).toBe(1);
    const report = JSON.parse(s.out.join('')) as ConformanceReport;
    expect(report.mutant).toBe('migrateDropsDirty');
    expect(report.counterexample?.replay).toMatch(/^hmm-check run --mutant migrateDropsDirty --seed /);
    expect(report.counterexample?.program.some((l) => l.startsWith('migrate('))).toBe(true);
    expect(report.counterexample?.failure.diff?.[0]).toMatch(/^\s*pages\[/);
  });

  it('the trace it wrote fails on the mutant and replays clean on the implementation', async () => {
    const trace = join(dir, 'counterexample.ndjson');
    const withMutant = sinks();
    expect(await runReplay([trace, '--mutant', 'migrateDropsDirty'], { ...(await defaultReplayDeps()), stdout: withMutant.stdout, stderr: withMutant.stderr })).toBe(1);
    expect(withMutant.out.join('')).toContain('impl (mutant migrateDropsDirty)');
    const plain = sinks();
    expect(await runReplay([trace], { ...(await defaultReplayDeps()), stdout: plain.stdout, stderr: plain.stderr })).toBe(0);
  });

  it('refuses an unknown mutant, naming the known ones', async () => {
    const s = sinks();
    await expect(runRun(['--mutant', 'noSuchMutant'])).rejects.toThrow(UsageError);
    await expect(runRun(['--mutant', 'noSuchMutant'])).rejects.toThrow(/known: .*migrateDropsDirty/);
    expect(await runReplay([join(dir, 'counterexample.ndjson'), '--mutant', 'noSuchMutant'], { ...(await defaultReplayDeps()), stdout: s.stdout, stderr: s.stderr })).toBe(2);
    expect(s.err.join('')).toMatch(/^hmm-check replay: unknown mutant 'noSuchMutant'/);
    expect(await runReplay([join(dir, 'counterexample.ndjson'), '--mutant', 'migrateDropsDirty', '--model-only'], { ...(await defaultReplayDeps()), stdout: s.stdout, stderr: s.stderr })).toBe(2);
  });
});

async function defaultReplayDeps(): Promise<Parameters<typeof runReplay>[1] & object> {
  const { fileLines } = await import('../../properties/trace/index.js');
  const { buildWorlds } = await import('../../properties/cli/replay.js');
  return { readLines: (p: string) => fileLines(p), buildWorlds, stdout: () => undefined, stderr: () => undefined };
}
