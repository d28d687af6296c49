/**
 * Device fault steps (SPEC §4.3; INTERPRETATION 17, 18): start (EAGAIN), walk (EFAULT, EPERM,
 * EAGAIN with a COW break, writable in place), commit (backoff EAGAIN, ENODEV, dirty rules).
 * Expected values worked by hand from SPEC.md.
 */
import { describe, expect, test } from 'vitest';
import { expectResult, setup, world } from './helpers.js';

describe('start', () => {
  test('EAGAIN while an active invalidation overlaps; a created (inactive) one does not count', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'writeback', mm: 0, start: 0, npages: 1 }, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 });
    setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 1 });
    // op 1 is still created: not active.
    expectResult(w, { cmd: 'step', op: 2 }, { ok: 0 });
    setup(w, { cmd: 'step', op: 1 });
    const before = w.observe();
    expectResult(w, { cmd: 'step', op: 3 }, { ok: 0 }); // vpn 1 does not overlap [0,1)
    setup(w, { cmd: 'finish', op: 3 });
    const again = w.observe();
    expect(again.ops.map((o) => o[0])).toEqual([1, 2]);
    expect(before.ops.find((o) => o[0] === 2)?.[7]).toBe(true); // op 1's start marked op 2 backoff
    // a new fault on vpn 0 cannot start while op 1 is active.
    expectResult(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { op: 4 });
    expectResult(w, { cmd: 'step', op: 4 }, { err: 'EAGAIN' });
    expectResult(w, { cmd: 'finish', op: 4 }, { err: 'EAGAIN' });
    expect(w.observe().ops.find((o) => o[0] === 4)?.[5]).toBe('created');
  });
});

describe('walk', () => {
  test('EFAULT past the vma; pages populated before stay populated; the mirror ref is dropped', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 3, write: true }, { cmd: 'step', op: 1 });
    expectResult(w, { cmd: 'step', op: 1 }, { err: 'EFAULT' });
    expect(w.observe().mms[0][3]).toEqual([[0, 'P', 1, true], [1, 'P', 2, true]]);
    expect(w.observe().mirrors).toEqual([[1, 0, 0, 'live', 0, [], []]]);
    expect(w.observe().ops).toEqual([]);
  });
  test('EFAULT on prot none; EPERM for a write fault in an r vma', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'none' }, { cmd: 'mmap', mm: 0, start: 1, npages: 1, prot: 'r' });
    setup(w, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 });
    expectResult(w, { cmd: 'finish', op: 1 }, { err: 'EFAULT' });
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 1, value: 1 });
    expectResult(w, { cmd: 'finish', op: 2 }, { err: 'EPERM' });
    setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 1 });
    expectResult(w, { cmd: 'finish', op: 3 }, { ok: 0 });
    expect(w.observe().mirrors[0][6]).toEqual([[1, 1, false, false]]);
  });
  test('a write fault on a shared read-only pte: EAGAIN after creating a COW op without value', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 5 });
    setup(w, { cmd: 'fork', mm: 0 }, { cmd: 'finish', op: 1 }, { cmd: 'register', dev: 0, mm: 0 });
    expectResult(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 7 }, { op: 2 });
    expectResult(w, { cmd: 'step', op: 2 }, { ok: 0 });
    // walk: pfn 1 mapcount 2 → COW op 3 (next op id), the fault ends EAGAIN.
    expectResult(w, { cmd: 'step', op: 2 }, { err: 'EAGAIN' });
    expect(w.observe().ops).toEqual([[3, 'cow', 0, 0, 1, 'created', 0, false, null]]);
    expectResult(w, { cmd: 'finish', op: 3 }, { ok: 0 });
    // new page pfn 2 with the old data 5, dirty, stored null, writable.
    expect(w.observe().pages).toEqual([[1, 5, true, 0, 1], [2, 5, true, null, 1]]);
    expect(w.observe().mms[0][3]).toEqual([[0, 'P', 2, true]]);
    // the device retries and now gets through.
    expectResult(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 7 }, { op: 4 });
    expectResult(w, { cmd: 'finish', op: 4 }, { ok: 0 });
    expectResult(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 7 }, { ok: 0 });
  });
  test('no COW op when a CPU op overlapping the vpn is in flight', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 5 });
    setup(w, { cmd: 'fork', mm: 0 }, { cmd: 'finish', op: 1 }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 1, write: true }, { cmd: 'step', op: 2 });
    setup(w, { cmd: 'writeback', mm: 0, start: 0, npages: 1 });
    expectResult(w, { cmd: 'step', op: 2 }, { err: 'EAGAIN' });
    expect(w.observe().ops.map((o) => o[1])).toEqual(['writeback']);
    expect(w.observe().next.op).toBe(4);
  });
  test('a write fault on a read-only pte of mapcount 1 makes it writable in place', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'r' }, { cmd: 'read', mm: 0, vpn: 0 });
    setup(w, { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 3 });
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 0 });
    expect(w.observe().mms[0][3]).toEqual([[0, 'P', 1, true]]);
    expect(w.observe().mirrors[0].slice(5)).toEqual([[[0, 1, true, false]], [[0, 1, true, false]]]);
  });
});

describe('commit', () => {
  test('backoff: EAGAIN and no table changes (example fault_backoff_race_munmap covers munmap)', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { cmd: 'step', op: 1 }, { cmd: 'step', op: 1 });
    setup(w, { cmd: 'writeback', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 2 });
    expectResult(w, { cmd: 'step', op: 1 }, { err: 'EAGAIN' });
    expect(w.observe().mirrors).toEqual([[1, 0, 0, 'live', 1, [], []]]);
  });
  test('a killed mirror: ENODEV', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 1 }, { cmd: 'step', op: 1 }, { cmd: 'step', op: 1 });
    setup(w, { cmd: 'writeback', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 2 }, { cmd: 'step', op: 2, choice: 'error' });
    expect(w.observe().mirrors).toEqual([[1, 0, 0, 'killed', 2, [], []]]);
    expectResult(w, { cmd: 'step', op: 1 }, { err: 'ENODEV' });
    expectResult(w, { cmd: 'finish', op: 2 }, { ok: 0 });
    expect(w.observe().mirrors).toEqual([]);
  });
  test('a writable same-pfn record keeps the dirty bit reported into the mirror pte; WRITE_PROTECT then harvests it', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 1 }, { cmd: 'finish', op: 1 });
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 2 });
    // device pte dirty; a read fault re-walks pfn 1 writable: the device pte is dropped into the
    // mirror pte (same pfn → dirty), which keeps it (same pfn, writable record).
    setup(w, { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 1, write: false }, { cmd: 'finish', op: 2 });
    expect(w.observe().mirrors[0].slice(5)).toEqual([[[0, 1, true, true]], [[0, 1, true, false]]]);
    expect(w.observe().pages).toEqual([[1, 2, false, 0, 1]]);
    // mprotect r is WRITE_PROTECT: commit harvests the dirty bit; the ptes become read-only.
    setup(w, { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'r' }, { cmd: 'finish', op: 3 });
    expect(w.observe().pages).toEqual([[1, 2, true, 0, 1]]);
    expect(w.observe().mirrors[0].slice(5)).toEqual([[[0, 1, false, false]], []]);
  });
});
