/**
 * Replay figures (issue 14, scale): `hmm-check replay` on generated traces whose world stays
 * small (bench/replayTrace.ts), through the CLI's own code (runReplay) in this process.
 * - `replayLinesPerSecond`: lines per second over a 1,000,000-line trace;
 * - `replayPerLineCostRatio`: the CPU time per line on that trace over the CPU time per line on
 *   a 10,000-line one (1 = linear; the goal is at most 1.5);
 * - `replayLiveHeapGrowthMb`: live heap growth of the 1,000,000-line replay over the 10,000-line
 *   one, each in a child process (bench/replayMemory.ts);
 * - `ruleCheckMs100kPtes`: one check of every SPEC §6 rule on the observation after a devFault
 *   over 100,000 mapped pages, best of 3 (20 s with the linear look-ups the issue found);
 * - `replay2000ForksSeconds`: a replay of 2,000 forks of a mirrored mm (over 20 s before).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorlds, runReplay } from '../properties/cli/replay.js';
import { checkRules } from '../properties/rules/index.js';
import { fileLines, formatHeader, formatStep } from '../properties/trace/index.js';
import { createImplWorld } from '../impl/index.js';
import type { Command } from '../spec/index.js';
import type { ReplayMemory } from './replayMemory.js';
import { writeReplayTrace } from './replayTrace.js';

/** Wall and CPU seconds `hmm-check replay FILE` takes, in this process; throws unless it passes. */
async function replayTime(file: string): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const code = await runReplay([file], { readLines: (p) => fileLines(p), buildWorlds, stdout: () => undefined, stderr: () => undefined });
  if (code !== 0) throw new Error(`benchReplay: ${file} did not replay clean (exit ${code})`);
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}

/** Wall seconds of one replay. */
async function replaySeconds(file: string): Promise<number> {
  return (await replayTime(file)).wall;
}

function liveHeapGrowthMb(file: string): number {
  const script = fileURLToPath(new URL('./replayMemory.js', import.meta.url));
  const r = spawnSync(process.execPath, ['--expose-gc', script, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`benchReplay: replayMemory failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout) as ReplayMemory & { baseLiveHeapMb: number };
  return m.peakLiveHeapMb - m.baseLiveHeapMb;
}

/** One check of every rule after a devFault over `pages` mapped, mirrored pages. */
function ruleCheckMs(pages: number): number {
  const w = createImplWorld();
  const commands: Command[] = [
    { cmd: 'mmap', mm: 0, start: 0, npages: pages, prot: 'rw' },
    { cmd: 'register', dev: 0, mm: 0 },
    { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: pages, write: true },
    { cmd: 'finish', op: 1 },
  ];
  for (const c of commands) w.apply(c);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const o = w.observe(); // a fresh observation each time: the index is built once per observation
    const started = performance.now();
    const breaches = checkRules(o);
    best = Math.min(best, performance.now() - started);
    if (breaches.length > 0 || o.mirrors[0]![6].length !== pages) throw new Error('benchReplay: the rule-check world is not what it should be');
  }
  return best;
}

/** A trace of `forks` forks (each run to its end) of a mm with 4 written, mirrored pages. */
function forkTrace(forks: number): string {
  const lines = [formatHeader({ devices: 2 })];
  const w = createImplWorld();
  const put = (command: Command): void => void lines.push(formatStep({ command, expect: w.apply(command) }));
  put({ cmd: 'mmap', mm: 0, start: 0, npages: 4, prot: 'rw' });
  for (let vpn = 0; vpn < 4; vpn++) put({ cmd: 'write', mm: 0, vpn, value: vpn + 1 });
  put({ cmd: 'register', dev: 0, mm: 0 });
  put({ cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 4, write: false });
  put({ cmd: 'finish', op: 1 });
  for (let i = 0, op = 2; i < forks; i++, op++) {
    put({ cmd: 'fork', mm: 0 });
    put({ cmd: 'finish', op });
  }
  return `${lines.join('\n')}\n`;
}

export interface ReplayFigures {
  readonly replayLinesPerSecond: number;
  readonly replayPerLineCostRatio: number;
  readonly replayLiveHeapGrowthMb: number;
  readonly ruleCheckMs100kPtes: number;
  readonly replay2000ForksSeconds: number;
}

export async function benchReplay(): Promise<ReplayFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'hmm-bench-replay-'));
  try {
    const small = join(dir, 'small.ndjson');
    const large = join(dir, 'large.ndjson');
    const ruleCheckMs100kPtes = ruleCheckMs(100_000); // first, before the big replays load the heap
    const s = await writeReplayTrace(small, { lines: 10_000 });
    const l = await writeReplayTrace(large, { lines: 1_000_000 });
    if (s.errors + l.errors > 0) throw new Error('benchReplay: the generated traces have failing commands');
    await replaySeconds(small); // warm-up: the JIT settles before anything is timed
    // Cost per line in CPU seconds, which other processes on a shared machine disturb less than the
    // wall clock; the short replay is timed three times and its median kept.
    const smalls = [await replayTime(small), await replayTime(small), await replayTime(small)].sort((a, b) => a.cpu - b.cpu);
    const largeTime = await replayTime(large);
    const forks = join(dir, 'forks.ndjson');
    writeFileSync(forks, forkTrace(2000));
    return {
      replayLinesPerSecond: l.lines / largeTime.wall,
      replayPerLineCostRatio: largeTime.cpu / l.lines / (smalls[1]!.cpu / s.lines),
      replayLiveHeapGrowthMb: liveHeapGrowthMb(large) - liveHeapGrowthMb(small),
      ruleCheckMs100kPtes,
      replay2000ForksSeconds: await replaySeconds(forks),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
