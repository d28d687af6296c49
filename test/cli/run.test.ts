/**
 * `hmm-check run`: exit codes (0 pass, 1 counterexample, 2 bad usage, 3 incomplete), the JSON
 * report, `--out`, progress only after a second, and one-line errors for bad flags.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../properties/cli/args.js';
import { runRun, type RunDeps } from '../../properties/cli/run.js';
import type { ConformanceParts } from '../../properties/runner/ports.js';
import type { ConformanceReport } from '../../properties/runner/report.js';
import { flipReads, ToyWorld } from '../properties/runner/toyWorld.js';

const agreeing: ConformanceParts = { model: () => new ToyWorld(), impl: () => new ToyWorld(), rules: [] };
const wrong: ConformanceParts = { ...agreeing, impl: () => flipReads(new ToyWorld()) };

function harness(parts: ConformanceParts): { deps: RunDeps; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { parts: async () => parts, stdout: (t) => void out.push(t), stderr: { isTTY: false, write: (t) => void err.push(t) } } };
}

describe('hmm-check run', () => {
  it('exits 0 with a summary when the worlds agree', async () => {
    const h = harness(agreeing);
    expect(await runRun(['--runs', '20', '--steps', '30'], h.deps)).toBe(0);
    expect(h.out.join('')).toMatch(/commands +\d+ in [\d.]+ s \(\d+ commands\/s\)\n/);
    expect(h.out.join('')).toContain('verdict    pass');
    expect(h.err).toEqual([]);
  });

  it('exits 1 on a counterexample, printing the program, the replay command and the trace', async () => {
    const h = harness(wrong);
    expect(await runRun(['--seed', '7', '--runs', '60', '--steps', '40'], h.deps)).toBe(1);
    const text = h.out.join('');
    expect(text).toContain('verdict    counterexample: results differ at read(mm0,');
    expect(text).toMatch(/replay +hmm-check run --seed 7 --steps 40 --path '[\d:]+' --replay-path '/);
    expect(text).toContain('{"hmmTrace":1,"config":{"devices":2}}');
  });

  it('--json prints one ConformanceReport; --out writes counterexample.ndjson', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hmm-run-'));
    const h = harness(wrong);
    expect(await runRun(['--seed', '7', '--runs', '60', '--steps', '40', '--json', '--out', dir], h.deps)).toBe(1);
    const report = JSON.parse(h.out.join('')) as ConformanceReport;
    expect(report).toMatchObject({ verdict: 'counterexample', seed: 7, coverage: { states: { reached: 0, total: 0 } } });
    expect(report.counterexample!.tracePath).toBe(join(dir, 'counterexample.ndjson'));
    expect(readFileSync(join(dir, 'counterexample.ndjson'), 'utf8')).toBe(report.counterexample!.trace);
  });

  it('--out names both files it wrote: the trace and the HTML report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hmm-run-'));
    const h = harness(wrong);
    expect(await runRun(['--seed', '7', '--runs', '60', '--steps', '40', '--out', dir], h.deps)).toBe(1);
    const text = h.out.join('');
    expect(text).toContain(`trace      ${join(dir, 'counterexample.ndjson')}  (the 2-call program itself: hmm-check replay ${join(dir, 'counterexample.ndjson')})`);
    expect(text).toContain(`report     ${join(dir, 'report.html')}`);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<!doctype html>');
  });

  it('says the program is minimized by ddmin, and what each way of replaying it replays', async () => {
    const h = harness(wrong);
    await runRun(['--seed', '7', '--runs', '60', '--steps', '40'], h.deps);
    const text = h.out.join('');
    expect(text).toMatch(/program \(fast-check shrank it to \d+ calls in \d+ shrinks; ddmin: 2 calls, 1-minimal\):/);
    expect(text).toMatch(/\(replays fast-check's \d+-call run, then the same ddmin pass: this report again\)/);
    expect(text).toContain('trace (SPEC §8, the program itself;');
  });

  it('--guided spends --runs on guided runs only; a guided counterexample replays from --seed and --runs', async () => {
    const h = harness(wrong);
    expect(await runRun(['--guided', '--seed', '7', '--runs', '50', '--steps', '40', '--json'], h.deps)).toBe(1);
    const report = JSON.parse(h.out.join('')) as ConformanceReport;
    expect(report.budget).toMatchObject({ runs: 0, guidedRuns: 50 });
    const cx = report.counterexample!;
    expect(cx.generation).toBe('guided');
    expect(cx.replay).toBe(`hmm-check run --guided --seed 7 --runs ${cx.guidedRun} --steps 40`);
    const again = harness(wrong);
    await runRun(['--guided', '--seed', '7', '--runs', String(cx.guidedRun), '--steps', '40', '--json'], again.deps);
    expect((JSON.parse(again.out.join('')) as ConformanceReport).counterexample!.program).toEqual(cx.program);
  });

  it('runs a guided share after the random runs: a quarter as many unless --guided-runs says', async () => {
    const h = harness(agreeing);
    await runRun(['--runs', '20', '--steps', '20', '--json'], h.deps);
    expect(JSON.parse(h.out.join('')) as ConformanceReport).toMatchObject({ runs: 25, budget: { runs: 20, guidedRuns: 5 }, guided: { runs: 5 } });
    const none = harness(agreeing);
    await runRun(['--runs', '20', '--steps', '20', '--guided-runs', '0', '--json'], none.deps);
    expect((JSON.parse(none.out.join('')) as ConformanceReport).guided).toBeUndefined();
  });

  it('replays a counterexample from --seed, --path and --replay-path', async () => {
    const first = harness(wrong);
    await runRun(['--seed', '7', '--runs', '60', '--steps', '40', '--json'], first.deps);
    const cx = (JSON.parse(first.out.join('')) as ConformanceReport).counterexample!;
    const again = harness(wrong);
    const argv = ['--seed', '7', '--steps', '40', '--path', cx.path, '--replay-path', cx.replayPath!, '--json'];
    expect(await runRun(argv, again.deps)).toBe(1);
    expect((JSON.parse(again.out.join('')) as ConformanceReport).counterexample!.program).toEqual(cx.program);
  });

  it('exits 3 when --time-limit cuts the run short, with progress lines on stderr', async () => {
    const h = harness(agreeing);
    expect(await runRun(['--runs', '100000000', '--time-limit', '1.5', '--json'], h.deps)).toBe(3);
    expect((JSON.parse(h.out.join('')) as ConformanceReport).verdict).toBe('incomplete');
    expect(h.err.join('')).toMatch(/^runs \d+, \d+ commands, \d+\/s, states 0\/0, transitions 0\/0, 1\.\d s\n/);
  });

  it.each([
    [['--runs', 'many'], "flag '--runs' needs an integer, not 'many'"],
    [['--steps', '0'], "flag '--steps' must be at least 1, not 0"],
    [['--time-limit', '-1'], "flag '--time-limit' must be at least 0.001, not -1"],
    [['--sed', '1'], "unknown flag '--sed' (see --help)"],
    [['--path', 'x'], "flag '--path' must look like 12:0:3, not 'x'"],
    [['--replay-path', 'A:A'], "flag '--replay-path' needs '--path'"],
    [['--path', '1:2', '--replay-path', 'garbage'], "flag '--replay-path' is not a fast-check replay path (COUNTS:CHANGES from a report): 'garbage'"],
    [['--guided', '--path', '1:2'], "flag '--path' replays a random run: drop '--guided' (a guided run replays from --seed and --runs)"],
    [['--guided', '--guided-runs', '3'], "flag '--guided' counts its runs with '--runs', not '--guided-runs'"],
    [['--guided', '--shard', '1/2'], "flag '--shard' slices the random runs: drop '--guided'"],
    [['--diff', 'some'], "flag '--diff' must be one of first, all, not 'some'"],
  ])('rejects %j with one line', async (argv, message) => {
    await expect(runRun(argv, harness(agreeing).deps)).rejects.toThrow(new UsageError(message));
  });

  it('says so in one line when --out cannot be written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hmm-run-')), 'a-file');
    writeFileSync(file, '');
    await expect(runRun(['--seed', '7', '--runs', '60', '--steps', '40', '--out', file], harness(wrong).deps)).rejects.toThrow(UsageError);
  });
});

describe('hmm-check run, stopped from outside (as Ctrl-C does)', () => {
  it('reports what ran, verdict incomplete and interrupted, exit 130', async () => {
    const h = harness(agreeing);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    expect(await runRun(['--runs', '100000000', '--json'], { ...h.deps, signal: controller.signal })).toBe(130);
    const report = JSON.parse(h.out.join('')) as ConformanceReport;
    expect(report).toMatchObject({ verdict: 'incomplete', interrupted: true });
    expect(report.runs).toBeGreaterThan(0);
  });

  it('the time limit still cuts the run short without being taken for Ctrl-C', async () => {
    const h = harness(agreeing);
    expect(await runRun(['--runs', '100000000', '--time-limit', '0.3'], { ...h.deps, signal: new AbortController().signal })).toBe(3);
    expect(h.out.join('')).toContain('verdict    incomplete (cut short by --time-limit)');
  });
});
