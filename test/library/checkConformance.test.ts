/**
 * `checkConformance` (the library API): the options of `hmm-check run` as fields, a world's
 * declared `observes` honoured, a counterexample replayable through the function and written
 * with `out`, an implementation process through `command`, and bad options refused.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConformance, createImplWorld, type Command, type Result, type World, type WorldConfig } from '../../index.js';
import { adapter } from '../protocol/harness.js';

/** The built-in implementation, reporting only mms and next, and no structure check. */
function partial(config: WorldConfig): World {
  const inner = createImplWorld(config);
  return { observes: ['mms', 'next'], apply: (c: Command): Result => inner.apply(c), observe: () => inner.observe() };
}

/** The built-in implementation whose mmap never merges: it answers EEXIST on a second mmap of mm 0. */
function refusesSecondMmap(config: WorldConfig): World {
  const inner = createImplWorld(config);
  let mapped = 0;
  return {
    apply: (c: Command): Result => (c.cmd === 'mmap' && c.mm === 0 && mapped++ > 0 ? { err: 'EEXIST' } : inner.apply(c)),
    observe: () => inner.observe(),
    checkStructure: () => inner.checkStructure(),
  };
}

describe('checkConformance', () => {
  it('passes the built-in implementation with every check, and a partial world with the skipped ones named', async () => {
    const whole = await checkConformance({ impl: (c) => createImplWorld(c), runs: 20, steps: 50, seed: 3 });
    expect(whole).toMatchObject({ verdict: 'pass', runs: 20, seed: 3, skippedRules: [] });
    const part = await checkConformance({ impl: partial, runs: 20, steps: 50, config: { devices: 1 } });
    expect(part.verdict).toBe('pass');
    // SPEC §6: every rule reads mirrors, pages, ops, pending, fences or violations, none only mms and next.
    expect(part.skippedRules!.map((s) => s.rule)).toEqual(['mirrorWithinCpu', 'deviceWithinMirror', 'dirtyImpliesWrite', 'dirtyTracked', 'fenceDiscipline', 'mirrorLifecycle', 'driverSaw', 'quietBeforeChange', 'pendingHoldsFence', 'ptStructure']);
  });

  it('reports a counterexample with a replay through checkConformance, writes it with out, and replays it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hmm-lib-'));
    const r = await checkConformance({ impl: refusesSecondMmap, runs: 200, steps: 30, out });
    const cx = r.counterexample!;
    // SPEC §3 mmap: a second mmap of a free range answers {ok: 0}; this world answers EEXIST.
    expect(cx.failure).toMatchObject({ kind: 'result', modelResult: { ok: 0 }, implResult: { err: 'EEXIST' } });
    expect(cx.program).toHaveLength(2);
    expect(cx.replay).toBe(`checkConformance({ impl, seed: 2014, steps: 30, path: '${cx.path}', replayPath: '${cx.replayPath}' })`);
    expect(cx.tracePath).toBe(join(out, 'counterexample.ndjson'));
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    const again = await checkConformance({ impl: refusesSecondMmap, seed: 2014, steps: 30, path: cx.path, replayPath: cx.replayPath! });
    expect(again.counterexample!.program).toEqual(cx.program);
  });

  it('runs one shard of the runs, as --shard does', async () => {
    const r = await checkConformance({ impl: (c) => createImplWorld(c), runs: 30, steps: 20, shard: { index: 2, count: 3 } });
    expect(r).toMatchObject({ verdict: 'pass', runs: 10, shard: { index: 2, count: 3 } });
  });

  it('checks an implementation process given as a command', async () => {
    const r = await checkConformance({ command: adapter(), runs: 10, steps: 40 });
    expect(r).toMatchObject({ verdict: 'pass', implementation: { name: 'ts-adapter 1.0' } });
  });

  it('refuses options hmm-check run would refuse', async () => {
    const impl = (c: WorldConfig) => createImplWorld(c);
    await expect(checkConformance({ impl, runs: 0 })).rejects.toThrow(RangeError);
    await expect(checkConformance({ impl, steps: 1.5 })).rejects.toThrow('steps must be an integer from 1 to 100000, not 1.5');
    await expect(checkConformance({ impl, seed: 0.5 })).rejects.toThrow(RangeError);
    await expect(checkConformance({ impl, timeLimitSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(checkConformance({ impl, replayPath: 'AA' })).rejects.toThrow('replayPath needs path');
    await expect(checkConformance({ impl, config: { devices: 9 } })).rejects.toThrow('config.devices must be an integer from 1 to 8, not 9');
    await expect(checkConformance({})).rejects.toThrow('give exactly one of impl (a world factory) and command');
    await expect(checkConformance({ impl, shard: { index: 3, count: 2 } })).rejects.toThrow('checkConformance: shard needs a shard index from 1 to 2, not 3');
  });
});
