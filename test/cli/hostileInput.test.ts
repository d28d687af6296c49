/**
 * Issue 14, through the built CLI as a user runs it: every bad input gives exit 2 and one
 * bounded, escaped line, never a stack trace or a spin; text from a trace reaches the terminal
 * escaped; a byte-order mark is accepted. Each case names the item of the issue it checks.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MUTANTS } from '../../impl/mutants/index.js';
import { cli, expectBadInput } from './cli.js';

const TMP = mkdtempSync(join(tmpdir(), 'hmm-hostile-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const HEADER = '{"hmmTrace":1,"config":{"devices":2}}';
const ESC_TITLE = '\u001b]0;owned\u0007'; // sets the terminal's title if printed raw

function file(name: string, text: string): string {
  const path = join(TMP, name);
  writeFileSync(path, text);
  return path;
}

describe('issue 14, bugs: exit 2 and one line, where exit 70 and a stack trace were', () => {
  it.each([
    [['--replay-path', 'garbage']],
    [['--replay-path', '']],
    [['--replay-path=']],
  ])('run --path 1:2 %j', (extra) => {
    expect(expectBadInput(cli(['run', '--path', '1:2', ...extra]))).toMatch(/^hmm-check run: flag '--replay-path' is not a fast-check replay path/);
  });

  it('scenarios --dir naming a file', () => {
    const f = file('not-a-dir', '');
    expect(expectBadInput(cli(['scenarios', '--dir', f]))).toBe(`hmm-check scenarios: flag '--dir' needs a folder, '${f}' is not one`);
  });

  it('scenarios --dir holding a file that cannot be read', () => {
    const dir = join(TMP, 'unreadable');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.ndjson'), `${HEADER}\n`);
    symlinkSync(join(dir, 'gone'), join(dir, 'b.ndjson')); // a dangling link: ENOENT (chmod 000 would not stop root)
    expect(expectBadInput(cli(['scenarios', '--dir', dir]))).toBe(`hmm-check scenarios: cannot read '${join(dir, 'b.ndjson')}' (ENOENT)`);
  });

  it('diagram --write naming a directory', () => {
    expect(expectBadInput(cli(['diagram', '--write', TMP]))).toBe(`hmm-check diagram: flag '--write' needs a file, '${TMP}' is not one`);
  });

  it('run --path naming no run is bad input, not a pass with nothing run', () => {
    expect(expectBadInput(cli(['run', '--path', '999999:2']))).toMatch(/^hmm-check run: flag '--path' names no run: '999999:2'/);
  });

  it('a seed above 2^31 - 1 is refused rather than reported as a negative number', () => {
    expect(expectBadInput(cli(['run', '--seed', '3000000000']))).toBe("hmm-check run: flag '--seed' must be at most 2147483647, not 3000000000");
    const r = cli(['run', '--seed', '2147483647', '--runs', '1', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).seed).toBe(2147483647);
  });

  it('--out under a path that cannot be created fails at once instead of spinning', () => {
    const target = existsSync('/proc/self') ? '/proc/hmm-check/out' : join(file('plain', ''), 'out');
    const r = cli(['run', '--mutant', 'migrateDropsDirty', '--runs', '300', '--out', target], 30_000);
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(expectBadInput(r)).toMatch(new RegExp(`^hmm-check run: cannot write to --out '${target}' \\(ENOENT|ENOTDIR\\)`));
  });

  it('run --help points at a list of the mutant names that exists: mutants --list', () => {
    expect(cli(['run', '--help']).stdout).toContain('hmm-check mutants\n                    --list');
    const r = cli(['mutants', '--list']);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(MUTANTS.map((m) => m.name));
  });

  it('the implementation answers a devFault over more than 2^32 pages as the model does (it used to throw)', () => {
    const f = file('huge.ndjson', [HEADER,
      '{"cmd":"mmap","mm":0,"start":0,"npages":4,"prot":"rw","expect":{"ok":0}}',
      '{"cmd":"register","dev":0,"mm":0,"expect":{"ok":1}}',
      '{"cmd":"devFault","dev":0,"mm":0,"start":0,"npages":8589934592,"write":false,"expect":{"op":1}}',
      '{"cmd":"finish","op":1,"expect":{"err":"EFAULT"}}', ''].join('\n'));
    expect(cli(['replay', f])).toMatchObject({ status: 0, stdout: `PASS ${f} on model and impl: 4 commands replayed\n` });
  });

  it('hmm-check with no arguments prints its usage on stderr, exit 2', () => {
    const r = cli([]);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(/^usage: hmm-check <command>/);
  });

  it('scenarios: a scenario that is not valid JSON is bad input (2), not a failure (1)', () => {
    const dir = join(TMP, 'badjson');
    mkdirSync(dir);
    writeFileSync(join(dir, 'x.ndjson'), `${HEADER}\n{"cmd":\n`);
    const r = cli(['scenarios', '--dir', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^hmm-check scenarios: x\.ndjson:2: bad JSON: [^\n]*\n$/);
  });
});

describe('issue 14, terminal and message safety', () => {
  it('a bad line with an escape sequence is quoted escaped', () => {
    const f = file('esc.ndjson', `${HEADER}\n${JSON.stringify({ cmd: `x${ESC_TITLE}` })}\n`);
    expect(expectBadInput(cli(['replay', f]))).toBe(`hmm-check replay: ${f}:2: unknown command "x\\u001b]0;owned\\u0007"`);
  });

  it('bad JSON holding control characters: the parser\'s message is escaped', () => {
    const f = file('esc-json.ndjson', `${HEADER}\n\u001b[2J{}\n`);
    expect(expectBadInput(cli(['replay', f]))).toMatch(/^hmm-check replay: .*:2: bad JSON: .*\\u001b/);
  });

  it('a 10 MB unknown command is cut with an ellipsis and its total size', () => {
    const name = 'A'.repeat(10 * 1024 * 1024);
    const f = file('huge.ndjson', `${HEADER}\n{"cmd":"${name}"}\n`);
    const line = expectBadInput(cli(['replay', f]));
    expect(line).toBe(`hmm-check replay: ${f}:2: unknown command "${'A'.repeat(80)}…" (10485760 characters)`);
  });

  it('an unknown subcommand and flag with control characters are escaped', () => {
    const r = cli([`x${ESC_TITLE}`]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("hmm-check: unknown command 'x\\u001b]0;owned\\u0007'");
    expect(expectBadInput(cli(['run', `--a${ESC_TITLE}`]))).toBe("hmm-check run: unknown flag '--a\\u001b]0;owned\\u0007' (see --help)");
  });

  it('a note with a newline and an escape sequence does not break the failure report', () => {
    const note = `line one\nline two ${ESC_TITLE}`;
    const f = file('note.ndjson', [HEADER, JSON.stringify({ note }), '{"cmd":"read","mm":0,"vpn":0,"expect":{"ok":0}}', ''].join('\n'));
    const r = cli(['replay', f]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stdout).toContain('  note:    line one\\nline two \\u001b]0;owned\\u0007\n');
  });

  it('a trace starting with a UTF-8 byte-order mark is accepted', () => {
    const f = file('bom.ndjson', `\ufeff${HEADER}\n{"cmd":"mmap","mm":0,"start":0,"npages":1,"prot":"rw","expect":{"ok":0}}\n`);
    const r = cli(['replay', f]);
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ status: 0, stdout: `PASS ${f} on model and impl: 1 commands replayed\n` });
  });
});
