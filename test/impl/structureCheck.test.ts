/**
 * The incremental structure check (impl/world/structureCheck.ts, behind
 * ImplWorld.checkStructure): after every command it gives the verdict of the full check
 * (checkWorld), on the implementation and on the page-table mutants that break the structure,
 * and what it walks is what the command changed: after a fork in a world of hundreds of mms it
 * walks a few directories, where the full check walks them all (issue 14: 2,000 forks).
 */
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../impl/index.js';
import { checkWorld } from '../../impl/world/checkWorld.js';
import { drainRound } from '../../properties/rules/index.js';
import { genCommand, mirrorBurst } from './randomCommand.js';
import { rng } from './rng.js';

describe('incremental structure check: the full check\'s verdict after every command', () => {
  for (const mutant of [undefined, 'clearCountsInvalidEntry', 'emptyDirectoryNotReturned'] as const) {
    for (let seed = 1; seed <= 6; seed++) {
      it(`${mutant ?? 'impl'}, seed ${seed}`, () => {
        const r = rng(seed);
        const w = createImplWorld(undefined, mutant === undefined ? undefined : { mutant });
        let broke = false;
        for (let i = 0; i < 600 && !broke; i++) {
          // No exit: mm 0 stays live, so the bursts keep filling and clearing its mirrors' tables.
          // A burst starts with a drain round, so ops left in flight by random commands do not
          // hold mm 0 busy.
          const burst = r(2) === 0 ? [genCommand(r, w)].filter((c) => c.cmd !== 'exit') : [...drainRound(w.observe()), ...mirrorBurst(r)];
          for (const c of burst) {
          const command = c.cmd === 'finish' && c.op === -1 ? { ...c, op: w.core.nextOp - 1 } : c;
          w.apply(command);
          const full = checkWorld(w.core);
          const incremental = w.checkStructure();
          // Same breaches, in any order, up to and including the first command that breaks the structure.
          expect({ i, command, breaches: [...incremental].sort() }).toEqual({ i, command, breaches: [...full].sort() });
          broke = full.length > 0;
          if (broke) break;
          }
        }
        // The mutants break the structure within the run (so the comparison above saw a breach).
        expect(broke).toBe(mutant !== undefined);
      });
    }
  }
});

describe('incremental structure check: cost in proportion to what changed', () => {
  it('after each of 300 forks it walks the few directories of the parent and the child, not the world', () => {
    const w = createImplWorld();
    w.apply({ cmd: 'mmap', mm: 0, start: 0, npages: 4, prot: 'rw' });
    for (let vpn = 0; vpn < 4; vpn++) w.apply({ cmd: 'write', mm: 0, vpn, value: vpn + 1 });
    w.apply({ cmd: 'register', dev: 0, mm: 0 });
    w.apply({ cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 4, write: true });
    w.apply({ cmd: 'finish', op: 1 });
    expect(w.checkStructure()).toEqual([]);
    let most = 0;
    for (let i = 0; i < 300; i++) {
      const fork = w.apply({ cmd: 'fork', mm: 0 });
      if ('op' in fork) w.apply({ cmd: 'finish', op: fork.op });
      expect(w.checkStructure()).toEqual([]);
      most = Math.max(most, w.structureWalked);
    }
    // Each table of 4 pages holds one directory per level (4); a fork changes the parent's
    // table (write-protect), the child's (new) and the mirror's (masked): 12 directories.
    expect(most).toBe(12);
    expect(w.core.pool.used).toBeGreaterThan(1200); // what a full check would walk each time
  });
});
