/** SPEC §6 memoryIsMemory: hand-made command/result/observation histories. */
import { describe, expect, it } from 'vitest';
import { MemoryIsMemory } from '../../../properties/rules/index.js';
import type { Command, OpObs, Result } from '../../../spec/index.js';
import { obs } from './observation.js';

/** An observation with these ops in flight (id, kind, mm) and this next mm. */
const world = (ops: [number, OpObs[1], number][] = [], nextMm = 1) =>
  obs({ ops: ops.map(([id, kind, mm]): OpObs => [id, kind, mm, 0, 1, 'created', 0, false, null]), next: { pfn: 1, mirror: 1, op: 1, fence: 1, mm: nextMm } });

describe('MemoryIsMemory', () => {
  it('a write {ok} is read back by read and devRead; anything else is a breach naming mm and vpn', () => {
    const m = new MemoryIsMemory();
    expect(m.after({ cmd: 'read', mm: 0, vpn: 5 }, { ok: 0 }, world())).toEqual([]);
    expect(m.after({ cmd: 'write', mm: 0, vpn: 5, value: 7 }, { ok: 0 }, world())).toEqual([]);
    expect(m.after({ cmd: 'read', mm: 0, vpn: 5 }, { ok: 7 }, world())).toEqual([]);
    expect(m.after({ cmd: 'devRead', dev: 1, mm: 0, vpn: 5 }, { ok: 7 }, world())).toEqual([]);
    expect(m.after({ cmd: 'read', mm: 0, vpn: 5 }, { ok: 0 }, world())).toEqual(['mm 0 vpn 5: read returned 0, but the value last written is 7']);
    expect(m.after({ cmd: 'devRead', dev: 1, mm: 0, vpn: 6 }, { ok: 7 }, world())).toEqual(['mm 0 vpn 6: devRead (dev 1) returned 7, but the value last written is 0']);
  });

  it('reads that do not return {ok} are not checked; refused writes change nothing', () => {
    const m = new MemoryIsMemory();
    expect(m.after({ cmd: 'write', mm: 0, vpn: 5, value: 7 }, { err: 'EFAULT' }, world())).toEqual([]);
    expect(m.after({ cmd: 'read', mm: 0, vpn: 5 }, { err: 'EBUSY' }, world())).toEqual([]);
    expect(m.after({ cmd: 'devRead', dev: 0, mm: 0, vpn: 5 }, { op: 1 }, world([[1, 'rfault', 0]]))).toEqual([]);
    expect(m.expected(0, 5)).toBe(0);
  });

  it('a devWrite {ok} counts at once; a devWrite {op} (a fault) writes nothing', () => {
    const m = new MemoryIsMemory();
    m.after({ cmd: 'devWrite', dev: 0, mm: 0, vpn: 1, value: 8 }, { ok: 0 }, world());
    m.after({ cmd: 'devWrite', dev: 0, mm: 0, vpn: 2, value: 9 }, { op: 1 }, world([[1, 'wfault', 0]]));
    m.after({ cmd: 'finish', op: 1 }, { ok: 0 }, world());
    expect(m.after({ cmd: 'read', mm: 0, vpn: 1 }, { ok: 8 }, world())).toEqual([]);
    expect(m.expected(0, 2)).toBe(0);
  });

  it('a write that made a COW op counts when that op ends, not before', () => {
    const m = new MemoryIsMemory();
    m.after({ cmd: 'write', mm: 0, vpn: 5, value: 7 }, { ok: 0 }, world());
    m.after({ cmd: 'write', mm: 0, vpn: 5, value: 9 }, { op: 2 }, world([[2, 'cow', 0]]));
    expect(m.after({ cmd: 'step', op: 2 }, { ok: 0 }, world([[2, 'cow', 0]]))).toEqual([]);
    expect(m.after({ cmd: 'devRead', dev: 0, mm: 0, vpn: 5 }, { ok: 7 }, world([[2, 'cow', 0]]))).toEqual([]);
    m.after({ cmd: 'finish', op: 2 }, { ok: 0 }, world());
    expect(m.after({ cmd: 'read', mm: 0, vpn: 5 }, { ok: 9 }, world())).toEqual([]);
    expect(m.after({ cmd: 'read', mm: 0, vpn: 5 }, { ok: 7 }, world())).toEqual(['mm 0 vpn 5: read returned 7, but the value last written is 9']);
  });

  it('a munmap op forgets its range when it ends; a munmap {ok: 0} forgets at once', () => {
    const m = new MemoryIsMemory();
    for (const vpn of [1, 2, 3, 4]) m.after({ cmd: 'write', mm: 0, vpn, value: 10 + vpn }, { ok: 0 }, world());
    m.after({ cmd: 'munmap', mm: 0, start: 2, npages: 2 }, { op: 1 }, world([[1, 'munmap', 0]]));
    expect(m.after({ cmd: 'devRead', dev: 0, mm: 0, vpn: 2 }, { ok: 12 }, world([[1, 'munmap', 0]]))).toEqual([]);
    m.after({ cmd: 'finish', op: 1 }, { ok: 0 }, world());
    expect([1, 2, 3, 4].map((vpn) => m.expected(0, vpn))).toEqual([11, 0, 0, 14]);
    m.after({ cmd: 'munmap', mm: 0, start: 4, npages: 1 }, { ok: 0 }, world());
    expect(m.expected(0, 4)).toBe(0);
  });

  it('exit {ok} forgets the mm; exit EBUSY does not', () => {
    const m = new MemoryIsMemory();
    m.after({ cmd: 'write', mm: 0, vpn: 0, value: 5 }, { ok: 0 }, world());
    m.after({ cmd: 'exit', mm: 0 }, { err: 'EBUSY' }, world());
    expect(m.expected(0, 0)).toBe(5);
    m.after({ cmd: 'exit', mm: 0 }, { ok: 0 }, world());
    expect(m.expected(0, 0)).toBe(0);
  });

  it('fork {ok: child} copies the parent at once; later writes stay apart', () => {
    const m = new MemoryIsMemory();
    m.after({ cmd: 'write', mm: 0, vpn: 3, value: 4 }, { ok: 0 }, world());
    m.after({ cmd: 'fork', mm: 0 }, { ok: 1 }, world([], 2));
    m.after({ cmd: 'write', mm: 0, vpn: 3, value: 6 }, { ok: 0 }, world([], 2));
    expect(m.after({ cmd: 'read', mm: 1, vpn: 3 }, { ok: 4 }, world([], 2))).toEqual([]);
    expect(m.expected(0, 3)).toBe(6);
  });

  it('a fork op: the mm that appears while it is stepped is its child, a copy of the parent at apply', () => {
    const m = new MemoryIsMemory();
    m.after({ cmd: 'write', mm: 0, vpn: 3, value: 4 }, { ok: 0 }, world());
    const inFlight = world([[1, 'fork', 0]]);
    m.after({ cmd: 'fork', mm: 0 }, { op: 1 }, inFlight);
    m.after({ cmd: 'step', op: 1 }, { ok: 0 }, inFlight);
    m.after({ cmd: 'step', op: 1 }, { ok: 0 }, world([[1, 'fork', 0]], 2)); // apply: child mm 1 appears
    m.after({ cmd: 'write', mm: 1, vpn: 3, value: 8 }, { ok: 0 }, world([[1, 'fork', 0]], 2));
    m.after({ cmd: 'step', op: 1 }, { ok: 1 }, world([], 2));
    expect([m.expected(0, 3), m.expected(1, 3)]).toEqual([4, 8]);
  });

  it('a fork op finished in one command still copies the parent', () => {
    const m = new MemoryIsMemory();
    m.after({ cmd: 'write', mm: 0, vpn: 3, value: 4 }, { ok: 0 }, world());
    m.after({ cmd: 'fork', mm: 0 }, { op: 1 }, world([[1, 'fork', 0]]));
    m.after({ cmd: 'finish', op: 1 }, { ok: 1 }, world([], 2));
    expect(m.expected(1, 3)).toBe(4);
  });

  it('snapshot is canonical and clone is independent', () => {
    const a = new MemoryIsMemory();
    const b = new MemoryIsMemory();
    const run = (m: MemoryIsMemory, steps: [Command, Result][]) => steps.forEach(([c, r]) => m.after(c, r, world()));
    run(a, [[{ cmd: 'write', mm: 0, vpn: 1, value: 1 }, { ok: 0 }], [{ cmd: 'write', mm: 0, vpn: 2, value: 2 }, { ok: 0 }]]);
    run(b, [[{ cmd: 'write', mm: 0, vpn: 2, value: 2 }, { ok: 0 }], [{ cmd: 'write', mm: 0, vpn: 1, value: 1 }, { ok: 0 }]]);
    expect(a.snapshot()).toBe(b.snapshot());
    const c = a.clone();
    run(c, [[{ cmd: 'write', mm: 0, vpn: 1, value: 5 }, { ok: 0 }]]);
    expect([a.expected(0, 1), c.expected(0, 1)]).toEqual([1, 5]);
    expect(c.snapshot()).not.toBe(a.snapshot());
  });
});
