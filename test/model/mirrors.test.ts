/**
 * Mirror and device commands of SPEC §3 (register, unregister, devRead, devWrite, devFault,
 * signal, fail) and the mirror lifecycle of SPEC §5. Expected values worked by hand from SPEC.md.
 */
import { describe, expect, test } from 'vitest';
import { expectRefused, expectResult, setup, world } from './helpers.js';

describe('register / unregister', () => {
  test('register appends a live mirror with empty tables; EEXIST for a second of the same dev', () => {
    const w = world();
    expectResult(w, { cmd: 'register', dev: 0, mm: 0 }, { ok: 1 });
    expectRefused(w, { cmd: 'register', dev: 0, mm: 0 }, 'EEXIST');
    expectResult(w, { cmd: 'register', dev: 1, mm: 0 }, { ok: 2 });
    expect(w.observe().mirrors).toEqual([[1, 0, 0, 'live', 0, [], []], [2, 1, 0, 'live', 0, [], []]]);
    expect(w.observe().next.mirror).toBe(3);
  });
  test('ESRCH for a missing mm; ENOENT to unregister what is not registered', () => {
    const w = world();
    expectRefused(w, { cmd: 'register', dev: 0, mm: 3 }, 'ESRCH');
    expectRefused(w, { cmd: 'unregister', dev: 0, mm: 0 }, 'ENOENT');
    expectRefused(w, { cmd: 'unregister', dev: 0, mm: 3 }, 'ENOENT');
  });
  test('unregister with refs 0 frees the mirror at once; the dev can register again with a new id', () => {
    const w = world();
    setup(w, { cmd: 'register', dev: 0, mm: 0 });
    expectResult(w, { cmd: 'unregister', dev: 0, mm: 0 }, { ok: 0 });
    expect(w.observe().mirrors).toEqual([]);
    expectResult(w, { cmd: 'register', dev: 0, mm: 0 }, { ok: 2 });
  });
  test('unregister tears down: device dirty bits reach the page through the mirror pte', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 3 }, { cmd: 'finish', op: 1 });
    setup(w, { cmd: 'writeback', mm: 0, start: 0, npages: 1 }, { cmd: 'finish', op: 2 });
    // after the wfault: zero page pfn 1, mirror and device pte writable clean. writeback: the
    // update (sync) drops the device pte, commit keeps the mirror pte valid+write (ISDIRTY).
    expect(w.observe().mirrors[0][5]).toEqual([[0, 1, true, false]]);
    expect(w.observe().mirrors[0][6]).toEqual([]);
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 4 }, { cmd: 'finish', op: 3 });
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 4 });
    expect(w.observe().pages).toEqual([[1, 4, false, 0, 1]]);
    expect(w.observe().mirrors[0][6]).toEqual([[0, 1, true, true]]);
    expectResult(w, { cmd: 'unregister', dev: 0, mm: 0 }, { ok: 0 });
    // device pte dirty → mirror pte (same pfn) dirty → page dirty when the mirror pte goes.
    expect(w.observe().pages).toEqual([[1, 4, true, 0, 1]]);
    expect(w.observe().mirrors).toEqual([]);
  });
  test('a mirror held by a fault stays listed as unregistered with refs 1; the fault ends ENODEV and frees it', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 });
    expect(w.observe().mirrors).toEqual([[1, 0, 0, 'live', 1, [], []]]);
    setup(w, { cmd: 'step', op: 1 }, { cmd: 'step', op: 1 }, { cmd: 'unregister', dev: 0, mm: 0 });
    expect(w.observe().mirrors).toEqual([[1, 0, 0, 'unregistered', 1, [], []]]);
    expectResult(w, { cmd: 'step', op: 1 }, { err: 'ENODEV' });
    expect(w.observe().mirrors).toEqual([]);
    expect(w.observe().ops).toEqual([]);
  });
});

