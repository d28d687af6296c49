/**
 * The fixed, seeded workload of the speed bench: ≥ 200,000 commands over a 2^20-page window with
 * 2 devices, mostly device reads and writes, then CPU reads and writes, device faults (prefetch
 * of 1..512 pages) and invalidations (munmap, mprotect, migrate, writeback, reclaim, fork) of
 * 1..512 pages, with ops driven by step (sometimes answered with fences), signal and finish.
 * Built by running it once on the implementation (to learn op ids and the child mm of forks).
 */
import type { Command, Result } from '../spec/index.js';
import { createImplWorld } from '../impl/index.js';

export const WINDOW = 2 ** 20;

export interface Workload {
  readonly commands: Command[];
  /** What the implementation answered while building it (the trace's `expect`). */
  readonly results: Result[];
}

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildWorkload(seed = 2014, target = 200_000): Workload {
  const rand = prng(seed);
  const int = (n: number): number => Math.floor(rand() * n);
  const w = createImplWorld({ devices: 2 });
  const commands: Command[] = [];
  const results: Result[] = [];
  const exec = (c: Command): Result => {
    const r = w.apply(c);
    commands.push(c);
    results.push(r);
    return r;
  };
  /** Drives an op to its end: sync finish, or fenced updates then signals, as a driver would. */
  const drive = (r: Result, fenced: boolean): Result => {
    if (!('op' in r)) return r;
    const op = r.op;
    if (fenced) {
      exec({ cmd: 'step', op });
      exec({ cmd: 'step', op, choice: 'fence' });
      exec({ cmd: 'step', op, choice: 'fence' });
      exec({ cmd: 'signal', dev: 1 });
      exec({ cmd: 'signal', dev: 0 });
    }
    let last = exec({ cmd: 'finish', op });
    for (let i = 0; i < 4 && w.core.ops.has(op); i++) {
      exec({ cmd: 'signal', dev: i & 1 });
      last = exec({ cmd: 'finish', op });
    }
    return last;
  };
  exec({ cmd: 'mmap', mm: 0, start: 0, npages: WINDOW, prot: 'rw' });
  exec({ cmd: 'register', dev: 0, mm: 0 });
  exec({ cmd: 'register', dev: 1, mm: 0 });
  let hot = 0;
  while (commands.length < target) {
    if (int(40_000) === 0) hot = int(WINDOW - 8192);
    const x = rand();
    // Device accesses have a working set: most land in 2,048 pages of the hot region.
    const vpn = hot + (rand() < 0.85 ? int(2048) : int(8192));
    const dev = int(2);
    if (x < 0.42) drive(exec({ cmd: 'devRead', dev, mm: 0, vpn }), false);
    else if (x < 0.66) drive(exec({ cmd: 'devWrite', dev, mm: 0, vpn, value: int(1_000_000) }), false);
    else if (x < 0.74) exec({ cmd: 'read', mm: 0, vpn: rand() < 0.8 ? vpn : int(WINDOW) });
    else if (x < 0.81) drive(exec({ cmd: 'write', mm: 0, vpn: rand() < 0.8 ? vpn : int(WINDOW), value: int(1000) }), false);
    else if (x < 0.86) {
      const npages = 1 + int(512);
      const start = rand() < 0.7 ? hot + int(2048) : int(WINDOW - npages);
      drive(exec({ cmd: 'devFault', dev, mm: 0, start, npages, write: rand() < 0.5 }), false);
    } else invalidation(rand, int, exec, drive, hot);
  }
  return { commands, results };
}

function invalidation(
  rand: () => number, int: (n: number) => number, exec: (c: Command) => Result,
  drive: (r: Result, fenced: boolean) => Result, hot: number,
): void {
  const npages = 1 + int(512);
  const start = rand() < 0.05 ? hot + int(8192 - 512) : int(WINDOW - npages);
  const fenced = rand() < 0.3;
  const k = int(100);
  if (k < 20) {
    drive(exec({ cmd: 'munmap', mm: 0, start, npages }), fenced);
    exec({ cmd: 'mmap', mm: 0, start, npages, prot: 'rw' });
  } else if (k < 35) {
    drive(exec({ cmd: 'mprotect', mm: 0, start, npages, prot: 'r' }), fenced);
    exec({ cmd: 'mprotect', mm: 0, start, npages, prot: 'rw' });
  } else if (k < 55) drive(exec({ cmd: 'migrate', mm: 0, start, npages }), fenced);
  else if (k < 80) drive(exec({ cmd: 'writeback', mm: 0, start, npages }), fenced);
  else if (k < 99) drive(exec({ cmd: 'reclaim', mm: 0, start, npages }), fenced);
  else if (int(20) === 0) {
    const r = drive(exec({ cmd: 'fork', mm: 0 }), fenced);
    if ('ok' in r) exec({ cmd: 'exit', mm: r.ok });
  }
}

/** The workload as a SPEC §8 trace (NDJSON), with the implementation's results as `expect`. */
export function workloadTrace(wl: Workload): string {
  const lines = [JSON.stringify({ hmmTrace: 1, config: { devices: 2 } })];
  wl.commands.forEach((c, i) => lines.push(JSON.stringify({ ...c, expect: wl.results[i] })));
  return lines.join('\n') + '\n';
}
