/**
 * The C implementation's figures (issue 12 part 3): commands per second of `c/hmm-c` alone on
 * the speed workload (workload.ts, written as a SPEC §8 trace), against the TypeScript
 * implementation on the same commands timed as speed.ts times it (a JIT warm-up on a prefix,
 * then a fresh world); and bytes per mapped pte of a dense mirror page table, as the C code
 * counts its own directory allocations. Each speed is the median of three runs. Builds c/ first.
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
  cBytesPerPteDense: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `c/hmm-c ARGS` and parses the one JSON line it prints; throws with its stderr on failure. */
function hmmC(...args: string[]): Record<string, number> {
  const r = spawnSync('c/hmm-c', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: c/hmm-c ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, number>;
}

function tsSeconds(world: World, commands: readonly Command[]): number {
  const t0 = performance.now();
  for (const c of commands) world.apply(c);
  return (performance.now() - t0) / 1000;
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
    const c = median([0, 1, 2].map(() => hmmC('--bench', trace).commandsPerSecond));
    tsSeconds(createImplWorld({ devices: 2 }), wl.commands.slice(0, 20_000));
    const ts = median([0, 1, 2].map(() => n / tsSeconds(createImplWorld({ devices: 2 }), wl.commands)));
    const dense = hmmC('--bench-dense', '1000000');
    return { commands: n, cCommandsPerSecond: c, tsImplCommandsPerSecond: ts, cVsTsImpl: c / ts, cBytesPerPteDense: dense.bytesPerPte };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
