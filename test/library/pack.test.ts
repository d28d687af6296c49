/**
 * The package a user installs (`npm pack`): it holds the built library, its types, the CLI and
 * docs/, not the tests or TypeScript sources; unpacked as `node_modules/hmm-model` of a scratch
 * project (its dependencies linked from this project's node_modules: no network), a plain
 * `.mjs` imports `checkConformance` and checks a tiny world of its own (a pass, and a
 * counterexample), a TypeScript file and the README's example type-check against the package's types, and the
 * `hmm-check` binary runs. Packs `dist/` as `npm ci` built it (`--ignore-scripts`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let app: string;
let files: string[];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'hmm-pack-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  app = join(dir, 'app');
  const pkg = join(app, 'node_modules', 'hmm-model');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, packed[0]!.filename), '-C', pkg, '--strip-components=1']);
  for (const dep of ['fast-check', 'xstate']) symlinkSync(join(ROOT, 'node_modules', dep), join(app, 'node_modules', dep), 'dir');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
});

describe('the packed package', () => {
  it('ships the library, its types, the CLI, docs and README, and no tests or sources', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/properties/cli/main.js', 'docs/protocol.md', 'README.md', 'package.json']));
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('dist/test/') || f.startsWith('dist/bench/'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('checks a tiny world of its own from a plain .mjs: a pass, and a counterexample', () => {
    writeFileSync(join(app, 'check.mjs'), `
import { checkConformance, createImplWorld } from 'hmm-model';
// A world that wraps the built-in implementation, and one that reads one less than was written.
class Honest { constructor(c) { this.w = createImplWorld(c); } apply(c) { return this.w.apply(c); } observe() { return this.w.observe(); } }
class Forgetful extends Honest {
  apply(c) { const r = super.apply(c); return c.cmd === 'read' && 'ok' in r && r.ok > 0 ? { ok: r.ok - 1 } : r; }
}
const pass = await checkConformance({ impl: (c) => new Honest(c), runs: 20, steps: 50 });
const fail = await checkConformance({ impl: (c) => new Forgetful(c), runs: 500, steps: 200 });
console.log(JSON.stringify({ pass: pass.verdict, skipped: pass.skippedRules, fail: fail.verdict, failure: fail.counterexample?.failure }));
`);
    const out = JSON.parse(execFileSync('node', ['check.mjs'], { cwd: app, encoding: 'utf8' })) as Record<string, unknown>;
    expect(out['pass']).toBe('pass');
    // The wrapper has no checkStructure, so the implementation's structure check is skipped.
    expect(out['skipped']).toEqual([{ rule: 'ptStructure', needs: ['checkStructure'] }]);
    expect(out['fail']).toBe('counterexample');
    // SPEC §6 memoryIsMemory / §3 read: a read gives the value last written; the world answers one less.
    expect(out['failure']).toMatchObject({ kind: 'result', modelResult: { ok: expect.any(Number) }, implResult: { ok: expect.any(Number) } });
    const f = out['failure'] as { modelResult: { ok: number }; implResult: { ok: number } };
    expect(f.implResult.ok).toBe(f.modelResult.ok - 1);
  });

  it('type-checks a TypeScript world and the README example against the package types', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Checking your own world'));
    writeFileSync(join(app, 'readme.ts'), section.slice(section.indexOf('```ts\n') + 6, section.indexOf('```\n', section.indexOf('```ts\n') + 6)));
    writeFileSync(join(app, 'world.ts'), `
import { checkConformance, type Command, type ConformanceReport, type Observation, type Result, type World, type WorldConfig, createModelWorld } from 'hmm-model';
class Mine implements World {
  private readonly inner: World;
  constructor(config: WorldConfig) { this.inner = createModelWorld(config); }
  apply(command: Command): Result { return this.inner.apply(command); }
  observe(): Observation { return this.inner.observe(); }
}
export const report: Promise<ConformanceReport> = checkConformance({ impl: (c) => new Mine(c), runs: 1 });
`);
    symlinkSync(join(ROOT, 'node_modules', '@types'), join(app, 'node_modules', '@types'), 'dir');
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, files: ['world.ts', 'readme.ts'] }));
    expect(() => execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', app], { cwd: app, encoding: 'utf8' })).not.toThrow();
  });

  it('installs the hmm-check binary', () => {
    const help = execFileSync('node', [join(app, 'node_modules', 'hmm-model', 'dist', 'properties', 'cli', 'main.js'), 'run', '--help'], { encoding: 'utf8' });
    expect(help).toContain('--impl COMMAND');
  });
});