describe('devRead / devWrite / devFault', () => {
  test('ENOENT without a live mirror of dev on mm, or when the mm is unknown', () => {
    const w = world();
    setup(w, { cmd: 'register', dev: 0, mm: 0 });
    expectRefused(w, { cmd: 'devRead', dev: 1, mm: 0, vpn: 0 }, 'ENOENT');
    expectRefused(w, { cmd: 'devWrite', dev: 0, mm: 9, vpn: 0, value: 1 }, 'ENOENT');
    expectRefused(w, { cmd: 'devFault', dev: 1, mm: 0, start: 0, npages: 1, write: false }, 'ENOENT');
  });
  test('a miss creates a fault op holding a ref on the mirror', () => {
    const w = world();
    setup(w, { cmd: 'register', dev: 0, mm: 0 });
    expectResult(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 3 }, { op: 1 });
    expectResult(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 4, value: 1 }, { op: 2 });
    expect(w.observe().ops).toEqual([
      [1, 'rfault', 0, 3, 4, 'created', 0, false, 1],
      [2, 'wfault', 0, 4, 5, 'created', 0, false, 1],
    ]);
    expect(w.observe().mirrors[0][4]).toBe(2);
  });
  test('devWrite on a read-only device pte faults; through a writable one it dirties the device pte only', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'r' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { cmd: 'finish', op: 1 });
    expect(w.observe().mirrors[0][6]).toEqual([[0, 1, false, false]]);
    expectResult(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 2 }, { op: 2 });
    // wfault walk in an r vma: EPERM.
    expectResult(w, { cmd: 'finish', op: 2 }, { err: 'EPERM' });
  });
  test('devFault prefetches a range: pages populated in vpn order, mirror and device ptes filled', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 4, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    expectResult(w, { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 3, write: false }, { op: 1 });
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 0 });
    // read fault on writable ptes maps them writable; pfns 1, 2, 3 for vpns 0, 1, 2.
    const pt = [[0, 1, true, false], [1, 2, true, false], [2, 3, true, false]];
    expect(w.observe().mirrors).toEqual([[1, 0, 0, 'live', 0, pt, pt]]);
    expect(w.observe().pages).toEqual([[1, 0, false, 0, 1], [2, 0, false, 0, 1], [3, 0, false, 0, 1]]);
  });
});

describe('signal / fail', () => {
  test('ENOENT on an empty queue', () => {
    const w = world();
    expectRefused(w, { cmd: 'signal', dev: 0 }, 'ENOENT');
    expectRefused(w, { cmd: 'fail', dev: 1, code: 'EIO' }, 'ENOENT');
  });
  test('signal completes the oldest entry: drops the device ptes in range, fence signaled', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 2, write: false }, { cmd: 'finish', op: 1 });
    setup(w, { cmd: 'migrate', mm: 0, start: 1, npages: 1 }, { cmd: 'step', op: 2 }, { cmd: 'step', op: 2, choice: 'fence' });
    expect(w.observe().fences).toEqual([[1, 0, 1, 2, 'pending', 1]]);
    expect(w.observe().pending).toEqual([[0, [[1, 1, 1, 2]]], [1, []]]);
    // the device pte at vpn 1 stays usable until the device completes.
    expect(w.observe().mirrors[0][6]).toHaveLength(2);
    expectResult(w, { cmd: 'signal', dev: 0 }, { ok: 1 });
    expect(w.observe().fences).toEqual([[1, 0, 1, 2, 'signaled', 1]]);
    expect(w.observe().pending).toEqual([[0, []], [1, []]]);
    expect(w.observe().mirrors[0][6]).toEqual([[0, 1, true, false]]);
  });
  test('fail: the fence becomes failed with its code', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 1, mm: 0 });
    setup(w, { cmd: 'munmap', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 1 }, { cmd: 'step', op: 1, choice: 'fence' });
    expectResult(w, { cmd: 'fail', dev: 1, code: 'ENOMEM' }, { ok: 1 });
    expect(w.observe().fences).toEqual([[1, 1, 1, 1, 'failed', 1]]);
  });
});
