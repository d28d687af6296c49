/**
 * `node --expose-gc dist/bench/replayMemory.js FILE`: replays FILE as `hmm-check replay FILE`
 * does (the same code, in this process) while sampling memory, and prints one JSON line: the
 * exit code, the resident set and V8 heap before the replay and their peaks during it, and the
 * peak of the live heap (heap used right after a full GC, every 100 ms): what the replay holds,
 * as opposed to garbage V8 has not collected yet (MB). Run in a child process per file, so that
 * sizes can be compared (test/cli/replayMemory.test.ts, bench/replay.ts).
 */
import { buildWorlds, runReplay } from '../properties/cli/replay.js';
import { fileLines } from '../properties/trace/index.js';

const MB = 1024 * 1024;

/** The memory figures of one replay. */
export interface ReplayMemory {
  readonly code: number;
  readonly baseRssMb: number;
  readonly peakRssMb: number;
  readonly baseHeapMb: number;
  readonly peakHeapMb: number;
  /** Heap used just after a full GC, before the replay and at its peak during it; NaN without --expose-gc. */
  readonly baseLiveHeapMb: number;
  readonly peakLiveHeapMb: number;
  readonly seconds: number;
}

/** Replays `file` (report discarded), sampling memory every 20 ms (the replay awaits each chunk it reads). */
export async function replayMemory(file: string): Promise<ReplayMemory> {
  // The model and implementation are loaded before the base is taken, as they are by the CLI.
  await buildWorlds({ devices: 2 }, false);
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  let peakLive = Number.NaN;
  const live = (): void => {
    if (gc === undefined) return;
    gc();
    const used = process.memoryUsage().heapUsed;
    peakLive = Number.isNaN(peakLive) ? used : Math.max(peakLive, used);
  };
  live();
  const baseLive = peakLive;
  const timer = setInterval(sample, 20);
  const liveTimer = setInterval(live, 100);
  const started = performance.now();
  const code = await runReplay([file], {
    readLines: (path) => fileLines(path),
    buildWorlds,
    stdout: () => undefined,
    stderr: () => undefined,
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  clearInterval(liveTimer);
  sample();
  return {
    code, baseRssMb: base.rss / MB, peakRssMb: peakRss / MB, baseHeapMb: base.heapUsed / MB, peakHeapMb: peakHeap / MB,
    baseLiveHeapMb: baseLive / MB, peakLiveHeapMb: peakLive / MB, seconds,
  };
}

if (process.argv[1]?.endsWith('replayMemory.js') && process.argv[2] !== undefined) {
  process.stdout.write(`${JSON.stringify(await replayMemory(process.argv[2]))}\n`);
}
