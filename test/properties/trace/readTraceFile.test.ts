/**
 * Streaming a trace file (properties/trace/readTraceFile.ts): the lines are those of the text
 * split at `\n`, whatever the chunk boundaries (multi-byte characters included); a line past
 * the bound ends the read as a trace error; a reader can stop early.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileLines, readTrace, type TraceLine } from '../../../properties/trace/index.js';

const TMP = mkdtempSync(join(tmpdir(), 'hmm-lines-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const HEADER = '{"hmmTrace":1,"config":{"devices":2}}';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('fileLines', () => {
  it('gives the lines of text.split("\\n") across chunk boundaries, multi-byte characters whole', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `${'é漢😀'.repeat(i % 97)}${i}\r`);
    const text = `${lines.join('\n')}\n`;
    const path = join(TMP, 'many.txt');
    writeFileSync(path, text);
    expect(await collect(fileLines(path))).toEqual(text.split('\n'));
  });

  it('stops at a line longer than the bound', async () => {
    const path = join(TMP, 'long.txt');
    writeFileSync(path, `short\n${'x'.repeat(300_000)}\nafter\n`);
    expect(await collect(fileLines(path, 1000))).toEqual(['short', { tooLong: expect.any(Number) }]);
  });
});

describe('readTrace', () => {
  it('names a too-long line as a trace error at its line', async () => {
    const path = join(TMP, 'long.ndjson');
    writeFileSync(path, `${HEADER}\n{"note":"${'x'.repeat(5000)}"}\n`);
    const r = await readTrace(fileLines(path, 1000));
    expect(r).toEqual({ ok: false, error: { kind: 'traceError', line: 2, message: expect.stringMatching(/^line too long/) } });
  });

  it('counts lines and commands, and stops when the callback says so', async () => {
    const path = join(TMP, 'three.ndjson');
    writeFileSync(path, [HEADER, '{"note":"n"}', '{"cmd":"fork","mm":0}', '{"cmd":"fork","mm":0}', ''].join('\n'));
    expect(await readTrace(fileLines(path))).toEqual({ ok: true, config: { devices: 2 }, lines: 5, commands: 2 });
    const seen: TraceLine[] = [];
    await readTrace(fileLines(path), (l) => seen.push(l) === 2);
    expect(seen.map((l) => l.line)).toEqual([2, 3]);
  });

  it('an unreadable path rejects with its code', async () => {
    await expect(readTrace(fileLines(join(TMP, 'absent')))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
