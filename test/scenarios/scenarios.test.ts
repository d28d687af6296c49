/**
 * Every scenario (scenarios/*.ndjson: the Linux HMM selftests that fit the model and the 2014
 * design's own cases) passes on the model alone, on the implementation alone, and on both in
 * lockstep, and each starts with a note saying what it shows.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createImplWorld } from '../../impl/index.js';
import { createModelWorld } from '../../model/index.js';
import { defaultScenariosDir, formatScenarioTable, runScenarios, scenarioFiles } from '../../properties/cli/scenarios.js';
import { describeFailure, isCommandLine, parseTrace, replayTrace, type Trace } from '../../properties/trace/index.js';

const files = scenarioFiles(defaultScenariosDir());
const REQUIRED = ['anon_read', 'anon_read_prot', 'anon_write', 'anon_write_prot', 'anon_write_child', 'anon_teardown', 'migrate', 'double_map'];

function load(file: string): Trace {
  const parsed = parseTrace(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: line ${parsed.error.line}: ${parsed.error.message}`);
  return parsed.trace;
}

function verdict(trace: Trace, world: 'model' | 'impl'): string {
  const create = world === 'model' ? createModelWorld : createImplWorld;
  const outcome = replayTrace(trace, [{ name: world, world: create(trace.config) }]);
  return outcome.verdict === 'pass' ? 'pass' : `line ${outcome.line}: ${describeFailure(outcome.reason).join(' ')}`;
}

describe('scenarios', () => {
  test('the selftests that fit the model are all there', () => {
    const names = files.map((f) => basename(f, '.ndjson'));
    for (const name of REQUIRED) expect(names).toContain(name);
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  describe.each(files.map((f) => [basename(f, '.ndjson'), f] as const))('%s', (_name, file) => {
    const trace = load(file);
    test('starts with a note, and every command has an expect', () => {
      expect(isCommandLine(trace.lines[0]!)).toBe(false);
      for (const line of trace.lines) if (isCommandLine(line)) expect(line.expect, `line ${line.line}`).toBeDefined();
    });
    test('passes on the model', () => expect(verdict(trace, 'model')).toBe('pass'));
    test('passes on the implementation', () => expect(verdict(trace, 'impl')).toBe('pass'));
  });

  test('hmm-check scenarios: every scenario passes on model and impl in lockstep', () => {
    const results = runScenarios(defaultScenariosDir());
    const table = formatScenarioTable(results).join('\n');
    expect(results.filter((r) => r.verdict !== 'pass'), table).toEqual([]);
    expect(table).toContain('anon_write_child');
  });
});
