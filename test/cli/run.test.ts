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
