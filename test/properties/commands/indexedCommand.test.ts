/**
 * Generated commands name mms and ops by index (SPEC §3): resolved at run time against the ids
 * handed out, never dangling; a command with nothing to name is not generated; swarm mode leaves
 * kinds out. Addresses may reuse a recent one (a device access then retries the last device
 * access), and now and then fall in a far window.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../spec/index.js';
import {
  commandArbitrary, DEFAULT_SCOPE, FAR_WINDOW_CENTRES, IndexedCommand, NON_INTEGER_INDEX, Tracker, UNKNOWN_INDEX,
} from '../../../properties/commands/index.js';

const finish = (op: number): IndexedCommand => new IndexedCommand('finish', { op }, ({ op: id }) => ({ cmd: 'finish', op: id }));
const fork = (mm: number): IndexedCommand => new IndexedCommand('fork', { mm }, ({ mm: id }) => ({ cmd: 'fork', mm: id }));
const devWrite = (dev: number, mm: number, vpn: number, reuse?: number): IndexedCommand =>
  new IndexedCommand('devWrite', { mm, dev, address: reuse === undefined ? { drawn: vpn } : { drawn: vpn, reuse } }, (ids) => ({
    cmd: 'devWrite', dev: ids.dev, mm: ids.mm, vpn: ids.address, value: 1,
  }));
const munmap = (mm: number, start: number, reuse?: number): IndexedCommand =>
  new IndexedCommand('munmap', { mm, address: reuse === undefined ? { drawn: start } : { drawn: start, reuse } }, (ids) => ({
    cmd: 'munmap', mm: ids.mm, start: ids.address, npages: 1,
  }));

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

  it('resolves NON_INTEGER_INDEX to an id that is not an integer (EINVAL, SPEC §3 check 1)', () => {
    const t = new Tracker();
    t.sync({ mm: 2, op: 4 });
    expect(Number.isInteger(t.mm(NON_INTEGER_INDEX))).toBe(false);
    expect(Number.isInteger(t.op(NON_INTEGER_INDEX))).toBe(false);
  });

  it('reuses the drawn address until some address was used, then a recent one, newest first', () => {
    const t = new Tracker();
    t.sync({ mm: 2, op: 1 });
    expect(munmap(1, 9, 0).resolve(t)).toEqual({ cmd: 'munmap', mm: 1, start: 9, npages: 1 });
    t.note({ cmd: 'read', mm: 0, vpn: 3 });
    t.note({ cmd: 'mmap', mm: 0, start: 5, npages: 2, prot: 'rw' });
    t.note({ cmd: 'read', mm: 0, vpn: 1.5 }); // out of the vpn space: not an address to reuse
    expect(munmap(1, 9, 0).resolve(t)).toMatchObject({ mm: 1, start: 5 });
    expect(munmap(1, 9, 1).resolve(t)).toMatchObject({ mm: 1, start: 3 });
    expect(munmap(1, 9, 2).resolve(t)).toMatchObject({ mm: 1, start: 5 }); // modulo the addresses known
    expect(munmap(1, 9).resolve(t)).toMatchObject({ mm: 1, start: 9 });
  });

  it('a device access that reuses an address retries the last device access (same mirror, same address)', () => {
    const t = new Tracker();
    t.sync({ mm: 2, op: 1 });
    expect(devWrite(0, 0, 7, 0).resolve(t)).toMatchObject({ dev: 0, mm: 0, vpn: 7 }); // nothing to retry yet
    t.note({ cmd: 'devRead', dev: 1, mm: 1, vpn: 4 });
    t.note({ cmd: 'write', mm: 0, vpn: 12, value: 3 });
    expect(devWrite(0, 0, 7, 0).resolve(t)).toMatchObject({ dev: 1, mm: 1, vpn: 4 });
    expect(devWrite(0, 0, 7).resolve(t)).toMatchObject({ dev: 0, mm: 0, vpn: 7 });
    expect(munmap(0, 9, 0).resolve(t)).toMatchObject({ start: 12 }); // other commands reuse any recent address
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

  it('generates non-integer ids, reused addresses and addresses in every far window', () => {
    let nonInteger = 0;
    let reused = 0;
    const far = new Set<number>();
    fc.assert(
      fc.property(commandArbitrary(DEFAULT_SCOPE), (c) => {
        if (c.refs.mm === NON_INTEGER_INDEX || c.refs.op === NON_INTEGER_INDEX) nonInteger++;
        if (c.refs.address?.reuse !== undefined) reused++;
        const a = c.refs.address?.drawn ?? 0;
        for (const centre of FAR_WINDOW_CENTRES) if (Math.abs(a - centre) <= DEFAULT_SCOPE.vpnWindow) far.add(centre);
      }),
      { numRuns: 3000, seed: 1 },
    );
    expect(nonInteger).toBeGreaterThan(0);
    expect(reused).toBeGreaterThan(0);
    expect([...far].sort((a, b) => a - b)).toEqual([...FAR_WINDOW_CENTRES]);
  });
});
