/**
 * Replays the worked examples of SPEC §8 (`test/fixtures/examples/`, the repository's copy of shared/examples) on the model: every `expect`
 * and the final observation (SPEC §7) by deep equality. A tiny local NDJSON loop, not the trace parser.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Command } from '../../spec/index.js';
import { createModelWorld } from '../../model/index.js';

const EXAMPLES = fileURLToPath(new URL('../fixtures/examples', import.meta.url));
const traces = readdirSync(EXAMPLES).filter((f) => f.endsWith('.ndjson')).sort();

describe('worked examples replay on the model', () => {
  test('there are four examples', () => {
    expect(traces).toHaveLength(4);
  });

  test.each(traces)('%s', (file) => {
    const lines = readFileSync(join(EXAMPLES, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const header = JSON.parse(lines[0]) as { config: { devices: number } };
    const world = createModelWorld(header.config);
    for (const [i, line] of lines.slice(1).entries()) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if ('note' in entry) continue;
      const { expect: expected, ...command } = entry;
      const result = world.apply(command as unknown as Command);
      if (expected !== undefined) expect(result, `line ${i + 2}: ${line}`).toEqual(expected);
    }
    const final = JSON.parse(readFileSync(join(EXAMPLES, file.replace('.ndjson', '.final.json')), 'utf8'));
    expect(world.observe()).toEqual(final);
  });
});
