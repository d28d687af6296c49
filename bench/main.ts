/**
 * `npm run bench`: the implementation's benchmarks (speed against the model, memory per pte,
 * range cost, commit against a raw loop). Prints figures and merges them into
 * bench/results.json. `--write-workload FILE` writes the speed workload as a SPEC §8 trace;
 * `--only speed,memory,range,clear` runs a subset.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { benchClearVsRaw } from './clearVsRaw.js';
import { benchMemory } from './memory.js';
import { benchRangeCost } from './rangeCost.js';
import { benchSpeed } from './speed.js';
import { buildWorkload, workloadTrace } from './workload.js';

const RESULTS = 'bench/results.json';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function merge(figures: Record<string, number>): void {
  const old = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS, JSON.stringify({ ...old, ...figures }, null, 2) + '\n');
}

function main(): void {
  const only = (arg('--only') ?? 'speed,memory,range,clear').split(',');
  const out = arg('--write-workload');
  const figures: Record<string, number> = {};
  if (out !== undefined || only.includes('speed')) {
    const wl = buildWorkload();
    if (out !== undefined) {
      writeFileSync(out, workloadTrace(wl));
      console.log(`workload: ${wl.commands.length} commands written to ${out}`);
    }
    if (only.includes('speed')) {
      const s = benchSpeed(wl);
      console.log(`speed: ${s.commands} commands; impl ${Math.round(s.implCommandsPerSecond)} cmd/s, model ${Math.round(s.modelCommandsPerSecond)} cmd/s, impl/model ${s.implVsModel.toFixed(1)}x (goal >= 50x)`);
      console.log(`  result mismatches ${s.resultMismatches}, final observations equal: ${s.finalObservationsEqual}`);
      figures.implVsModel = s.implVsModel;
      figures.implCommandsPerSecond = s.implCommandsPerSecond;
    }
  }
  if (only.includes('memory')) {
    const m = benchMemory();
    console.log(`memory: ${m.bytesPerPteDense.toFixed(2)} B/pte dense (goal <= 4.5), ${m.bytesPerPteSparse.toFixed(0)} B/pte sparse (1 per 2^16)`);
    Object.assign(figures, m);
  }
  if (only.includes('range')) {
    const r = benchRangeCost();
    console.log(`range cost: 2^30-page munmap ${r.bigMs.toFixed(3)} ms vs 1000-page ${r.smallMs.toFixed(3)} ms: ratio ${r.rangeCostRatio.toFixed(2)} (goal <= 2)`);
    figures.rangeCostRatio = r.rangeCostRatio;
  }
  if (only.includes('clear')) {
    const c = benchClearVsRaw();
    console.log(`commit vs raw loop: commit ${c.commitMs.toFixed(2)} ms, raw ${c.rawMs.toFixed(2)} ms: ${(c.clearVsRawLoop * 100).toFixed(0)}% (goal >= 25%)`);
    figures.clearVsRawLoop = c.clearVsRawLoop;
  }
  if (Object.keys(figures).length === 0) return;
  merge(figures);
  console.log(`merged ${Object.keys(figures).join(', ')} into ${RESULTS}`);
}

main();
