/** Random command mixes for the model's throughput figure (bench/modelThroughput.ts) and its smoke test (test/model/rules.test.ts); not the checker's generators. */
import type { Command } from '../spec/index.js';

/** A small deterministic PRNG (mulberry32) so the mix is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random command over a 16-page window, mms 0..2, ops 1..next. */
export function randomCommand(rand: () => number, nextOp: number): Command {
  const int = (n: number): number => Math.floor(rand() * n);
  const mm = int(3);
  const dev = int(2);
  const start = int(16);
  const npages = 1 + int(4);
  const prot = ['none', 'r', 'rw', 'rw'][int(4)];
  const op = 1 + int(Math.max(1, nextOp - 1));
  const choice = ['sync', 'sync', 'fence', 'error'][int(4)];
  const all: Command[] = [
    { cmd: 'mmap', mm, start, npages, prot }, { cmd: 'munmap', mm, start, npages },
    { cmd: 'mprotect', mm, start, npages, prot }, { cmd: 'read', mm, vpn: start },
    { cmd: 'write', mm, vpn: start, value: int(100) }, { cmd: 'fork', mm },
    { cmd: 'migrate', mm, start, npages }, { cmd: 'writeback', mm, start, npages },
    { cmd: 'reclaim', mm, start, npages }, { cmd: 'register', dev, mm }, { cmd: 'unregister', dev, mm },
    { cmd: 'devRead', dev, mm, vpn: start }, { cmd: 'devWrite', dev, mm, vpn: start, value: int(100) },
    { cmd: 'devFault', dev, mm, start, npages, write: rand() < 0.5 }, { cmd: 'signal', dev },
    { cmd: 'fail', dev, code: 'EIO' }, { cmd: 'step', op, choice }, { cmd: 'step', op, choice },
    { cmd: 'step', op }, { cmd: 'finish', op }, { cmd: 'finish', op },
  ];
  if (rand() < 0.01) return { cmd: 'exit', mm };
  return all[int(all.length)];
}
