/**
 * `hmm-check run --impl` and `replay --impl` (docs/protocol.md) against the adapter of this
 * folder, which wraps the TypeScript implementation, and against its faulty variants (flags of
 * adapter.mjs): it passes; each way of misbehaving gives the verdict docs/protocol.md names,
 * shrunk to the short trace that causes it; a partial observation passes with the skipped rules
 * named; an implementation that cannot be used is exit 2 with one line.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMutants } from '../../properties/cli/mutants.js';
import { adapter, replay, run, runJson } from './harness.js';

const EXAMPLE = 'test/fixtures/examples/fence_eagain_signal_wait.ndjson';

/**
 * SPEC §3: a fork of mm 0 with no rw vma answers {ok: 1} at once. An implementation that fails
 * on every fork fails in any run holding one, so the shortest counterexample is that fork alone.
 */
const FORK_ALONE = ['fork(mm0)  // {"ok":1}   <-- impl crashed'];

describe('hmm-check run --impl', () => {
  it('passes the adapter of the TypeScript implementation with every rule checked', async () => {
    const { code, report } = await runJson(['--impl', adapter(), '--runs', '30', '--steps', '60']);
    expect(code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.implementation).toMatchObject({ name: 'ts-adapter 1.0', selfCheck: true });
    expect(report.skippedRules).toEqual([]);
    // With --impl, no guided share unless --guided-runs asks for one.
    expect([report.runs, report.guided]).toEqual([30, undefined]);
  });

  it('an implementation that exits on fork: a crash at fork(mm0) quoting its sanitizer summary, trace and report written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hmm-impl-'));
    const { code, report } = await runJson(['--impl', adapter('--fault exit:fork'), '--runs', '50', '--steps', '8', '--out', dir]);
    expect(code).toBe(1);
    const cx = report.counterexample!;
    expect(cx.failure).toMatchObject({ kind: 'crash', side: 'impl', command: 'fork(mm0)', at: 1 });
    expect(cx.program).toEqual(FORK_ALONE);
    expect(cx.failure.message).toContain('exited (exit status 1) before giving its result');
    expect(cx.failure.message).toContain('SUMMARY: AddressSanitizer: heap-use-after-free adapter.c:42 in hmm_fault');
    expect(cx.failure.stderr).toContain('==4242==ABORTING');
    expect(cx.replay).toContain(`--impl '${adapter('--fault exit:fork').replace(/'/g, `'\\''`)}'`);
    expect(readFileSync(join(dir, 'counterexample.ndjson'), 'utf8')).toBe(cx.trace);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('FAIL: impl (ts-adapter 1.0, replayed through its process) threw');
    expect(html).toContain('SUMMARY: AddressSanitizer');
  });

  it('an implementation that hangs on fork: a crash after --impl-timeout, shrunk to fork(mm0)', async () => {
    const { code, report } = await runJson(['--impl', adapter('--fault hang:fork'), '--runs', '30', '--steps', '6', '--impl-timeout', '0.5']);
    expect(code).toBe(1);
    expect(report.counterexample!.program).toEqual(FORK_ALONE);
    expect(report.counterexample!.failure.message).toContain('no answer within 0.5 s (--impl-timeout)');
  });

  it('an implementation that prints garbage: a crash quoting the line, its escape sequence escaped', async () => {
    const { report } = await runJson(['--impl', adapter('--fault garbage:fork'), '--runs', '50', '--steps', '8']);
    expect(report.counterexample!.program).toEqual(FORK_ALONE);
    expect(report.counterexample!.failure.message).toBe('impl threw at fork(mm0): invalid answer "Segmentation fault\\u001b[2J (not JSON)" instead of its result: not JSON');
  });

  it('an implementation that answers {"error":...}: a crash quoting its text', async () => {
    const { report } = await runJson(['--impl', adapter('--fault error:fork'), '--runs', '50', '--steps', '8']);
    expect(report.counterexample!.program).toEqual(FORK_ALONE);
    expect(report.counterexample!.failure.message).toBe('impl threw at fork(mm0): the implementation answered {"error":...} instead of its result: "cannot fork yet"');
  });

  it('an implementation that answers a wrong result: results differ at a read of a mapped page', async () => {
    // SPEC §3: a read needs a vma (EFAULT otherwise) and then answers {ok: 0} on a fresh page,
    // which this adapter turns into {ok: 1}: at least an mmap and a read.
    const { code, report } = await runJson(['--impl', adapter('--fault wrong:read'), '--runs', '300', '--steps', '40']);
    expect(code).toBe(1);
    const cx = report.counterexample!;
    expect(cx.failure).toMatchObject({ kind: 'result', command: 'read(mm0, 0x0)', modelResult: { ok: 0 }, implResult: { ok: 1 } });
    expect(cx.program).toHaveLength(2);
    expect(cx.program[0]).toMatch(/^mmap\(mm0, 0x0, \+\d+, rw\) +\/\/ \{"ok":0\}$/);
  });

  it('an implementation whose observations drift: observations differ right after the command', async () => {
    const { report } = await runJson(['--impl', adapter('--fault skew:fork'), '--runs', '50', '--steps', '20']);
    const cx = report.counterexample!;
    expect(cx.failure).toMatchObject({ kind: 'observation', message: 'observations differ after fork(mm0)', diff: ['warnings: 0 vs 1'] });
    expect(cx.program).toEqual(['fork(mm0)  // {"ok":1}   <-- observations differ']);
  });

  it('a partial implementation passes, the rules it cannot be held to named', async () => {
    const { code, report } = await runJson(['--impl', adapter('--observes mms,pages,mirrors,next --no-self-check'), '--runs', '20', '--steps', '40']);
    expect(code).toBe(0);
    // SPEC §6: each rule below reads a part the adapter does not report (ops, pending, fences, violations).
    expect(report.skippedRules).toEqual([
      { rule: 'mirrorWithinCpu', needs: ['ops'] },
      { rule: 'deviceWithinMirror', needs: ['pending'] },
      { rule: 'fenceDiscipline', needs: ['fences', 'ops'] },
      { rule: 'driverSaw', needs: ['violations'] },
      { rule: 'quietBeforeChange', needs: ['ops'] },
      { rule: 'pendingHoldsFence', needs: ['pending', 'fences'] },
      { rule: 'ptStructure', needs: ['selfCheck'] },
    ]);
    const text = (await run(['--impl', adapter('--observes mms,next'), '--runs', '5', '--steps', '10'])).out;
    expect(text).toContain('impl       ts-adapter 1.0 (');
    expect(text).toMatch(/\): observes mms, next, self-check\n/);
    expect(text).toContain('skipped    mirrorWithinCpu (needs mirrors, ops), deviceWithinMirror (needs mirrors, pending),');
  });

  it('exits 2 with one line when the command cannot start or refuses hello, or the flags conflict', async () => {
    const o = await run(['--impl', 'no-such-implementation-here', '--runs', '1']);
    expect(o.code).toBe(2);
    expect(o.err).toMatch(/^--impl 'no-such-implementation-here': the implementation exited \(exit status 127\) before giving the answer to \{"hello":1,"config":\{"devices":2\}\}; stderr: .*not found\n$/);
    const refused = await run(['--impl', adapter('--hello-error'), '--runs', '1']);
    expect(refused).toMatchObject({ code: 2, err: `--impl '${adapter('--hello-error')}': hello refused: "this adapter refuses to say hello"\n` });
    expect((await run(['--impl', adapter(), '--mutant', 'migrateDropsDirty'])).err).toContain(`flags '--impl' and '--mutant' exclude each other`);
    expect((await run(['--impl-timeout', '3'])).err).toBe(`flag '--impl-timeout' needs '--impl'\n`);
    // The kill matrix hunts mutants of the built-in implementation only.
    await expect(runMutants(['--impl', adapter()])).rejects.toThrow(`unknown flag '--impl' (see --help)`);
  });
});

describe('hmm-check replay --impl', () => {
  it('replays a worked example on the model and the adapter, whole or partial', async () => {
    const o = await replay([EXAMPLE, '--impl', adapter()]);
    expect(o.code).toBe(0);
    expect(o.out).toMatch(/^PASS .* on model and impl: \d+ commands replayed\n$/);
    expect((await replay([EXAMPLE, '--impl', adapter('--observes mms,next')])).code).toBe(0);
  });

  it('names the line where the implementation crashed; a refused hello is exit 2', async () => {
    const o = await replay([EXAMPLE, '--impl', adapter('--fault exit:signal')]);
    expect(o.code).toBe(1);
    // The example's first signal is on line 20, its 14th command.
    expect(o.out).toMatch(/^FAIL .*: line 20 \(command 14\)\n {2}command: \{"cmd":"signal","dev":1\}\n/);
    expect(o.out).toContain('impl threw: the implementation exited (exit status 1) before giving its result; stderr: ==4242==ERROR');
    const refused = await replay([EXAMPLE, '--impl', adapter('--hello-error')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('hello refused');
    expect((await replay([EXAMPLE, '--impl', adapter(), '--model-only'])).code).toBe(2);
  });
});
