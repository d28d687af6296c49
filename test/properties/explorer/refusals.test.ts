/**
 * The claim behind the explorer's refusal shortcut (properties/explorer/system.ts `isRefusal`):
 * a command other than step/finish answered with an error changes nothing, on the model, on
 * the implementation and on every mutant of it (SPEC §3: "a command refused at (1)–(4) changes
 * nothing"). Checked on random command sequences by the worlds' complete-state keys.
 */
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../../impl/index.js';
import { MUTANTS } from '../../../impl/mutants/index.js';
import { createModelWorld } from '../../../model/index.js';
import type { World } from '../../../spec/index.js';
import { Fingerprinter } from '../../../properties/explorer/fingerprint.js';
import { isRefusal } from '../../../properties/explorer/system.js';
import { prng, randomCommand } from '../../../bench/modelMix.js';

function key(w: World): string {
  const f = new Fingerprinter();
  f.begin();
  w.writeState!(f);
  return `${f.hi}:${f.lo}`;
}

/** Refusals seen, and the first that changed the world (null: none did). */
function refusalsChange(make: () => World, seed: number, commands: number): { refusals: number; changed: string | null } {
  const rand = prng(seed);
  const w = make();
  let refusals = 0;
  for (let i = 0; i < commands; i++) {
    const c = randomCommand(rand, w.observe().next.op);
    const before = key(w);
    let r;
    try {
      r = w.apply(c);
    } catch {
      return { refusals, changed: null }; // a mutant broke its own invariant: not a refusal
    }
    if (!isRefusal(c, r)) continue;
    refusals++;
    if (key(w) !== before) return { refusals, changed: `${JSON.stringify(c)} -> ${JSON.stringify(r)}` };
  }
  return { refusals, changed: null };
}

describe('refusals', () => {
  it('change nothing on the model and on the implementation', () => {
    for (const [name, make] of [['model', () => createModelWorld()], ['impl', () => createImplWorld()]] as const) {
      let refusals = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const r = refusalsChange(make, seed, 150);
        expect(r.changed, name).toBeNull();
        refusals += r.refusals;
      }
      expect(refusals).toBeGreaterThan(1000);
    }
  });

  it('change nothing on any mutant of the implementation', () => {
    for (const m of MUTANTS) {
      for (let seed = 1; seed <= 4; seed++) expect(refusalsChange(() => createImplWorld(undefined, m.apply), seed, 100).changed, m.name).toBeNull();
    }
  });
});
