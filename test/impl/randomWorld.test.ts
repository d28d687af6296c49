/**
 * Random command sequences on ImplWorld: checkStructure (SPEC-independent soundness of the
 * tables and pool) and the SPEC §6 observation rules after every command, then a drain (SPEC §6
 * drainable) that must leave no op and no fence.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../spec/index.js';
import { createImplWorld, type ImplWorld } from '../../impl/index.js';
import { checkRules, drain } from '../../properties/rules/index.js';
import { rng } from './rng.js';

function genCommand(r: (n: number) => number, w: ImplWorld): Command {
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

describe('random command sequences', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`seed ${seed}: sound after every command and drainable`, () => {
      const r = rng(seed);
      const w = createImplWorld();
      for (let i = 0; i < 400; i++) {
        const c = genCommand(r, w);
        w.apply(c);
        const breaches = [...w.checkStructure(), ...checkRules(w.observe()).map((b) => `${b.rule}: ${b.message}`)];
        if (breaches.length > 0) expect({ seed, i, c, breaches }).toEqual({ seed, i, c, breaches: [] });
      }
      drain(w);
      const o = w.observe();
      expect(o.ops).toEqual([]);
      expect(o.fences).toEqual([]);
      expect(checkRules(o)).toEqual([]);
      expect(w.checkStructure()).toEqual([]);
    });
  }
});
