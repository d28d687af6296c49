/**
 * The counterexample report in a real headless browser (Debian's chromium driven by
 * playwright-core): opened via file:// with the network unused, it shows the failing step and
 * the broken rule at the top; clicking a step shows its observation with the changes
 * highlighted. A screenshot goes to test/browser/artifacts/report.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../../properties/cli/scenarios.js';
import { writeReport } from '../../properties/report/index.js';
import { brokenRuleInput } from '../report/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(packageRoot(), 'test', 'browser', 'artifacts');
const profile = mkdtempSync(join(tmpdir(), 'hmm-chromium-'));
const out = mkdtempSync(join(tmpdir(), 'hmm-browser-report-'));

let context: BrowserContext;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  // A fresh profile: playwright passes it to chromium as --user-data-dir.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1600, height: 1000 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (r) => void requests.push(r.url()));
  const file = writeReport(out, brokenRuleInput());
  await page.goto(pathToFileURL(file).href);
});

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('counterexample report in chromium', () => {
  test('the failing step and the broken rule are visible at the top', async () => {
    const input = brokenRuleInput();
    if (input.outcome.verdict !== 'fail') throw new Error('fixture should fail');
    await expect(page.locator('#broken-rule').textContent()).resolves.toContain('rule dirtyTracked broken');
    await expect(page.locator('#failing-step').textContent()).resolves.toContain(`line ${input.outcome.line}`);
    const box = await page.locator('#broken-rule').boundingBox();
    expect(box?.y ?? Infinity).toBeLessThan(100);
    expect(await page.locator('#broken-rule').isVisible()).toBe(true);
    expect(await page.locator('tr.step.failing').count()).toBe(1);
  });

  test('clicking a step shows its observation with the changes highlighted', async () => {
    const row = page.locator('tr.step').nth(2);
    const step = await row.getAttribute('data-step');
    await row.click();
    expect(await row.getAttribute('class')).toContain('selected');
    const obs = page.locator(`pre.obs[data-step="${step}"]`);
    expect(await obs.isVisible()).toBe(true);
    expect(await page.locator('pre.obs:visible').count()).toBe(1);
    expect(await obs.locator('span.chg, span.add').count()).toBeGreaterThan(0);
    await expect(page.locator('#obs-title').textContent()).resolves.toContain(`line ${await row.getAttribute('data-line')}`);
  });

  test('the page loads nothing from the network, and a screenshot is kept', async () => {
    await page.locator('tr.step.failing').click();
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
  });
});
