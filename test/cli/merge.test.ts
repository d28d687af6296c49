/**
 * `hmm-check run --shard i/n` and `hmm-check merge` through the CLI bodies: two shards' JSON
 * reports merge into the campaign's (exit 0, or 3 with a shard missing), and every bad input
 * is a one-line UsageError (exit 2 in main): a malformed shard, a shard with --path, a shard
 * with no run, an unreadable or malformed report, reports of another campaign.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../properties/cli/args.js';
import { runMerge } from '../../properties/cli/merge.js';
import { runRun, type RunDeps } from '../../properties/cli/run.js';
import type { ConformanceParts } from '../../properties/runner/ports.js';
import { ToyWorld } from '../properties/runner/toyWorld.js';

const parts: ConformanceParts = { model: () => new ToyWorld(), impl: () => new ToyWorld(), rules: [] };

async function shardReport(dir: string, shard: string, extra: string[] = []): Promise<string> {
  const out: string[] = [];
  const deps: RunDeps = { parts: async () => parts, stdout: (t) => void out.push(t), stderr: { isTTY: false, write: () => undefined } };
  expect(await runRun(['--runs', '12', '--steps', '20', '--shard', shard, '--json', ...extra], deps)).toBe(0);
  const file = join(dir, `${shard.replace('/', '-of-')}.json`);
  writeFileSync(file, out.join(''));
  return file;
}

describe('run --shard and merge', () => {
  it('merges the shards of a campaign into its report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hmm-merge-'));
    const files = [await shardReport(dir, '1/2'), await shardReport(dir, '2/2')];
    const out: string[] = [];
    expect(await runMerge(files, (t) => void out.push(t))).toBe(0);
    // 12 random runs over the two shards, and the guided share (a quarter, 3) in the last one.
    expect(out.join('')).toMatch(/^hmm-check merge: shards 1, 2 of 2\nhmm-check run: seed 2014, 12 runs \+ 3 guided runs x up to 20 steps\nruns +15 \(12 random, 3 guided\)\n/);
    const json: string[] = [];
    expect(await runMerge(['--json', files[1]!], (t) => void json.push(t))).toBe(3);
    expect(JSON.parse(json.join('')).shards.missing).toEqual([1]);
  });

  it('refuses a bad shard, a shard with --path, and a shard with no run', async () => {
    const deps: RunDeps = { parts: async () => parts, stdout: () => undefined, stderr: { isTTY: false, write: () => undefined } };
    await expect(runRun(['--shard', '3/2'], deps)).rejects.toThrow(new UsageError(`flag '--shard' needs a shard index from 1 to 2, not 3`));
    await expect(runRun(['--shard', '1/2', '--path', '3'], deps)).rejects.toThrow(/--path names one run already/);
    await expect(runRun(['--shard', '5/10', '--runs', '3'], deps)).rejects.toThrow(`flag '--shard' 5/10 names no run: 3 runs cut into 10 shards leave shard 5 empty`);
  });

  it('refuses unreadable, malformed and foreign reports with one line naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hmm-merge-'));
    const one = await shardReport(dir, '1/2');
    const other = await shardReport(dir, '2/2', ['--seed', '5']);
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, 'nope');
    const partial = join(dir, 'y.json');
    writeFileSync(partial, JSON.stringify({ verdict: 'pass', seed: 1 }));
    await expect(runMerge([join(dir, 'missing.json')])).rejects.toThrow(/^cannot read ".*missing\.json" \(ENOENT\)$/);
    await expect(runMerge([notJson])).rejects.toThrow(/x\.json" is not JSON/);
    await expect(runMerge([partial])).rejects.toThrow(/y\.json" is not a hmm-check run report: field "budget" is missing or malformed/);
    await expect(runMerge([one, other])).rejects.toThrow(/another campaign/);
    await expect(runMerge([])).rejects.toThrow('needs at least one REPORT.json (see --help)');
  });
});
