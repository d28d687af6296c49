/**
 * `.ci/run` fails when a test was skipped (issue 13): its counter (.ci/countResults.mjs) takes a
 * skipped or todo test as a failure. Checked on a tiny throwaway vitest run of one passing, one
 * skipped (it.skip) and one todo test, with vitest's JSON reporter as .ci/run uses it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'hmm-ci-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function count(...reports: string[]): { lines: string[]; status: number | null } {
  const r = spawnSync(process.execPath, [join(ROOT, '.ci/countResults.mjs'), ...reports], { encoding: 'utf8' });
  return { lines: r.stdout.trimEnd().split('\n'), status: r.status };
}

/** Runs vitest on `tests` (file name to source, vitest's globals, no import) and returns its JSON report's path. */
function throwawayRun(tests: Record<string, string>): string {
  const dir = mkdtempSync(join(TMP, 'run-'));
  writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { globals: true, include: ['*.test.js'] } };\n");
  for (const [name, source] of Object.entries(tests)) writeFileSync(join(dir, name), source);
  const report = join(dir, 'report.json');
  spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--reporter=json', `--outputFile.json=${report}`], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return report;
}

describe('.ci/run counts a skipped or todo test as failed', () => {
  it('pass, it.skip, it.todo, a failing test and a file that cannot load: 1 passed, 4 failed, the two not run named', () => {
    const report = throwawayRun({
      'a.test.js': "it('passes', () => {});\nit.skip('is skipped', () => {});\nit.todo('is todo');\n",
      'fails.test.js': "it('fails', () => { throw new Error('no'); });\n",
      'broken.test.js': 'this is not javascript(\n',
    });
    const { lines, status } = count(report);
    expect(status).toBe(0);
    expect(lines.at(-1)).toBe('1 4');
    expect(lines.slice(0, -1).sort()).toEqual([
      expect.stringMatching(/^not run \((pending|skipped)\): .*a\.test\.js: is skipped$/),
      expect.stringMatching(/^not run \(todo\): .*a\.test\.js: is todo$/),
    ]);
  });

  it('a clean run counts no failure', () => {
    expect(count(throwawayRun({ 'ok.test.js': "it('passes', () => {});\n" })).lines).toEqual(['1 0']);
  });
});
