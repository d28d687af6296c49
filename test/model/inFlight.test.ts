/**
 * ModelWorld.inFlight (World.inFlight, for the explorer): the ops in flight and the next mm that
 * `observe()` shows, without building the observation, after every command of random runs.
 */
import { describe, expect, it } from 'vitest';
import { createModelWorld } from '../../model/index.js';
import { prng, randomCommand } from '../../bench/modelMix.js';

describe('ModelWorld.inFlight', () => {
  it('gives the ops and next mm that observe() shows', () => {
    const rand = prng(7);
    const w = createModelWorld();
    for (let i = 0; i < 300; i++) {
      w.apply(randomCommand(rand, w.observe().next.op));
      const o = w.observe();
      expect(w.inFlight()).toEqual({ ops: o.ops.map((op) => op[0]), nextMm: o.next.mm });
    }
  });
});
