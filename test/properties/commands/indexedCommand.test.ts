/**
 * Generated commands name mms and ops by index (SPEC §3): resolved at run time against the ids
 * handed out, never dangling; a command with nothing to name is not generated; swarm mode leaves
 * kinds out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../spec/index.js';
import { commandArbitrary, DEFAULT_SCOPE, IndexedCommand, Tracker, UNKNOWN_INDEX } from '../../../properties/commands/index.js';

const finish = (op: number): IndexedCommand => new IndexedCommand('finish', { op }, ({ op: id }) => ({ cmd: 'finish', op: id }));
const fork = (mm: number): IndexedCommand => new IndexedCommand('fork', { mm }, ({ mm: id }) => ({ cmd: 'fork', mm: id }));

describe('Tracker and IndexedCommand', () => {
  it('resolves mm indices modulo the mms ever created, in creation order', () => {
    const t = new Tracker();
    t.sync({ mm: 3, op: 1 });
    expect([0, 1, 2, 3, 4].map((i) => t.mm(i))).toEqual([0, 1, 2, 0, 1]);
    expect(t.mm(UNKNOWN_INDEX)).toBe(3);
  });

  it('resolves op indices newest first, modulo the ops ever created', () => {
    const t = new Tracker();
    t.sync({ mm: 1, op: 5 });
    expect([0, 1, 3, 4].map((i) => t.op(i))).toEqual([4, 3, 1, 4]);
    expect(t.op(UNKNOWN_INDEX)).toBe(0);
  });

  it('does not generate a step or finish before any op exists', () => {
    const t = new Tracker();
    expect(finish(0).check(t)).toBe(false);
    t.sync({ mm: 1, op: 2 });
    expect(finish(0).check(t)).toBe(true);
  });

  it('leaves out the kinds of a swarm run', () => {
    expect(fork(0).check(new Tracker(new Set(['fork'])))).toBe(false);
    expect(fork(0).check(new Tracker(new Set(['exit'])))).toBe(true);
  });

  it('runs the resolved command, takes the counters, and prints the call it made', () => {
    const applied: Command[] = [];
    const system = { apply: (c: Command) => void applied.push(c), next: { mm: 2, op: 4 } };
    const t = new Tracker();
    t.sync({ mm: 2, op: 3 });
    const c = finish(1);
    expect(c.toString()).toBe('finish(op#1)');
    c.run(t, system);
    expect(applied).toEqual([{ cmd: 'finish', op: 1 }]);
    expect(c.toString()).toBe('finish(op1)');
    expect(t.ops).toBe(3);
  });

  it('generates every command kind, in and out of domain', () => {
    const kinds = new Set<string>();
    let outOfDomain = 0;
    fc.assert(
      fc.property(commandArbitrary(DEFAULT_SCOPE), (c) => {
        kinds.add(c.kind);
        const cmd = c.resolve(new Tracker()) as unknown as Record<string, unknown>;
        if (['vpn', 'start', 'value'].some((f) => typeof cmd[f] === 'number' && !Number.isSafeInteger(cmd[f] as number))) outOfDomain++;
      }),
      { numRuns: 3000, seed: 1 },
    );
    expect(kinds.size).toBe(19);
    expect(outOfDomain).toBeGreaterThan(0);
  });
});
