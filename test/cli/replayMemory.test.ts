/**
 * Issue 14, scale: `hmm-check replay` streams its trace, so a large trace replays in memory that
 * does not grow with the file. Two generated traces (bench/replayTrace.ts: a small world, big
 * notes), 4 MB and 36 MB, are replayed in child processes that sample the live heap (heap used
 * after a full GC) under a 48 MB heap cap; the live heap grows by well under the 32 MB the file
 * grew by, and the cap is one that reading the file whole (as replay used to) does not survive.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReplayTrace } from '../../bench/replayTrace.js';
import { ROOT } from './cli.js';

const TMP = mkdtempSync(join(tmpdir(), 'hmm-memory-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const CAP = ['--max-old-space-size=48'];
const MB = 1024 * 1024;

interface Measured { code: number; baseLiveHeapMb: number; peakLiveHeapMb: number }

function replayIn(file: string): Measured {
  const r = spawnSync(process.execPath, ['--expose-gc', ...CAP, 'dist/bench/replayMemory.js', file], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Measured;
}

describe('replay memory does not grow with the file', () => {
  it('a 36 MB trace replays within the heap of a 4 MB one, under a cap that a whole-file read breaks', async () => {
    const small = join(TMP, 'small.ndjson');
    const large = join(TMP, 'large.ndjson');
    await writeReplayTrace(small, { lines: 30, noteChars: 500_000, notesPerCycle: 8 });
    await writeReplayTrace(large, { lines: 300, noteChars: 500_000, notesPerCycle: 8 });
    const grewMb = (statSync(large).size - statSync(small).size) / MB;
    expect(grewMb).toBeGreaterThan(30);

    const a = replayIn(small);
    const b = replayIn(large);
    expect([a.code, b.code]).toEqual([0, 0]);
    const growth = (b.peakLiveHeapMb - b.baseLiveHeapMb) - (a.peakLiveHeapMb - a.baseLiveHeapMb);
    expect(growth).toBeLessThan(grewMb / 4); // a whole-file read holds the text: >= grewMb

    // The cap is not generous: reading the file whole and parsing it (parseTrace) dies under it.
    const whole = spawnSync(process.execPath, [...CAP, '-e', `import('./dist/properties/trace/index.js').then((m) => m.parseTrace(require('fs').readFileSync(${JSON.stringify(large)}, 'utf8')))`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(whole.status === 0 && whole.signal === null).toBe(false);
  });
});
