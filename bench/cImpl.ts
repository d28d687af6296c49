/**
 * The C implementation's figures (issue 12 part 3): commands per second of `c/hmm-c` alone on
 * the speed workload (workload.ts, written as a SPEC §8 trace), against the TypeScript
 * implementation on the same commands timed as speed.ts times it (a JIT warm-up on a prefix,
 * then a fresh world); and bytes per mapped pte of a dense mirror page table, as the C code
 * counts its own directory allocations. Each speed is the median of three runs, by wall clock
 * (as speed.ts) and by CPU time of the process (steadier when the machine is shared: a process
 * waiting for a core loses wall time, not CPU time). Builds c/ first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command, World } from '../spec/index.js';
import { createImplWorld } from '../impl/index.js';
import { workloadTrace, type Workload } from './workload.js';

export interface CFigures {
  commands: number;
  cCommandsPerSecond: number;
  tsImplCommandsPerSecond: number;
  cVsTsImpl: number;
  /** The same by CPU time. */
  cCpuCommandsPerSecond: number;
  tsImplCpuCommandsPerSecond: number;
  cVsTsImplCpu: number;
  cBytesPerPteDense: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `c/hmm-c ARGS` and parses the one JSON line it prints; throws with its stderr on failure. */
function hmmC(...args: string[]): Record<string, number> {
  const r = spawnSync('c/hmm-c', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: c/hmm-c ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, number>;
}

/** Wall and CPU seconds of applying `commands` to `world`. */
function tsSeconds(world: World, commands: readonly Command[]): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const c of commands) world.apply(c);
  const wall = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  return { wall, cpu: (c1.user + c1.system) / 1e6 };
}

export function benchC(wl: Workload): CFigures {
  const made = spawnSync('make', ['-s', '-C', 'c'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`bench: make -C c failed: ${made.stdout}${made.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'hmm-c-bench-'));
  const trace = join(dir, 'workload.ndjson');
  writeFileSync(trace, workloadTrace(wl));
  const n = wl.commands.length;
  try {
    // c/hmm-c --bench exits 1 if any result differs from the trace's expect (the TS results).
    const cRuns = [0, 1, 2].map(() => hmmC('--bench', trace));
    tsSeconds(createImplWorld({ devices: 2 }), wl.commands.slice(0, 20_000));
    const tsRuns = [0, 1, 2].map(() => tsSeconds(createImplWorld({ devices: 2 }), wl.commands));
    const c = median(cRuns.map((r) => n / r.seconds));
    const cCpu = median(cRuns.map((r) => n / r.cpuSeconds));
    const ts = median(tsRuns.map((r) => n / r.wall));
    const tsCpu = median(tsRuns.map((r) => n / r.cpu));
    const dense = hmmC('--bench-dense', '1000000');
    return {
      commands: n, cCommandsPerSecond: c, tsImplCommandsPerSecond: ts, cVsTsImpl: c / ts,
      cCpuCommandsPerSecond: cCpu, tsImplCpuCommandsPerSecond: tsCpu, cVsTsImplCpu: cCpu / tsCpu,
      cBytesPerPteDense: dense.bytesPerPte,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
