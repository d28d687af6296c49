/** The counterexample report: failure at the top, one lane per actor, diffs, self-contained. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { initialObservation } from '../../spec/index.js';
import { createModelWorld } from '../../model/index.js';
import { parseTrace, replayTrace } from '../../properties/trace/index.js';
import { runReplay, buildWorlds } from '../../properties/cli/replay.js';
import { observationView, renderReport, writeReport } from '../../properties/report/index.js';
import { brokenRuleInput, LOST_DIRTY_WORLD, lineOf, scenarioText, wrongExpectInput } from './fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'hmm-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function selfContained(html: string): void {
  expect(html).not.toMatch(/https?:/i);
  expect(html).not.toMatch(/<link\b|\ssrc=|@import|url\(/i);
}

describe('renderReport', () => {
  test('an expect failure: the failing line, command and expected result at the top', () => {
    const input = wrongExpectInput();
    expect(input.outcome.verdict).toBe('fail');
    const html = renderReport(input);
    const top = html.slice(0, html.indexOf('<main>'));
    expect(top).toContain(`line ${input.failingLine}`);
    expect(top).toContain('{&quot;cmd&quot;:&quot;read&quot;,&quot;mm&quot;:0,&quot;vpn&quot;:17}');
    expect(top).toContain('expected {&quot;ok&quot;:99}');
    expect(html).toContain('class="step failing"');
    selfContained(html);
  });

  test('one lane per actor: the CPU of each mm, each op, each device', () => {
    const html = renderReport(wrongExpectInput());
    for (const lane of ['CPU mm0', 'CPU mm1', 'op 1 (fork)', 'op 2 (wfault)', 'op 3 (cow)', 'op 4 (wfault)', 'dev 0']) expect(html).toContain(`>${lane}</th>`);
  });

  test('a broken rule is named at the top', () => {
    const input = brokenRuleInput();
    expect(input.outcome.verdict).toBe('fail');
    const html = renderReport(input);
    const top = html.slice(0, html.indexOf('<main>'));
    expect(top).toContain(`rule dirtyTracked broken on ${LOST_DIRTY_WORLD}`);
    expect(top).toContain(`line ${lineOf('device_write_survives_reclaim', '"cmd":"signal"')}`);
    expect(top).toContain('hmm-check replay scenarios/device_write_survives_reclaim.ndjson --mutant deviceDirtyNotReported');
    selfContained(html);
  });

  test('a passing trace renders as PASS with every observation', () => {
    const trace = parseTrace(scenarioText('fault_backoff'));
    if (!trace.ok) throw new Error('scenario does not parse');
    const outcome = replayTrace(trace.trace, [{ name: 'model', world: createModelWorld(trace.trace.config) }], { record: true });
    const html = renderReport({ trace: trace.trace, outcome, worlds: ['model'] });
    expect(html).toContain('<h1>PASS: 17 commands');
    expect(html.match(/<pre class="obs"/g)).toHaveLength(17);
    expect(html).not.toContain('class="step failing"');
  });

  test('writeReport writes one file', () => {
    const path = writeReport(tmp, brokenRuleInput());
    expect(readFileSync(path, 'utf8')).toContain('<!doctype html>');
  });
});

describe('observationView', () => {
  test('marks new, changed and gone entities against the previous observation', () => {
    const before = initialObservation(2);
    const now = { ...before, mms: [[0, 'live', [[0, 4, 'rw']], []]] as never, pages: [[1, 0, false, 0, 1]] as never, next: { ...before.next, pfn: 2 } };
    const view = observationView(now, before);
    expect(view.changes).toBe(3);
    expect(view.html).toContain('class="chg"><i>~</i>  [0,&quot;live&quot;,[[0,4,&quot;rw&quot;]],[]]');
    expect(view.html).toContain('class="add"><i>+</i>  [1,0,false,0,1]');
    expect(observationView(before, now).html).toContain('class="del"');
  });
});

describe('hmm-check replay --html', () => {
  test('writes the report next to the usual text report', async () => {
    const out = join(tmp, 'replay.html');
    const err: string[] = [];
    const code = await runReplay(['scenarios/anon_read.ndjson', '--html', out], {
      readLines: async function* () { yield* scenarioText('anon_read').split('\n'); }, buildWorlds, stdout: () => {}, stderr: (t) => void err.push(t),
    });
    expect(code).toBe(0);
    expect(err.join('')).toContain(`report written to ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('PASS');
    selfContained(html);
  });
});
