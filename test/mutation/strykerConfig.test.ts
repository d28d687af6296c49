/**
 * `npm run mutation` is too long for the suite, so this checks that its StrykerJS configuration
 * (stryker.config.mjs) loads and means what it says: every option is one Stryker or its vitest
 * runner knows (their JSON schemas), every `mutate` glob names implementation files outside
 * impl/mutants/, and the vitest configuration it runs holds exactly the conformance test.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strykerCoreSchema } from '@stryker-mutator/api/core';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const config = (await import(join(ROOT, 'stryker.config.mjs'))).default as Record<string, unknown>;
const runnerSchema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@stryker-mutator/vitest-runner/dist/schema/vitest-runner-options.json'), 'utf8')) as {
  properties: { vitest: { properties: Record<string, unknown> } };
};

/** The .ts files under `dir`, recursively, relative to the root. */
function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('stryker.config.mjs', () => {
  it('uses only options Stryker and its vitest runner define', () => {
    const known = new Set([...Object.keys(strykerCoreSchema.properties as object), 'vitest']);
    expect(Object.keys(config).filter((k) => !known.has(k))).toEqual([]);
    const vitest = config['vitest'] as Record<string, unknown>;
    expect(Object.keys(vitest).filter((k) => !(k in runnerSchema.properties.vitest.properties))).toEqual([]);
    expect(config['testRunner']).toBe('vitest');
  });

  it('mutates the five implementation folders the score is over, never the hand-written mutants', () => {
    const globs = config['mutate'] as string[];
    const dirs = globs.map((g) => g.replace(/\/\*\*\/\*\.ts$/, ''));
    expect(dirs.sort()).toEqual(['impl/cpu', 'impl/device', 'impl/hmm', 'impl/pagetable', 'impl/world']);
    for (const dir of dirs) expect(tsFiles(dir).length, dir).toBeGreaterThan(0);
    expect(globs.some((g) => g.startsWith('impl/mutants'))).toBe(false);
  });

  it("runs the checker's jobs (conformance, exploration, the state key's properties), and reports under reports/mutation/ (ignored by git)", async () => {
    const file = (config['vitest'] as { configFile: string }).configFile;
    expect(existsSync(join(ROOT, file))).toBe(true);
    const vitestConfig = (await import(join(ROOT, file))).default as { test: { include: string[] } };
    expect(vitestConfig.test.include).toEqual(['test/mutation/**/*.mutation.ts']);
    expect(readdirSync(join(ROOT, 'test/mutation')).filter((f) => f.endsWith('.mutation.ts'))).toEqual(['checker.mutation.ts']);
    const imported = [...readFileSync(join(ROOT, 'test/mutation/checker.mutation.ts'), 'utf8').matchAll(/await import\('(.+?)'\)/g)].map((m) => m[1]!);
    expect(imported).toEqual(['../properties/explorer/keySoundness.test.js', '../impl/writeState.test.js']);
    for (const file of imported) expect(existsSync(join(ROOT, 'test/mutation', file.replace(/\.js$/, '.ts'))), file).toBe(true);
    for (const key of ['htmlReporter', 'jsonReporter']) {
      expect((config[key] as { fileName: string }).fileName.startsWith('reports/mutation/'), key).toBe(true);
    }
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['reports/', '.stryker-tmp/']));
  });

  it('loads its local reporter, which logs exactly the undetected mutants as the ledger names them', async () => {
    const local = (config['plugins'] as string[]).filter((p) => p.startsWith('./'));
    expect(local).toEqual(['./bench/strykerSurvivorLog.mjs']);
    const mod = (await import(join(ROOT, local[0]!))) as {
      strykerPlugins: { kind: string; name: string }[];
      SurvivorLog: new (log: string) => { onMutantTested(r: unknown): void };
    };
    const names = mod.strykerPlugins.filter((p) => p.kind === 'Reporter').map((p) => p.name);
    expect(names).toEqual(['survivor-log']);
    expect(config['reporters']).toContain('survivor-log');
    const log = join(mkdtempSync(join(tmpdir(), 'survivor-log-')), 'nested', 'survivors.ndjson');
    const reporter = new mod.SurvivorLog(log);
    const result = (status: string, line: number) => ({
      fileName: join(process.cwd(), 'impl/hmm/fault.ts'), mutatorName: 'BlockStatement', replacement: '{}', status,
      location: { start: { line, column: 7 }, end: { line, column: 9 } },
    });
    for (const [status, line] of [['Killed', 1], ['Survived', 2], ['Timeout', 3], ['NoCoverage', 4], ['CompileError', 5]] as const) {
      reporter.onMutantTested(result(status, line));
    }
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines).toEqual([
      { where: 'impl/hmm/fault.ts:2:7', mutator: 'BlockStatement', replacement: '{}', status: 'Survived' },
      { where: 'impl/hmm/fault.ts:4:7', mutator: 'BlockStatement', replacement: '{}', status: 'NoCoverage' },
    ]);
  });
});
