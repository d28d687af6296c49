/** The worked examples of SPEC.md replay on the implementation with the same results and final observations. */
import { fileURLToPath } from 'node:url';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayTrace } from './replay.js';

const DIR = fileURLToPath(new URL('../fixtures/examples', import.meta.url));
const traces = readdirSync(DIR).filter((f) => f.endsWith('.ndjson'));

describe('fixture traces on ImplWorld', () => {
  it('finds the four worked examples', () => {
    expect(traces.length).toBeGreaterThanOrEqual(4);
  });
  for (const t of traces) {
    it(t, () => {
      const { world, mismatches } = replayTrace(`${DIR}/${t}`);
      expect(mismatches).toEqual([]);
      const final = JSON.parse(readFileSync(`${DIR}/${t.replace('.ndjson', '.final.json')}`, 'utf8'));
      expect(world.observe()).toEqual(final);
    });
  }
});
