/**
 * What listening for Ctrl-C costs `npm start` (`ctrlCOverheadPercent`): the conformance check
 * run as fast-check's synchronous property against the same check as the asynchronous, stoppable
 * property `hmm-check run` uses (properties/runner/interruptible.ts), same seed and budget,
 * alternated three times each so that a change of load hits both; the figure compares the best
 * throughput of each (negative: no measurable cost).
 */
import { DEFAULT_SEED } from '../properties/runner/config.js';
import { defaultParts } from '../properties/runner/defaultParts.js';
import { runConformance } from '../properties/runner/runConformance.js';

async function commandsPerSecond(stoppable: boolean): Promise<number> {
  const report = await runConformance({
    parts: defaultParts(),
    budget: { seed: DEFAULT_SEED, runs: 1000, steps: 200, swarm: false },
    ...(stoppable ? { signal: new AbortController().signal } : {}),
  });
  if (report.verdict !== 'pass') throw new Error(`benchInterruptOverhead: the check did not pass (${report.verdict})`);
  return report.commandsPerSecond;
}

export async function benchInterruptOverhead(): Promise<{ ctrlCOverheadPercent: number; syncCommandsPerSecond: number; stoppableCommandsPerSecond: number }> {
  await commandsPerSecond(false); // warm-up
  const sync: number[] = [];
  const stoppable: number[] = [];
  for (let i = 0; i < 3; i++) {
    sync.push(await commandsPerSecond(false));
    stoppable.push(await commandsPerSecond(true));
  }
  const a = Math.max(...sync);
  const b = Math.max(...stoppable);
  return { ctrlCOverheadPercent: ((a - b) / a) * 100, syncCommandsPerSecond: a, stoppableCommandsPerSecond: b };
}
