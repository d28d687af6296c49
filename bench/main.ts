/**
 * `npm run bench`: every figure of the project (speed against the model, model throughput, memory per pte, range
 * cost, commit against a raw loop, conformance throughput, what Ctrl-C costs it, explorer rate, guided against
 * random generation, the mutant kill figures and
 * the cost of the mutant mechanism, lockstep throughput through the process protocol, the replay figures). Prints figures and
 * merges them into bench/results.json. `--write-workload FILE` writes the speed workload as a
 * SPEC §8 trace; `--only speed,model,memory,range,clear,conformance,ctrlc,explorer,guided,mutants,overhead,protocol,c,replay`
 * runs a subset (`c`: the C implementation, cImpl.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { benchC } from './cImpl.js';
import { benchClearVsRaw } from './clearVsRaw.js';
import { benchConformance } from './conformance.js';
import { benchExplorer } from './explorer.js';
import { benchGuided } from './guided.js';
import { benchInterruptOverhead } from './interruptOverhead.js';
import { benchMemory } from './memory.js';
import { benchModelThroughput } from './modelThroughput.js';
import { benchMutants } from './mutants.js';
import { benchMutantsOverhead } from './mutantsOverhead.js';
import { benchProtocol } from './protocol.js';
import { benchRangeCost } from './rangeCost.js';
import { benchReplay } from './replay.js';
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

const ALL = 'speed,model,memory,range,clear,conformance,ctrlc,explorer,guided,mutants,overhead,protocol,c,replay';

async function main(): Promise<void> {
  const only = (arg('--only') ?? ALL).split(',');
  const unknown = only.filter((name) => !ALL.split(',').includes(name));
  if (unknown.length > 0) {
    console.error(`bench: unknown --only entries: ${unknown.join(', ')} (known: ${ALL})`);
    process.exitCode = 2;
    return;
  }
  const out = arg('--write-workload');
  const figures: Record<string, number> = {};
  const wl = out !== undefined || only.includes('speed') || only.includes('overhead') || only.includes('c') ? buildWorkload() : undefined;
  if (wl !== undefined && (out !== undefined || only.includes('speed'))) {
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
  if (only.includes('model')) {
    const m = benchModelThroughput();
    console.log(`model: ${Math.round(m.modelMixCommandsPerSecond)} commands/s on a random mix, observe after each (goal >= 20000)`);
    Object.assign(figures, m);
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
  if (only.includes('conformance')) {
    const c = await benchConformance();
    console.log(`conformance: ${Math.round(c.conformanceCommandsPerSecond)} commands/s, model + impl + observe + rules (goal >= 10000)`);
    Object.assign(figures, c);
  }
  if (only.includes('ctrlc')) {
    const c = await benchInterruptOverhead();
    console.log(`Ctrl-C: the stoppable check runs ${Math.round(c.stoppableCommandsPerSecond)} commands/s against ${Math.round(c.syncCommandsPerSecond)} synchronous: ${c.ctrlCOverheadPercent.toFixed(1)}% (goal <= 2%)`);
    figures.ctrlCOverheadPercent = c.ctrlCOverheadPercent;
  }
  if (only.includes('explorer')) {
    Object.assign(figures, await benchExplorer());
  }
  if (only.includes('guided')) {
    const g = benchGuided();
    figures.guidedFeatures = g.guidedFeatures;
    figures.randomFeatures = g.randomFeatures;
    figures.guidedVsRandomFeatures = g.guidedVsRandomFeatures;
    if (g.raceMutantGuidedRuns !== null) figures.raceMutantGuidedRuns = g.raceMutantGuidedRuns;
    if (g.raceMutantRandomRuns !== null) figures.raceMutantRandomRuns = g.raceMutantRandomRuns;
  }
  if (only.includes('mutants')) {
    const m = benchMutants();
    figures.mutantsKilled = m.mutantsKilled;
    figures.mutantsTotal = m.mutantsTotal;
    figures.medianMsToKill = m.medianMsToKill;
    figures.shrunkWithin1_5xMinimalFraction = m.shrunkWithin1_5xMinimalFraction;
    figures.mutantsReachedByExplorer = m.comparisons.length;
  }
  if (only.includes('protocol')) {
    const p = await benchProtocol();
    const which = p.implementation === 'c' ? 'the C implementation c/hmm-c' : 'the JavaScript adapter test/protocol/adapter.mjs (c/hmm-c is not built)';
    console.log(`protocol: ${Math.round(p.protocolCommandsPerSecond)} commands/s pipelined, ${Math.round(p.protocolUnpipelinedCommandsPerSecond)} one request at a time (${p.protocolPipeliningSpeedup}x), through ${which} (goal >= 20000 with c/hmm-c)`);
    console.log(`  pipelined through the process at ${p.protocolVsInProcess}x the in-process check's speed in this bench`);
    figures.protocolCommandsPerSecond = p.protocolCommandsPerSecond;
    figures.protocolUnpipelinedCommandsPerSecond = p.protocolUnpipelinedCommandsPerSecond;
    figures.protocolPipeliningSpeedup = p.protocolPipeliningSpeedup;
    figures.protocolVsInProcess = p.protocolVsInProcess;
    figures.protocolWithC = p.implementation === 'c' ? 1 : 0;
  }
  if (only.includes('replay')) {
    const r = await benchReplay();
    console.log(`replay: ${Math.round(r.replayLinesPerSecond)} lines/s over 1,000,000 lines; cost per line vs 10,000 lines ${r.replayPerLineCostRatio.toFixed(2)} (goal <= 1.5); live heap growth ${r.replayLiveHeapGrowthMb.toFixed(1)} MB`);
    console.log(`  all rules on 100,000 mirrored ptes ${r.ruleCheckMs100kPtes.toFixed(0)} ms; 2,000 forks replayed in ${r.replay2000ForksSeconds.toFixed(1)} s`);
    Object.assign(figures, r);
  }
  if (wl !== undefined && only.includes('overhead')) {
    figures.mutantOverheadPercent = benchMutantsOverhead(wl).mutantOverheadPercent;
  }
  if (wl !== undefined && only.includes('c')) {
    const c = benchC(wl);
    console.log(`c: ${c.commands} commands; C ${Math.round(c.cCommandsPerSecond)} cmd/s, TS impl ${Math.round(c.tsImplCommandsPerSecond)} cmd/s, C/TS ${c.cVsTsImpl.toFixed(1)}x`);
    console.log(`  by CPU time: C ${Math.round(c.cCpuCommandsPerSecond)} cmd/s, TS impl ${Math.round(c.tsImplCpuCommandsPerSecond)} cmd/s, C/TS ${c.cVsTsImplCpu.toFixed(1)}x; dense ${c.cBytesPerPteDense.toFixed(2)} B/pte (8-byte entries)`);
    figures.cCommandsPerSecond = c.cCommandsPerSecond;
    figures.cVsTsImpl = c.cVsTsImpl;
    figures.cVsTsImplCpu = c.cVsTsImplCpu;
    figures.cBytesPerPteDense = c.cBytesPerPteDense;
  }
  if (Object.keys(figures).length === 0) return;
  merge(figures);
  console.log(`merged ${Object.keys(figures).join(', ')} into ${RESULTS}`);
}

await main();
