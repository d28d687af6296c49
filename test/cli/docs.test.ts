/**
 * `hmm-check docs`: prints the package's docs/semantics.md as it would write it, `--check` exits
 * 0 when up to date and 1 naming the stale parts, `--write` refreshes them in place (links
 * relative to the file written), bad usage and unreadable inputs are UsageErrors (exit 2), and
 * a code base the generator cannot follow is exit 70 with one line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../properties/cli/args.js';
import { SEMANTICS_DOC, runDocs, type DocsDeps } from '../../properties/cli/docs.js';
import { packageRoot } from '../../properties/cli/scenarios.js';

const ROOT = packageRoot();
const DOC = join(ROOT, SEMANTICS_DOC);

function harness(root = ROOT): { deps: DocsDeps; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { root, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) } };
}

/** A copy of docs/semantics.md in a fresh folder (its links then need rewriting for that place). */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hmm-docs-'));
  const file = join(dir, 'semantics.md');
  writeFileSync(file, readFileSync(DOC, 'utf8'));
  return file;
}

describe('hmm-check docs', () => {
  it('prints docs/semantics.md as it would write it, and --check passes on it', async () => {
    const h = harness();
    expect(await runDocs([], h.deps)).toBe(0);
    expect(h.out.join('')).toBe(readFileSync(DOC, 'utf8'));
    expect(await runDocs(['--check', DOC], h.deps)).toBe(0);
    expect(h.err).toEqual([]);
  });

  it('--check exits 1 naming the stale parts; --write puts them right', async () => {
    const file = copy();
    const h = harness();
    expect(await runDocs(['--check', file], h.deps)).toBe(1);
    expect(h.err.join('')).toMatch(/stale generated parts: commands, checks, diagrams, rules, observation, mutants \(run hmm-check docs --write /);
    expect(await runDocs(['--write', file], h.deps)).toBe(0);
    expect(await runDocs(['--check', file], h.deps)).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('`EEXIST`: the range overlaps a vma', '`EEXIST`: stale'));
    h.err.length = 0;
    expect(await runDocs(['--check', file], h.deps)).toBe(1);
    expect(h.err.join('')).toMatch(/stale generated parts: checks \(/);
    expect(await runDocs(['--write', file], h.deps)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('`EEXIST`: the range overlaps a vma');
  });

  it('writes links relative to the file it writes', async () => {
    const file = copy();
    const dir = join(file, '..');
    expect(await runDocs(['--write', file], harness().deps)).toBe(0);
    const link = /\[`mmap`\]\(([^)]+)\)/.exec(readFileSync(file, 'utf8'))![1]!;
    expect(link).toMatch(/model\/world\/commands\/vmaCommands\.ts$/);
    expect(join(dir, link.split('#')[0]!)).toBe(join(ROOT, 'model/world/commands/vmaCommands.ts'));
  });

  it('refuses bad usage and unreadable inputs as UsageErrors', async () => {
    const h = harness();
    await expect(runDocs(['--write', DOC, '--check', DOC], h.deps)).rejects.toThrow(/not both/);
    await expect(runDocs(['--check', join(ROOT, 'no-such.md')], h.deps)).rejects.toThrow(UsageError);
    await expect(runDocs(['--write', join(ROOT, 'no-folder/x.md')], h.deps)).rejects.toThrow(/no folder/);
    await expect(runDocs(['--write', join(ROOT, 'docs')], h.deps)).rejects.toThrow(/needs a file/);
    await expect(runDocs(['--matrix', DOC], h.deps)).rejects.toThrow(/is not a kill matrix/);
    await expect(runDocs(['--fast'], h.deps)).rejects.toThrow(UsageError);
  });

  it('exits 70 with one line when the sources it links to are not there', async () => {
    const h = harness(join(ROOT, 'docs'));
    expect(await runDocs(['--check', DOC], h.deps)).toBe(70);
    expect(h.err.join('')).toMatch(/^hmm-check docs: no folder model\/world\/commands \(hmm-check docs needs the repository's sources\)\n$/);
  });
});
