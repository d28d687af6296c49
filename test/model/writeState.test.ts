/**
 * ModelWorld.writeState (World.writeState, model/world/writeState.ts): a world and its clone
 * write one key, and so do they after the same commands; entities no reference reaches (a
 * mirror off its mm's list, an op of no mm, a fence off its op, an unmapped page, a violation)
 * still count, so a broken world cannot pass for a sound one.
 */
import { describe, expect, it } from 'vitest';
import { prng, randomCommand } from '../../bench/modelMix.js';
import { createModelWorld, type ModelWorld } from '../../model/index.js';
import type { WorldState } from '../../model/world/state.js';
import { Fingerprinter } from '../../properties/explorer/fingerprint.js';
import type { Command } from '../../spec/index.js';

function key(w: ModelWorld): string {
  const f = new Fingerprinter();
  f.begin();
  w.writeState(f);
  return `${f.hi}:${f.lo}`;
}

describe('ModelWorld.writeState', () => {
  it('gives a world and its clone one key, before and after the same commands', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rand = prng(seed);
      const w = createModelWorld();
      for (let i = 0; i < 80; i++) w.apply(randomCommand(rand, w.observe().next.op));
      const c = w.clone();
      expect(key(c)).toBe(key(w));
      for (let i = 0; i < 40; i++) {
        const x = randomCommand(rand, 20);
        w.apply(x);
        c.apply(x);
      }
      expect(key(c)).toBe(key(w));
    }
  });

  it('counts entities no reference reaches', () => {
    const w = createModelWorld();
    const commands: Command[] = [
      { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 3 },
      { cmd: 'register', dev: 0, mm: 0 }, { cmd: 'migrate', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 1 },
      { cmd: 'step', op: 1, choice: 'fence' }, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 },
    ];
    for (const c of commands) w.apply(c);
    const state = (w as unknown as { state: WorldState }).state;
    const keys = [key(w)];
    state.mms.get(0)!.mirrors = [];
    keys.push(key(w));
    (state.ops.get(2) as { mm: number }).mm = 9;
    keys.push(key(w));
    const op = state.ops.get(1)!;
    if (op.family === 'invalidation') op.fences.length = 0;
    state.devices[0]!.pending.length = 0;
    keys.push(key(w));
    state.mms.get(0)!.ptes.delete(0);
    keys.push(key(w));
    state.violations.push('b 1', 'a 2');
    keys.push(key(w));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
