/**
 * ModelWorld.clone (World.clone, model/world/cloneState.ts): a copy taken at any point of a
 * run evolves exactly as the original under the same commands (same results, equal
 * observations), and the two are independent (commands on the copy leave the original as it
 * was). The runs are the checker's own generated sequences (properties/commands), which reach
 * deep states: faults racing invalidations, fences, forks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModelWorld } from '../../model/index.js';
import { commandArbitrary, DEFAULT_SCOPE, Tracker, type IndexedCommand } from '../../properties/commands/index.js';
import { type Command } from '../../spec/index.js';

/** A generated run of at most `n` commands resolved against a model run, as the checker runs them. */
function program(seed: number, n: number): Command[] {
  const world = createModelWorld({ devices: 2 });
  const tracker = new Tracker();
  const out: Command[] = [];
  const run = fc.commands([commandArbitrary(DEFAULT_SCOPE)], { maxCommands: n, size: 'max' }) as fc.Arbitrary<Iterable<IndexedCommand>>;
  for (const wrapped of fc.sample(run, { seed, numRuns: 1 })[0]!) {
    // fast-check wraps each generated command (CommandWrapper); the command is its `cmd`.
    const generated = (wrapped as unknown as { readonly cmd: IndexedCommand }).cmd;
    if (!generated.check(tracker)) continue;
    const c = generated.resolve(tracker);
    world.apply(c);
    tracker.sync(world.observe().next);
    tracker.note(c);
    out.push(c);
  }
  return out;
}

describe('ModelWorld.clone', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]) {
    it(`a copy taken after every command of generated run ${seed} evolves as the original, independently`, () => {
      const commands = program(seed, 200);
      const reference = createModelWorld({ devices: 2 });
      const results = commands.map((c) => reference.apply(c));
      const final = structuredClone(reference.observe());
      const original = createModelWorld({ devices: 2 });
      for (let at = 0; at <= commands.length; at++) {
        const before = structuredClone(original.observe());
        const copy = original.clone();
        expect(copy.observe()).toEqual(before);
        expect(commands.slice(at).map((c) => copy.apply(c))).toEqual(results.slice(at));
        expect(copy.observe()).toEqual(final);
        expect(original.observe()).toEqual(before);
        if (at < commands.length) original.apply(commands[at]!);
      }
    });
  }
});
