/**
 * Speed against the model: the same workload (workload.ts) on a fresh ModelWorld and a fresh
 * ImplWorld in the same process; commands/s of each and the ratio. Also counts the commands
 * whose results differ (they should not).
 */
import type { Command, Result, World } from '../spec/index.js';
import { createImplWorld } from '../impl/index.js';
import { createModelWorld } from '../model/index.js';
import type { Workload } from './workload.js';

export interface SpeedFigures {
  commands: number;
  implCommandsPerSecond: number;
  modelCommandsPerSecond: number;
  implVsModel: number;
  resultMismatches: number;
  finalObservationsEqual: boolean;
}

function timeRun(world: World, commands: readonly Command[]): { seconds: number; results: Result[] } {
  const results = new Array<Result>(commands.length);
  const t0 = performance.now();
  for (let i = 0; i < commands.length; i++) results[i] = world.apply(commands[i]);
  return { seconds: (performance.now() - t0) / 1000, results };
}

export function benchSpeed(wl: Workload): SpeedFigures {
  const n = wl.commands.length;
  // Warm-up of the implementation's JIT on a prefix, then the timed run on a fresh world.
  timeRun(createImplWorld({ devices: 2 }), wl.commands.slice(0, 20_000));
  const implWorld = createImplWorld({ devices: 2 });
  const impl = timeRun(implWorld, wl.commands);
  const modelWorld = createModelWorld({ devices: 2 });
  const model = timeRun(modelWorld, wl.commands);
  let resultMismatches = 0;
  for (let i = 0; i < n; i++) {
    if (JSON.stringify(impl.results[i]) !== JSON.stringify(model.results[i])) {
      if (resultMismatches < 3) {
        console.log(`  mismatch at ${i}: ${JSON.stringify(wl.commands[i])} impl ${JSON.stringify(impl.results[i])} model ${JSON.stringify(model.results[i])}`);
      }
      resultMismatches++;
    }
  }
  const finalObservationsEqual = JSON.stringify(implWorld.observe()) === JSON.stringify(modelWorld.observe());
  const implCommandsPerSecond = n / impl.seconds;
  const modelCommandsPerSecond = n / model.seconds;
  return {
    commands: n, implCommandsPerSecond, modelCommandsPerSecond,
    implVsModel: implCommandsPerSecond / modelCommandsPerSecond, resultMismatches, finalObservationsEqual,
  };
}
