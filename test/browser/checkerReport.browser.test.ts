/**
 * A counterexample found by the checker itself, against a mutant, as users get it from
 * `hmm-check run --mutant NAME --out DIR`: DIR/report.html opened in headless chromium shows the
 * broken rule and the failing step at the top, the failing row is the last command of the
 * shrunk program, and the page loads nothing from the network. The mutant,
 * clearCountsInvalidEntry, decrements a directory's count when a munmap-type commit clears an
 * entry that was not valid, so the implementation's structure check (rule ptStructure) breaks.
 * A screenshot goes to test/browser/artifacts/checker-report.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runRun } from '../../properties/cli/run.js';
import { packageRoot } from '../../properties/cli/scenarios.js';
import { defaultParts } from '../../properties/runner/defaultParts.js';
import type { ConformanceReport } from '../../properties/runner/report.js';

const MUTANT = 'clearCountsInvalidEntry';
const ARTIFACTS = join(packageRoot(), 'test', 'browser', 'artifacts');
const profile = mkdtempSync(join(tmpdir(), 'hmm-chromium-'));
const out = mkdtempSync(join(tmpdir(), 'hmm-checker-report-'));

let context: BrowserContext;
let page: Page;
let report: ConformanceReport;
const requests: string[] = [];

beforeAll(async () => {
  const stdout: string[] = [];
  const code = await runRun(['--mutant', MUTANT, '--json', '--out', out], {
    parts: async (mutant) => defaultParts(mutant),
    stdout: (t) => void stdout.push(t),
    stderr: { isTTY: false, write: () => undefined },
  });
  if (code !== 1) throw new Error(`hmm-check run --mutant ${MUTANT} exited ${code}, expected a counterexample`);
  report = JSON.parse(stdout.join('')) as ConformanceReport;
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1600, height: 1000 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (r) => void requests.push(r.url()));
  await page.goto(pathToFileURL(join(out, 'report.html')).href);
});

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe(`the report of hmm-check run --mutant ${MUTANT} --out DIR, in chromium`, () => {
  test('names the broken rule and the world that broke it at the top', async () => {
    await expect(page.locator('#broken-rule').textContent()).resolves.toContain(`rule ptStructure broken on impl (mutant ${MUTANT})`);
    expect((await page.locator('#broken-rule').boundingBox())?.y ?? Infinity).toBeLessThan(100);
  });

  test('the failing step is the last command of the shrunk program, and it is the one row marked failing', async () => {
    const failingCommand = report.counterexample?.failure.at;
    expect(failingCommand).toBe(report.counterexample?.program.length);
    await expect(page.locator('#failing-step').textContent()).resolves.toContain(`(command ${failingCommand})`);
    expect(await page.locator('tr.step.failing').count()).toBe(1);
  });

  test('loads nothing from the network; a screenshot is kept', async () => {
    await page.locator('tr.step.failing').click();
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'checker-report.png'), fullPage: true });
  });
});
