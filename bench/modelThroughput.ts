/**
 * Throughput of the model on a typical random mix, with an observation after every command as
 * the checker does (`modelMixCommandsPerSecond`): the figure the unit suite used to assert (more than
 * 20,000 commands/s), a wall-clock claim a loaded machine can fail, so it is measured here.
 */
import { createModelWorld } from '../model/index.js';
import { prng, randomCommand } from './modelMix.js';

export function benchModelThroughput(commands = 60_000): { modelMixCommandsPerSecond: number } {
  const rand = prng(42);
  let world = createModelWorld();
  const began = performance.now();
  for (let n = 0; n < commands; n++) {
    if (n % 200 === 0) world = createModelWorld();
    world.apply(randomCommand(rand, world.observe().next.op));
  }
  return { modelMixCommandsPerSecond: commands / ((performance.now() - began) / 1000) };
}
