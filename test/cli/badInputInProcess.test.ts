/**
 * The bad inputs of issue 14 that scenarios, diagram and mutants refuse, called in process (the
 * spawned CLI's exit codes and one-line messages are checked in hostileInput.test.ts): each is a
 * UsageError, which main prints as one line with exit 2.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../properties/cli/args.js';
import { diagram } from '../../properties/cli/diagram.js';
import { runMutants } from '../../properties/cli/mutants.js';
import { scenarios } from '../../properties/cli/scenarios.js';
import { MUTANTS } from '../../impl/mutants/index.js';

const TMP = mkdtempSync(join(tmpdir(), 'hmm-badinput-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const HEADER = '{"hmmTrace":1,"config":{"devices":2}}';

describe('bad inputs are UsageErrors', () => {
  it('scenarios --dir: a file, a folder with an unreadable trace, a trace that is not JSON', async () => {
    const file = join(TMP, 'f');
    writeFileSync(file, '');
    await expect(scenarios.run(['--dir', file])).rejects.toThrow(new UsageError(`flag '--dir' needs a folder, '${file}' is not one`));
    const gone = join(TMP, 'gone');
    mkdirSync(gone);
    symlinkSync(join(gone, 'nowhere'), join(gone, 'a.ndjson'));
    await expect(scenarios.run(['--dir', gone])).rejects.toThrow(new UsageError(`cannot read '${join(gone, 'a.ndjson')}' (ENOENT)`));
    const bad = join(TMP, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'b.ndjson'), `${HEADER}\n{"cmd":"\\u001b"}\n`);
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await expect(scenarios.run(['--dir', bad])).rejects.toThrow(/^b\.ndjson:2: unknown command "\\u001b"$/);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toContain('ERROR');
    } finally {
      write.mockRestore();
    }
  });

  it('diagram --write: a folder, a missing file', async () => {
    await expect(diagram.run(['--write', TMP])).rejects.toThrow(new UsageError(`flag '--write' needs a file, '${TMP}' is not one`));
    await expect(diagram.run(['--write', join(TMP, 'none.md')])).rejects.toThrow(UsageError);
  });

  it('mutants --list names every mutant, one a line', async () => {
    const out: string[] = [];
    expect(await runMutants(['--list'], { stdout: (t) => void out.push(t), stderr: () => undefined })).toBe(0);
    expect(out.join('').trimEnd().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(MUTANTS.map((m) => m.name));
  });
});
