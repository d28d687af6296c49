/** The counterexample report: failure at the top, one lane per actor, diffs, self-contained. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { initialObservation } from '../../spec/index.js';
import { createModelWorld } from '../../model/index.js';
import { parseTrace, replayTrace } from '../../properties/trace/index.js';
import { runReplay, buildWorlds } from '../../properties/cli/replay.js';
import { observationView, renderReport, writeReport, writeTraceReport } from '../../properties/report/index.js';
import { createImplWorld } from '../../impl/index.js';
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
    // A new vma row of mm 0, a new page, and the counters: three rows changed.
    expect(view.changes).toBe(3);
    expect(view.html).toContain('<span><i> </i>  mm 0, state live</span>');
    expect(view.html).toContain('class="add"><i>+</i>    vma: start 0x0, end 0x4, prot rw</span>');
    expect(view.html).toContain('class="add"><i>+</i>  pfn 1, data 0, dirty false, stored 0, mapcount 1</span>');
    expect(view.html).toContain('class="chg"><i>~</i>next: pfn 2, mirror 1, op 1, fence 1, mm 1</span>');
    expect(observationView(before, now).html).toContain('class="del"><i>-</i>  pfn 1, data 0, dirty false, stored 0, mapcount 1</span>');
  });

  test('shows the other world\'s row under each row where it differs, and rows only one world has', () => {
    const model = { ...initialObservation(2), pages: [[2, 1, true, 0, 1]] as never, fences: [[1, 0, 1, 1, 'pending', 1]] as never };
    const impl = { ...initialObservation(2), pages: [[2, 1, false, 0, 1]] as never, warnings: 1 };
    const html = observationView(model, undefined, { name: 'impl', observation: impl }).html;
    expect(html).toContain('<span><i> </i>  pfn 2, data 1, dirty true, stored 0, mapcount 1</span><span class="other"><i>≠</i>  pfn 2, data 1, dirty false, stored 0, mapcount 1   (impl)</span>');
    expect(html).toContain('<span class="other"><i>≠</i>  fence 1, dev 0, mirror 1, op 1, state pending, refs 1   (absent in impl)</span>');
    expect(html).toContain('<span><i> </i>warnings: 0</span><span class="other"><i>≠</i>warnings: 1   (impl)</span>');
    expect(observationView(model).html).not.toContain('class="other"');
  });
});

describe('a report of worlds that differ', () => {
  test('shows both sides at the failing step, labelled, and says so in the panel title', () => {
    // SPEC §3: the write leaves page 1 dirty with stored 0; migrate moves data, dirty and stored to
    // a new page 2 (marked new at that step). The mutant migrateDropsDirty moves the page clean.
    const trace = [
      '{"hmmTrace":1,"config":{"devices":2}}',
      '{"cmd":"mmap","mm":0,"start":0,"npages":1,"prot":"rw"}',
      '{"cmd":"write","mm":0,"vpn":0,"value":1}',
      '{"cmd":"migrate","mm":0,"start":0,"npages":1}',
      '{"cmd":"finish","op":1}',
    ].join('\n');
    const worlds = [
      { name: 'model', world: createModelWorld({ devices: 2 }) },
      { name: 'impl', world: createImplWorld({ devices: 2 }, { mutant: 'migrateDropsDirty' }) },
    ];
    const html = readFileSync(writeTraceReport(tmp, trace, worlds, { name: 'sides.html' }), 'utf8');
    expect(html).toContain('pages[0]: pfn 2, data 1, dirty true vs false, stored 0, mapcount 1');
    expect(html).toContain('<span class="add"><i>+</i>  pfn 2, data 1, dirty true, stored 0, mapcount 1</span><span class="other"><i>≠</i>  pfn 2, data 1, dirty false, stored 0, mapcount 1   (impl)</span>');
    expect(html).toContain('Observation after line 5: model, and impl where it differs');
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
