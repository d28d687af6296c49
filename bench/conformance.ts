/**
 * Conformance throughput: commands per second of the whole check on the default configuration
 * (model + implementation + observe both + every rule + memoryIsMemory + ptStructure, drains
 * included), on a fixed seed. A short warm-up run lets the JIT settle first.
 */
import { DEFAULT_SEED } from '../properties/runner/config.js';
import { defaultParts } from '../properties/runner/defaultParts.js';
import { runConformance } from '../properties/runner/runConformance.js';

/** Measures `conformanceCommandsPerSecond`; throws if the check does not pass (the figure would mean nothing). */
export async function benchConformance(): Promise<{ conformanceCommandsPerSecond: number }> {
  await runConformance({ parts: defaultParts(), budget: { seed: 1, runs: 100, steps: 200, swarm: false } });
  const report = await runConformance({ parts: defaultParts(), budget: { seed: DEFAULT_SEED, runs: 1500, steps: 200, swarm: false } });
  if (report.verdict !== 'pass') throw new Error(`benchConformance: the check did not pass (${report.verdict})`);
  return { conformanceCommandsPerSecond: report.commandsPerSecond };
}
