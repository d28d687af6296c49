/**
 * The explorer (properties/explorer/explore.ts): a depth-3 exploration of the default scope
 * passes on the model and on the implementation and finds the same states; the caps stop it
 * with an incomplete verdict.
 */
import { describe, expect, it } from 'vitest';
import type { WorldFactory } from '../../../spec/index.js';
import { createImplWorld } from '../../../impl/index.js';
import { createModelWorld } from '../../../model/index.js';
import { exploreWithRules } from '../../../properties/explorer/counterexample.js';
import type { DepthProgress } from '../../../properties/explorer/outcome.js';
import { DEFAULT_SCOPE, scopeWith } from '../../../properties/explorer/scope.js';

const model: WorldFactory = (config) => createModelWorld(config);
const impl: WorldFactory = (config) => createImplWorld(config);

describe('explore, default scope', () => {
  for (const [name, factory] of [['model', model], ['impl', impl]] as const) {
    it(`passes at depth 3 on the ${name}`, () => {
      const progress: DepthProgress[] = [];
      const outcome = exploreWithRules(DEFAULT_SCOPE, factory, { maxDepth: 3 }, (p) => progress.push(p));
      expect(outcome.verdict).toBe('pass');
      expect(outcome.stats.depthCompleted).toBe(3);
      // Depth 1: mmap r, mmap rw, register on each device, and migrate/writeback/reclaim ops
      // (they run even with nothing to move); every other command is refused and changes nothing.
      expect(outcome.stats.newStates).toEqual([1, 7, 40, 246]);
      expect(outcome.stats.statesFound).toBe(294);
      expect(progress.map((p) => p.depth)).toEqual([0, 1, 2, 3]);
    });
  }

  it('explores a smaller scope (1 page, 1 device)', () => {
    const outcome = exploreWithRules(scopeWith({ pages: 1, devices: 1 }), impl, { maxDepth: 2 });
    expect(outcome.verdict).toBe('pass');
    expect(outcome.stats.newStates[0]).toBe(1);
  });

  it('stops incomplete at the state cap', () => {
    const outcome = exploreWithRules(DEFAULT_SCOPE, impl, { maxDepth: 6, maxStates: 100 });
    expect(outcome).toMatchObject({ verdict: 'incomplete', reason: 'states' });
    expect(outcome.stats.statesFound).toBe(100);
    expect(outcome.stats.depthCompleted).toBe(2);
  });

  it('stops incomplete at the time cap', () => {
    const outcome = exploreWithRules(DEFAULT_SCOPE, impl, { maxDepth: 30, timeLimitMs: 50 });
    expect(outcome).toMatchObject({ verdict: 'incomplete', reason: 'time' });
  });
});
