/**
 * Throughput of the model on a typical random mix (the checker needs ≥ 10,000 commands/s for
 * model and implementation together), with an observation after every command as the runner does.
 */
import { expect, test } from 'vitest';
import { createModelWorld } from '../../model/index.js';
import { prng, randomCommand } from './random.js';

test('model throughput with an observation after every command', () => {
  const rand = prng(42);
  let world = createModelWorld();
  let commands = 0;
  const began = performance.now();
  while (commands < 60_000) {
    if (commands % 200 === 0) world = createModelWorld();
    const next = world.observe().next.op;
    world.apply(randomCommand(rand, next));
    commands += 1;
  }
  const perSecond = commands / ((performance.now() - began) / 1000);
  console.log(`model: ${Math.round(perSecond)} commands/s (apply + observe)`);
  expect(perSecond).toBeGreaterThan(20_000);
});
