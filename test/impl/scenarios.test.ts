/**
 * Hand-worked scenarios on ImplWorld (SPEC §3–§5, INTERPRETATION), checkStructure after every
 * command. Each expectation is derived in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import type { Command, Result } from '../../spec/index.js';
import { createImplWorld, ImplWorld } from '../../impl/index.js';

function run(w: ImplWorld, cmds: Array<[Command, Result]>): void {
  for (const [c, want] of cmds) {
    expect([c, w.apply(c)]).toEqual([c, want]);
    expect(w.checkStructure()).toEqual([]);
  }
}

describe('fork and COW', () => {
  it('shares pages read-only, breaks COW by op, upgrades in place at mapcount 1', () => {
    const w = createImplWorld();
    run(w, [
      [{ cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { ok: 0 }],
      // zero page pfn 1 (stored 0), then written: data 5, dirty
      [{ cmd: 'write', mm: 0, vpn: 0, value: 5 }, { ok: 0 }],
      // an rw vma exists: WRITE_PROTECT op 1 over [0, 2)
      [{ cmd: 'fork', mm: 0 }, { op: 1 }],
      // fork holds mm 0 exclusively
      [{ cmd: 'read', mm: 0, vpn: 1 }, { err: 'EBUSY' }],
      // no mirrors: start, commit, apply, end; the child is mm 1
      [{ cmd: 'finish', op: 1 }, { ok: 1 }],
    ]);
    let o = w.observe();
    expect(o.mms).toEqual([
      [0, 'live', [[0, 2, 'rw']], [[0, 'P', 1, false]]],
      [1, 'live', [[0, 2, 'rw']], [[0, 'P', 1, false]]],
    ]);
    expect(o.pages).toEqual([[1, 5, true, 0, 2]]);
    run(w, [
      // read-only pte, mapcount 2: COW break op 2
      [{ cmd: 'write', mm: 1, vpn: 0, value: 7 }, { op: 2 }],
      [{ cmd: 'finish', op: 2 }, { ok: 0 }],
      // mm 0's pte is now the only mapping of pfn 1: writable in place
      [{ cmd: 'write', mm: 0, vpn: 0, value: 9 }, { ok: 0 }],
    ]);
    o = w.observe();
    expect(o.mms[0][3]).toEqual([[0, 'P', 1, true]]);
    expect(o.mms[1][3]).toEqual([[0, 'P', 2, true]]);
    expect(o.pages).toEqual([[1, 9, true, 0, 1], [2, 7, true, null, 1]]);
    expect(o.next).toEqual({ pfn: 3, mirror: 1, op: 3, fence: 1, mm: 2 });
  });

  it('a device write fault on a shared page creates a COW op without value and backs off', () => {
    const w = createImplWorld();
    run(w, [
      [{ cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { ok: 0 }],
      [{ cmd: 'write', mm: 0, vpn: 0, value: 1 }, { ok: 0 }],
      [{ cmd: 'fork', mm: 0 }, { op: 1 }],
      [{ cmd: 'finish', op: 1 }, { ok: 1 }],
      [{ cmd: 'register', dev: 0, mm: 0 }, { ok: 1 }],
      [{ cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 3 }, { op: 2 }],
      [{ cmd: 'step', op: 2 }, { ok: 0 }],
      // walk: read-only pte of mapcount 2 → cow op 3, the fault ends EAGAIN
      [{ cmd: 'step', op: 2 }, { err: 'EAGAIN' }],
    ]);
    expect(w.observe().ops).toEqual([[3, 'cow', 0, 0, 1, 'created', 0, false, null]]);
    expect(w.observe().mirrors).toEqual([[1, 0, 0, 'live', 0, [], []]]);
    run(w, [
      // start captures mirror 1, update (sync), commit, apply (new page pfn 2 = old data 1), end
      [{ cmd: 'finish', op: 3 }, { ok: 0 }],
      [{ cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 3 }, { op: 4 }],
      [{ cmd: 'finish', op: 4 }, { ok: 0 }],
      [{ cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 4 }, { ok: 0 }],
    ]);
    const o = w.observe();
    // pfn 2 was dirty (COW page), data 4 written by the device; device pte dirty
    expect(o.pages).toEqual([[1, 1, true, 0, 1], [2, 4, true, null, 1]]);
    expect(o.mirrors).toEqual([[1, 0, 0, 'live', 0, [[0, 2, true, false]], [[0, 2, true, true]]]]);
  });
});

describe('swap', () => {
  it('reclaim writes a dirty page to swap, a read brings it back clean', () => {
    const w = createImplWorld();
    run(w, [
      [{ cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { ok: 0 }],
      [{ cmd: 'write', mm: 0, vpn: 0, value: 4 }, { ok: 0 }],
      [{ cmd: 'reclaim', mm: 0, start: 0, npages: 1 }, { op: 1 }],
      [{ cmd: 'finish', op: 1 }, { ok: 0 }],
    ]);
    expect(w.observe().mms[0][3]).toEqual([[0, 'S', 4]]);
    expect(w.observe().pages).toEqual([]);
    run(w, [[{ cmd: 'read', mm: 0, vpn: 0 }, { ok: 4 }]]);
    expect(w.observe().pages).toEqual([[2, 4, false, 4, 1]]);
    expect(w.observe().mms[0][3]).toEqual([[0, 'P', 2, true]]);
  });
});

describe('fork copies swapped ptes', () => {
  it('each mm gets its own swap copy', () => {
    const w = createImplWorld();
    run(w, [
      [{ cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { ok: 0 }],
      [{ cmd: 'write', mm: 0, vpn: 0, value: 6 }, { ok: 0 }],
      [{ cmd: 'write', mm: 0, vpn: 1, value: 8 }, { ok: 0 }],
      [{ cmd: 'reclaim', mm: 0, start: 0, npages: 1 }, { op: 1 }],
      [{ cmd: 'finish', op: 1 }, { ok: 0 }],
      [{ cmd: 'fork', mm: 0 }, { op: 2 }],
      [{ cmd: 'finish', op: 2 }, { ok: 1 }],
      // parent swaps vpn 0 in (pfn 3) and overwrites it: the child's swapped copy keeps 6
      [{ cmd: 'write', mm: 0, vpn: 0, value: 1 }, { ok: 0 }],
      [{ cmd: 'read', mm: 1, vpn: 0 }, { ok: 6 }],
    ]);
    const o = w.observe();
    // pfn 1 (vpn 0) went to swap; pfn 2 (vpn 1, data 8) shared read-only; pfn 3 parent's, pfn 4 child's
    expect(o.mms[0][3]).toEqual([[0, 'P', 3, true], [1, 'P', 2, false]]);
    expect(o.mms[1][3]).toEqual([[0, 'P', 4, true], [1, 'P', 2, false]]);
    expect(o.pages).toEqual([[2, 8, true, 0, 2], [3, 1, true, 6, 1], [4, 6, false, 6, 1]]);
  });
});

describe('fences and mirror lifecycle', () => {
  it('a fence failed with ENOMEM warns and kills its mirror; it is freed at the end', () => {
    const w = createImplWorld();
    run(w, [
      [{ cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { ok: 0 }],
      [{ cmd: 'register', dev: 0, mm: 0 }, { ok: 1 }],
      [{ cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { op: 1 }],
      [{ cmd: 'finish', op: 1 }, { ok: 0 }],
      [{ cmd: 'munmap', mm: 0, start: 0, npages: 1 }, { op: 2 }],
      [{ cmd: 'step', op: 2 }, { ok: 0 }],
      [{ cmd: 'step', op: 2, choice: 'fence' }, { ok: 0 }],
      [{ cmd: 'fail', dev: 0, code: 'EAGAIN' }, { err: 'EINVAL' }],
      [{ cmd: 'fail', dev: 0, code: 'ENOMEM' }, { ok: 1 }],
      // wait: ENOMEM is not EIO → warning; mirror killed (refs 1 from the capture); unref frees fence 1
      [{ cmd: 'step', op: 2 }, { ok: 0 }],
    ]);
    let o = w.observe();
    expect(o.warnings).toBe(1);
    expect(o.fences).toEqual([]);
    expect(o.mirrors).toEqual([[1, 0, 0, 'killed', 1, [], []]]);
    run(w, [
      [{ cmd: 'finish', op: 2 }, { ok: 0 }],
      [{ cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { err: 'ENOENT' }],
    ]);
    o = w.observe();
    expect(o.mirrors).toEqual([]);
    expect(o.violations).toEqual([]);
    expect(o.mms).toEqual([[0, 'live', [], []]]);
  });

  it('exit is EBUSY while a fault is in flight, then releases the mirror', () => {
    const w = createImplWorld();
    run(w, [
      [{ cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'r' }, { ok: 0 }],
      [{ cmd: 'register', dev: 1, mm: 0 }, { ok: 1 }],
      [{ cmd: 'devRead', dev: 1, mm: 0, vpn: 0 }, { op: 1 }],
      [{ cmd: 'exit', mm: 0 }, { err: 'EBUSY' }],
      [{ cmd: 'finish', op: 1 }, { ok: 0 }],
      [{ cmd: 'exit', mm: 0 }, { ok: 0 }],
      [{ cmd: 'register', dev: 0, mm: 0 }, { err: 'ESRCH' }],
      [{ cmd: 'devRead', dev: 1, mm: 0, vpn: 0 }, { err: 'ENOENT' }],
      [{ cmd: 'read', mm: 0, vpn: 0 }, { err: 'ESRCH' }],
    ]);
    const o = w.observe();
    expect(o.mms).toEqual([[0, 'dead', [], []]]);
    expect(o.pages).toEqual([]);
    expect(o.mirrors).toEqual([]);
  });
});

describe('order of checks and config', () => {
  it('EINVAL before ESRCH/ENOENT before EBUSY before own conditions', () => {
    const w = createImplWorld();
    run(w, [
      [{ cmd: 'read', mm: 0, vpn: 2 ** 36 }, { err: 'EINVAL' }],
      [{ cmd: 'read', mm: 5, vpn: 0 }, { err: 'ESRCH' }],
      [{ cmd: 'read', mm: -1, vpn: 0 }, { err: 'ESRCH' }],
      [{ cmd: 'mmap', mm: 0, start: 0, npages: 0, prot: 'rw' }, { err: 'EINVAL' }],
      [{ cmd: 'mmap', mm: 0, start: 0, npages: 4, prot: 'rwx' }, { err: 'EINVAL' }],
      [{ cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'r' }, { ok: 0 }],
      [{ cmd: 'mmap', mm: 0, start: 1, npages: 2, prot: 'r' }, { err: 'EEXIST' }],
      [{ cmd: 'mprotect', mm: 0, start: 0, npages: 3, prot: 'r' }, { err: 'ENOMEM' }],
      // r → rw removes no right: at once
      [{ cmd: 'mprotect', mm: 0, start: 1, npages: 1, prot: 'rw' }, { ok: 0 }],
      [{ cmd: 'write', mm: 0, vpn: 0, value: 1 }, { err: 'EPERM' }],
      [{ cmd: 'write', mm: 0, vpn: 9, value: 1 }, { err: 'EFAULT' }],
      [{ cmd: 'munmap', mm: 0, start: 5, npages: 1 }, { ok: 0 }],
      [{ cmd: 'migrate', mm: 0, start: 5, npages: 1 }, { op: 1 }],
      // munmap of a hole still gets EBUSY against an overlapping op in flight
      [{ cmd: 'munmap', mm: 0, start: 5, npages: 1 }, { err: 'EBUSY' }],
      [{ cmd: 'step', op: 1, choice: 'bogus' }, { err: 'EINVAL' }],
      [{ cmd: 'step', op: 99, choice: 'bogus' }, { err: 'EINVAL' }],
      [{ cmd: 'step', op: 99 }, { err: 'ENOENT' }],
      [{ cmd: 'devRead', dev: 2, mm: 0, vpn: 0 }, { err: 'EINVAL' }],
      [{ cmd: 'devRead', dev: 1, mm: 0, vpn: 0 }, { err: 'ENOENT' }],
      [{ cmd: 'signal', dev: 0 }, { err: 'ENOENT' }],
      [{ cmd: 'finish', op: 1 }, { ok: 0 }],
    ]);
    expect(w.observe().mms[0][2]).toEqual([[0, 1, 'r'], [1, 2, 'rw']]);
  });
  it('validates devices 1..8', () => {
    expect(() => createImplWorld({ devices: 0 })).toThrow(RangeError);
    expect(() => createImplWorld({ devices: 9 })).toThrow(/1 to 8/);
    expect(createImplWorld({ devices: 8 }).observe().pending.length).toBe(8);
  });
});
