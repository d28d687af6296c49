/**
 * A random command over a small window of vpns (test helper for random-sequence tests of the
 * implementation): every kind of SPEC §3, ids drawn from what the world holds, so ops, fences
 * and mirrors pile up and interact.
 */
import type { Command } from '../../spec/index.js';
import type { ImplWorld } from '../../impl/index.js';

export function genCommand(r: (n: number) => number, w: ImplWorld): Command {
  const o = w.core;
  const mm = r(o.mms.length + 1);
  const dev = r(2);
  const start = r(24);
  const npages = 1 + r(r(2) === 0 ? 3 : 12);
  const vpn = r(24);
  const prots = ['none', 'r', 'rw'];
  const op = 1 + r(o.nextOp);
  const choice = ['sync', 'sync', 'fence', 'error'][r(4)];
  const k = r(22);
  const table: Command[] = [
    { cmd: 'mmap', mm, start, npages, prot: prots[r(3)] },
    { cmd: 'munmap', mm, start, npages },
    { cmd: 'mprotect', mm, start, npages, prot: prots[r(3)] },
    { cmd: 'read', mm, vpn },
    { cmd: 'write', mm, vpn, value: r(100) },
    { cmd: 'fork', mm },
    { cmd: 'migrate', mm, start, npages },
    { cmd: 'writeback', mm, start, npages },
    { cmd: 'reclaim', mm, start, npages },
    { cmd: 'register', dev, mm },
    { cmd: 'unregister', dev, mm },
    { cmd: 'devRead', dev, mm, vpn },
    { cmd: 'devWrite', dev, mm, vpn, value: r(100) },
    { cmd: 'devFault', dev, mm, start, npages, write: r(2) === 0 },
    { cmd: 'signal', dev },
    { cmd: 'fail', dev, code: r(2) === 0 ? 'EIO' : 'ENOMEM' },
    { cmd: 'step', op, choice },
    { cmd: 'step', op, choice },
    { cmd: 'step', op, choice },
    { cmd: 'finish', op },
    { cmd: 'exit', mm },
    { cmd: 'mmap', mm: 0, start: 0, npages: 16, prot: 'rw' },
  ];
  return table[k];
}

/**
 * A burst of commands on mm 0 that fills mirror tables and clears them by range (what the
 * page-table mutants break), each op finished at once: `finish` of op -1 is the op just created.
 */
export function mirrorBurst(r: (n: number) => number): Command[] {
  const start = r(1100);
  const npages = 1 + r(r(2) === 0 ? 4 : 700);
  const range = [
    { cmd: 'devFault', dev: r(2), mm: 0, start, npages, write: r(2) === 0 },
    { cmd: 'munmap', mm: 0, start, npages },
    { cmd: 'migrate', mm: 0, start, npages },
  ] as const;
  return [
    { cmd: 'mmap', mm: 0, start: 0, npages: 1200, prot: 'rw' },
    { cmd: 'register', dev: r(2), mm: 0 },
    range[r(range.length)]!,
    { cmd: 'finish', op: -1 },
  ];
}
