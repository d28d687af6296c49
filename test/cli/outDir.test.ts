/**
 * `--out DIR` (properties/cli/outDir.ts): made with its missing parents, one mkdir per level,
 * and refused with the first error, where node's recursive mkdir spins forever (under /proc).
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirectory } from '../../properties/cli/outDir.js';

const TMP = mkdtempSync(join(tmpdir(), 'hmm-outdir-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('makeDirectory', () => {
  it('makes missing levels, and leaves an existing folder as it is', async () => {
    const dir = join(TMP, 'a', 'b', 'c');
    await makeDirectory(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    await makeDirectory(dir);
    await makeDirectory(join(TMP, 'a'));
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('refuses a path through a file (ENOTDIR) and a file itself', async () => {
    const file = join(TMP, 'file');
    writeFileSync(file, '');
    await expect(makeDirectory(join(file, 'x', 'y'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(makeDirectory(file)).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('refuses at once where mkdir answers ENOENT for a parent that exists (/proc), instead of spinning', async () => {
    const parent = existsSync('/proc/self') ? '/proc' : join(TMP, 'file');
    await expect(makeDirectory(join(parent, 'hmm-check', 'out'))).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOENT|ENOTDIR)$/) });
  });
});
