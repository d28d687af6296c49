/** `hmm-check replay` (SPEC §8): exit codes 0/1/2, messages, --final; worlds faked or real. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWorlds, replay, runReplay, type ReplayDeps } from '../../properties/cli/replay.js';
import { subcommands } from '../../properties/cli/subcommands.js';
import { fileLines } from '../../properties/trace/index.js';
import { initialObservation } from '../../spec/index.js';
import { ScriptedWorld, type Scripted } from '../properties/trace/scriptedWorld.js';

const EXAMPLES = fileURLToPath(new URL('../fixtures/examples/', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'hmm-replay-'));
const HEADER = '{"hmmTrace":1,"config":{"devices":2}}';

function file(name: string, lines: string[]): string {
  const path = join(TMP, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

interface Run { code: number; stdout: string; stderr: string }

async function run(argv: string[], worlds?: () => Scripted[][] | { error: string }): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const deps: ReplayDeps = {
    readLines: (p) => fileLines(p),
    buildWorlds: async (config, modelOnly) => {
      if (!worlds) return buildWorlds(config, modelOnly);
      const w = worlds();
      if ('error' in w) return w;
      return w.slice(0, modelOnly ? 1 : 2).map((s, i) => ({ name: ['model', 'impl'][i]!, world: new ScriptedWorld(s) }));
    },
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
  };
  return { code: await runReplay(argv, deps), ...out };
}

const ONE = file('one.ndjson', [HEADER, '{"note":"fork at once"}', '{"cmd":"fork","mm":0,"expect":{"ok":1}}']);
const forkOk = (r = 1): Scripted[] => [{ result: { ok: r } }];

describe('hmm-check replay: bad usage and bad input exit 2 with one line', () => {
  it('needs exactly one FILE', async () => {
    expect(await run([])).toEqual({ code: 2, stdout: '', stderr: 'hmm-check replay: needs one trace FILE (see --help)\n' });
    expect((await run([ONE, ONE])).code).toBe(2);
  });

  it('rejects unknown flags', async () => {
    const r = await run([ONE, '--fast']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "hmm-check replay: unknown flag '--fast' (see --help)\n" });
  });

  it('a missing file', async () => {
    const r = await run([join(TMP, 'nope.ndjson')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`hmm-check replay: cannot read ${join(TMP, 'nope.ndjson')} (ENOENT)\n`);
  });

  it('a trace error: FILE:LINE: message', async () => {
    const bad = file('bad.ndjson', [HEADER, '{"cmd":"mmap","mm":0,"start":0,"npages":1,"prot":"rw"}', '{"cmd":"read","mm":0,"vpn":"3"}']);
    expect(await run([bad], () => [forkOk()])).toEqual({ code: 2, stdout: '', stderr: `hmm-check replay: ${bad}:3: field "vpn" must be a number, got string "3"\n` });
    const header = file('header.ndjson', ['{"hmmTrace":1,"config":{"devices":0}}']);
    expect((await run([header], () => [forkOk()])).stderr).toMatch(/header\.ndjson:1: field "config\.devices" must be an integer 1\.\.8, got number 0\n$/);
  });
});

describe('hmm-check replay: verdicts', () => {
  it('exit 0 and a PASS line when every line passes', async () => {
    const r = await run([ONE], () => [forkOk(), forkOk()]);
    expect(r).toEqual({ code: 0, stdout: `PASS ${ONE} on model and impl: 1 commands replayed\n`, stderr: '' });
  });

  it('exit 1 naming the line, command and what broke', async () => {
    const r = await run([ONE], () => [forkOk(), forkOk(2)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      `FAIL ${ONE} on model and impl: line 3 (command 1)`,
      '  command: {"cmd":"fork","mm":0}',
      '  note:    fork at once',
      '  impl gave {"ok":2}, the trace expects {"ok":1}',
      '',
    ].join('\n'));
  });

  it('--model-only replays on the model alone', async () => {
    const r = await run([ONE, '--model-only'], () => [forkOk(), forkOk(2)]);
    expect(r).toMatchObject({ code: 0, stdout: `PASS ${ONE} on model: 1 commands replayed\n` });
  });

  it('--final: the report on stderr, the final observation as the one line of stdout', async () => {
    const r = await run([ONE, '--final'], () => [forkOk(), forkOk()]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^PASS /);
    expect(r.stdout.split('\n')).toEqual([JSON.stringify(initialObservation(2)), '']);
  });

  it('a world that cannot be loaded: one line, exit 70', async () => {
    expect(await run([ONE], () => ({ error: 'cannot load the impl (../../impl/index.js): boom' }))).toEqual({
      code: 70, stdout: '', stderr: 'hmm-check replay: cannot load the impl (../../impl/index.js): boom\n',
    });
  });
});

describe('hmm-check replay: the subcommand', () => {
  it('is registered, with help listing flags and exit codes', () => {
    expect(subcommands).toContain(replay);
    for (const s of ['--final', '--model-only', '0 ', '1 ', '2 ']) expect(replay.help).toContain(s);
  });

  it('replays a worked example on the real model and implementation, --final giving its final observation', async () => {
    const name = 'reclaim_fenced_keeps_device_write';
    const r = await run([`${EXAMPLES}${name}.ndjson`, '--final']);
    expect(r.stderr).toMatch(/^PASS /);
    expect(r.code).toBe(0);
    const last = r.stdout.trimEnd().split('\n').at(-1)!;
    expect(JSON.parse(last)).toEqual(JSON.parse(readFileSync(`${EXAMPLES}${name}.final.json`, 'utf8')));
  });
});
