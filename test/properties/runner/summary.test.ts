/**
 * The human summary of a counterexample (properties/runner/summary.ts): the first difference is
 * one labelled entry (all of them with `--diff all`), every broken rule is named, the program
 * says how it was minimized, and the files `--out` wrote are both named.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary, type ConformanceReport } from '../../../properties/runner/index.js';

const DIFF = [
  'pages[0]: pfn 2, data 1, dirty true vs false, stored 0, mapcount 1',
  'mirrors[0].mirrorPt[0] (mirror 1): vpn 0x0, pfn 2, write true, dirty false vs true',
  'warnings: 0 vs 1',
];

const report: ConformanceReport = {
  verdict: 'counterexample', seed: 2014,
  budget: { runs: 3000, steps: 200, swarm: false, timeLimitSeconds: null, guidedRuns: 750 },
  runs: 12, commands: 900, commandsPerSecond: 9000, elapsedSeconds: 0.1,
  coverage: { states: { reached: 1, total: 1, missing: [] }, transitions: { reached: 1, total: 1, missing: [] } },
  counterexample: {
    failure: {
      kind: 'observation', message: 'observations differ after finish(op1)', command: 'finish(op1)', at: 2, diff: DIFF,
      brokenRules: [{ rule: 'dirtyTracked', side: 'impl', entities: ['page 2: data 1 differs from its stored copy 0, and nothing marks it dirty'] }],
    },
    program: ['migrate(mm0, 0x0, +1)  // {"op":1}', 'finish(op1)            // {"ok":0}   <-- observations differ'],
    trace: '{"hmmTrace":1,"config":{"devices":2}}\n',
    generation: 'random', seed: 2014, path: '11:3', replayPath: 'AB', replay: "hmm-check run --seed 2014 --steps 200 --path '11:3' --replay-path 'AB'",
    tracePath: 'out/counterexample.ndjson', reportPath: 'out/report.html', shrinks: 9,
    minimization: { fromLength: 5, toLength: 2, tests: 40, oneMinimal: true },
  },
};

describe('formatSummary of a counterexample', () => {
  const text = formatSummary(report);

  it('prints the first difference as one labelled entry, and how many more there are', () => {
    expect(text).toContain('first difference (model vs impl, SPEC §7):\n  pages[0]: pfn 2, data 1, dirty true vs false, stored 0, mapcount 1\n  (2 more entries differ: --diff all shows every one)\n');
    expect(text).not.toContain('warnings: 0 vs 1');
  });

  it('prints every difference with --diff all', () => {
    expect(formatSummary(report, { diff: 'all' })).toContain(`every difference (model vs impl, SPEC §7):\n${DIFF.map((d) => `  ${d}`).join('\n')}\n`);
  });

  it('names the rules broken besides the difference, with the world they broke on', () => {
    expect(text).toContain('rules broken as well:\n  dirtyTracked (impl): page 2: data 1 differs from its stored copy 0, and nothing marks it dirty\n');
  });

  it('says how the program was minimized, what the replay command and the trace replay, and names both files', () => {
    expect(text).toContain('program (fast-check shrank it to 5 calls in 9 shrinks; ddmin: 2 calls, 1-minimal):');
    expect(text).toContain("(replays fast-check's 5-call run, then the same ddmin pass: this report again)");
    expect(text).toContain('trace      out/counterexample.ndjson  (the 2-call program itself: hmm-check replay out/counterexample.ndjson)');
    expect(text).toContain('report     out/report.html');
  });
});
