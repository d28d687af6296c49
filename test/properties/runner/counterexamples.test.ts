/**
 * Every saved counterexample under test/fixtures/counterexamples/ is a regression test: its
 * SPEC §8 trace must replay on the model and the implementation with every expect met, equal
 * observations and every rule holding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../../impl/index.js';
import { createModelWorld } from '../../../model/index.js';
import { parseTrace, replayTrace } from '../../../properties/trace/index.js';

const DIR = join(import.meta.dirname, '../../fixtures/counterexamples');
const traces = readdirSync(DIR).filter((f) => f.endsWith('.ndjson')).sort();

describe('saved counterexamples replay', () => {
  it('has at least one saved trace', () => {
    expect(traces.length).toBeGreaterThan(0);
  });

  it.each(traces)('%s', (file) => {
    const parsed = parseTrace(readFileSync(join(DIR, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: line ${parsed.error.line}: ${parsed.error.message}`);
    const config = parsed.trace.config;
    const outcome = replayTrace(parsed.trace, [
      { name: 'model', world: createModelWorld(config) },
      { name: 'impl', world: createImplWorld(config) },
    ]);
    expect(outcome.verdict === 'fail' ? { line: outcome.line, reason: outcome.reason } : 'pass').toBe('pass');
  });
});
