/**
 * Random command sequences on ImplWorld: checkStructure (SPEC-independent soundness of the
 * tables and pool) and the SPEC §6 observation rules after every command, then a drain (SPEC §6
 * drainable) that must leave no op and no fence.
 */
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../impl/index.js';
import { checkRules, drain } from '../../properties/rules/index.js';
import { genCommand } from './randomCommand.js';
import { rng } from './rng.js';

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
