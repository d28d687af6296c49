/**
 * The complete-state keys of both worlds (World.writeState, spec/stateSink.ts): hidden state
 * the observation does not show tells states apart. Two pairs of states with equal observations
 * (SPEC §7) whose futures differ get different keys on the model and on the implementation:
 * a failed fence's code (EIO or ENOMEM: only ENOMEM warns at the wait, SPEC §4.2), and a fault's
 * walk record taken before or after a CPU write made the pte writable in place (SPEC §4.3: the
 * commit installs the record).
 */
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../impl/index.js';
import { createModelWorld } from '../../model/index.js';
import type { Command, World } from '../../spec/index.js';
import { Fingerprinter } from '../../properties/explorer/fingerprint.js';

function key(w: World): string {
  const f = new Fingerprinter();
  f.begin();
  w.writeState!(f);
  return `${f.hi}:${f.lo}`;
}

const fenced = (code: string): Command[] => [
  { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 },
  { cmd: 'migrate', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 1 }, { cmd: 'step', op: 1, choice: 'fence' },
  { cmd: 'fail', dev: 0, code },
];

/** A read-only pte in an rw vma (mprotect r, then rw at once), a device fault walking it, and a CPU write before or after the walk. */
const walked = (writeFirst: boolean): Command[] => {
  const write: Command = { cmd: 'write', mm: 0, vpn: 0, value: 1 };
  return [
    { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'read', mm: 0, vpn: 0 },
    { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'r' }, { cmd: 'finish', op: 1 },
    { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 },
    { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { cmd: 'step', op: 2 },
    ...(writeFirst ? [write, { cmd: 'step', op: 2 } as Command] : [{ cmd: 'step', op: 2 } as Command, write]),
  ];
};

function run(make: () => World, commands: readonly Command[]): World {
  const w = make();
  for (const c of commands) w.apply(c);
  return w;
}

describe('complete-state keys', () => {
  for (const [name, make] of [['model', () => createModelWorld()], ['impl', () => createImplWorld()]] as const) {
    it(`${name}: tell apart a fence failed with EIO from one failed with ENOMEM, which observe alike`, () => {
      const a = run(make, fenced('EIO'));
      const b = run(make, fenced('ENOMEM'));
      expect(a.observe()).toEqual(b.observe());
      expect(key(a)).not.toBe(key(b));
      a.apply({ cmd: 'step', op: 1 });
      b.apply({ cmd: 'step', op: 1 });
      expect(a.observe().warnings).not.toBe(b.observe().warnings);
    });

    it(`${name}: tell apart walk records taken before and after a write made the pte writable`, () => {
      const a = run(make, walked(false));
      const b = run(make, walked(true));
      expect(a.observe()).toEqual(b.observe());
      expect(key(a)).not.toBe(key(b));
      a.apply({ cmd: 'step', op: 2 });
      b.apply({ cmd: 'step', op: 2 });
      expect(a.observe().mirrors).not.toEqual(b.observe().mirrors);
    });

    it(`${name}: give a world and its clone one key`, () => {
      const a = run(make, walked(true));
      expect(key(a.clone!())).toBe(key(a));
    });
  }
});

describe('complete-state keys, white-box', () => {
  const reclaimed: Command[] = [
    { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 5 },
    { cmd: 'write', mm: 0, vpn: 1, value: 6 }, { cmd: 'reclaim', mm: 0, start: 0, npages: 2 }, { cmd: 'finish', op: 1 },
  ];

  for (const [name, make] of [['model', () => createModelWorld()], ['impl', () => createImplWorld()]] as const) {
    it(`${name}: swapped ptes carry their data; reading one back frees its swap slot`, () => {
      const a = run(make, reclaimed);
      const b = run(make, [...reclaimed.slice(0, 2), { cmd: 'write', mm: 0, vpn: 1, value: 7 }, ...reclaimed.slice(3)]);
      expect(key(a)).not.toBe(key(b));
      const c = run(make, [...reclaimed, { cmd: 'read', mm: 0, vpn: 0 }]);
      expect(key(c)).not.toBe(key(a));
    });
  }

  it('impl: entities no reference reaches still count (a mirror off its mm\'s lists, a fence off its op)', () => {
    const a = run(() => createImplWorld(), [{ cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 }, { cmd: 'register', dev: 1, mm: 0 }]) as ReturnType<typeof createImplWorld>;
    const before = key(a);
    const mm = a.core.mms[0]!;
    const m = mm.mirrors.pop()!;
    mm.mirrorByDev[m.dev] = null;
    expect(key(a)).not.toBe(before);
    const f = run(() => createImplWorld(), fenced('EIO').slice(0, 5)) as ReturnType<typeof createImplWorld>;
    const withFence = key(f);
    f.core.ops.get(1)!.fences.length = 0;
    f.core.driver.queues[0]!.length = 0;
    expect(key(f)).not.toBe(withFence);
    f.core.driver.violations.push('b 1', 'a 2');
    expect(key(f)).not.toBe(withFence);
  });

  it('impl: a directory count that drifts from its entries changes the key, though the entries do not', () => {
    const a = run(() => createImplWorld(), reclaimed.slice(0, 3)) as ReturnType<typeof createImplWorld>;
    const before = key(a);
    const pt = a.core.mms[0]!.pt;
    let d = pt.root;
    for (let level = 3; level > 0; level--) d = pt.pool.chunks[d >>> 3]![((d & 7) << 9) | 0]!;
    pt.pool.counts[d]! -= 1;
    expect(key(a)).not.toBe(before);
  });
});
