/**
 * The generation scope and weights reach deep states: across a modest budget on the model,
 * every error code of SPEC §3 is answered, and fences are both failed and signalled after -EAGAIN.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type Command, type Result, type World } from '../../../spec/index.js';
import { createModelWorld } from '../../../model/index.js';
import { runConformance } from '../../../properties/runner/runConformance.js';

/** A model that records `cmd:result-tag` of every command it answers. */
function recording(seen: Set<string>): World {
  const world = createModelWorld();
  return {
    apply(c: Command): Result {
      const r = world.apply(c);
      seen.add(`${c.cmd}:${'err' in r ? r.err : 'ok' in r ? 'ok' : 'op'}`);
      return r;
    },
    observe: () => world.observe(),
  };
}

describe('generated commands reach', () => {
  it('every error code, failed and signalled fences, steps answered EAGAIN', async () => {
    const seen = new Set<string>();
    const parts = { model: () => recording(seen), impl: () => createModelWorld(), rules: [] };
    const report = await runConformance({ parts, budget: { seed: 11, runs: 150, steps: 200, swarm: false } });
    expect(report.verdict).toBe('pass');
    const codes = new Set([...seen].map((s) => s.split(':')[1]));
    expect(ERROR_CODES.filter((code) => !codes.has(code))).toEqual([]);
    for (const s of ['fail:ok', 'signal:ok', 'step:EAGAIN', 'exit:ok', 'unregister:ok', 'devWrite:ok', 'fork:op', 'step:ENODEV']) expect(seen).toContain(s);
  });
});
