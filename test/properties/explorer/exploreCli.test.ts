/**
 * `hmm-check explore`: honest verdicts and their exit codes (exhausted and bounded 0,
 * counterexample 1, incomplete 3; never a bare "pass"), the `--json` fields, a counterexample
 * printed and written as `hmm-check run` writes its own, `--rules-only`, and one-line usage
 * errors. Scopes are small files written here; one worker, in this thread.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../properties/cli/args.js';
import { runExplore, type ExploreDeps } from '../../../properties/cli/explore.js';
import { loadParts, SystemLoadError } from '../../../properties/explorer/systemSpec.js';

const dir = mkdtempSync(join(tmpdir(), 'explore-cli-'));

function scopeFile(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

/** vmas only: mmap and munmap of one page, every state within 2 commands. */
const TINY = scopeFile('tiny.json', { devices: 1, mms: [0], ranges: [[0, 1]], prots: ['rw'], commands: { mmap: {}, munmap: {}, step: {} } });
/** A migration after a write: enough for migrateDropsDirty (mmap, write, migrate, finish). */
const MIGRATE = scopeFile('migrate.json', { devices: 1, mms: [0], vpns: [0], ranges: [[0, 1]], values: [1], prots: ['rw'], commands: { mmap: {}, write: {}, migrate: {}, finish: {} } });
/** A fenced migration failed with ENOMEM, which only the model tells from EIO (a warning, the mirror killed). */
const FAIL = scopeFile('fail.json', { devices: 1, mms: [0], ranges: [[0, 1]], prots: ['rw'], failCodes: ['ENOMEM'], commands: { mmap: {}, register: {}, migrate: {}, fail: {}, step: { choices: ['fence'] } } });

function deps(): ExploreDeps & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, loadParts, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cores: 1 };
}

describe('hmm-check explore', () => {
  it('says exhausted, exit 0, when no new state lies beyond a depth', async () => {
    const d = deps();
    expect(await runExplore(['--scope', TINY, '--depth', '9'], d)).toBe(0);
    const text = d.out.join('');
    expect(text).toMatch(/verdict +exhausted: every state of the scope reached and checked/);
    expect(text).not.toMatch(/\bpass\b/);
  });

  it('says bounded at --depth 0, never pass, even for a mutant it could not reach', async () => {
    const d = deps();
    expect(await runExplore(['--scope', MIGRATE, '--depth', '0', '--mutant', 'migrateDropsDirty'], d)).toBe(0);
    const text = d.out.join('');
    expect(text).toContain('bounded: no counterexample within depth 0');
    expect(text).not.toMatch(/\bpass\b/);
  });

  it('finds the mutant with the shortest counterexample, printed as run prints its own and written with --out', async () => {
    const d = deps();
    const out = join(dir, 'cx');
    expect(await runExplore(['--scope', MIGRATE, '--mutant', 'migrateDropsDirty', '--out', out], d)).toBe(1);
    const text = d.out.join('');
    expect(text).toContain('verdict    counterexample: observations differ after finish(op1)');
    expect(text).toContain('program (shortest, 4 calls):');
    expect(text).toContain('first difference (model vs impl, SPEC §7):');
    expect(text).toMatch(/replay +hmm-check explore --scope \S+ --mutant migrateDropsDirty/);
    expect(readFileSync(join(out, 'counterexample.ndjson'), 'utf8').split('\n')[0]).toBe('{"hmmTrace":1,"config":{"devices":1}}');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });

  it('with --json gives the issue\'s fields', async () => {
    const d = deps();
    expect(await runExplore(['--scope', TINY, '--json'], d)).toBe(0);
    const json = JSON.parse(d.out.join('')) as Record<string, unknown>;
    for (const key of ['verdict', 'exhausted', 'depthCompleted', 'states', 'statesPerSecond', 'workers', 'fingerprintCollisionProbability']) expect(json).toHaveProperty(key);
    expect(json).toMatchObject({ verdict: 'exhausted', exhausted: true, workers: 1 });
    expect(json['fingerprintCollisionProbability']).toBeLessThan(1e-12);
  });

  it('says incomplete, exit 3, when a cap stops it, with the depth it completed', async () => {
    const d = deps();
    // Depth 1 leaves 3 states (the initial one, after mmap, after migrate: write has no vma yet);
    // depth 2 leaves more, past the cap.
    expect(await runExplore(['--scope', MIGRATE, '--max-states', '3', '--json'], d)).toBe(3);
    expect(JSON.parse(d.out.join(''))).toMatchObject({ verdict: 'incomplete', reason: 'states', depthCompleted: 2, newStates: [1, 2, expect.any(Number)] });
    // The default scope to depth 8 takes far longer than a millisecond.
    const t = deps();
    expect(await runExplore(['--time-limit', '0.001'], t)).toBe(3);
    expect(t.out.join('')).toMatch(/verdict +incomplete: time limit reached; no counterexample within depth \d\n/);
  });

  it('finds in lockstep a mutant the rules alone cannot see (a failure code other than EIO taken as success)', async () => {
    const lockstep = deps();
    expect(await runExplore(['--scope', FAIL, '--mutant', 'failureCodeTakenAsSuccess', '--depth', '7'], lockstep)).toBe(1);
    expect(lockstep.out.join('')).toMatch(/verdict +counterexample: observations differ/);
    const alone = deps();
    expect(await runExplore(['--scope', FAIL, '--mutant', 'failureCodeTakenAsSuccess', '--depth', '7', '--rules-only'], alone)).toBe(0);
    expect(alone.out.join('')).toContain('impl (mutant failureCodeTakenAsSuccess) alone, rules only');
  });

  it('exits 70 with one line when the worlds cannot be loaded, and refuses an --out it cannot write', async () => {
    const d = { ...deps(), loadParts: async () => Promise.reject(new SystemLoadError('cannot load ../../impl/index.js: broken', false)) };
    expect(await runExplore(['--scope', TINY], d)).toBe(70);
    expect(d.err.join('')).toBe('hmm-check explore: cannot load ../../impl/index.js: broken\n');
    await expect(runExplore(['--scope', MIGRATE, '--mutant', 'migrateDropsDirty', '--out', join(TINY, 'sub')], deps())).rejects.toThrow(/cannot write to --out/);
  });

  it('refuses bad usage with a one-line UsageError', async () => {
    await expect(runExplore(['--scope', join(dir, 'missing.json')], deps())).rejects.toThrow(/cannot read scope file/);
    await expect(runExplore(['--scope', scopeFile('bad.json', '{"devices": 9}')], deps())).rejects.toThrow(UsageError);
    await expect(runExplore(['--scope', scopeFile('badcmd.json', { commands: { jump: {} } })], deps())).rejects.toThrow(/unknown command "jump"/);
    await expect(runExplore(['--mutant', 'nope', '--scope', TINY], deps())).rejects.toThrow(/unknown mutant 'nope'/);
    await expect(runExplore(['--model', '--scope', TINY], deps())).rejects.toThrow(/needs '--rules-only'/);
    await expect(runExplore(['--context-bound', '1', '--scope', TINY], deps())).rejects.toThrow(/needs a scope with "threads"/);
  });
});
