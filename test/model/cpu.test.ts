/**
 * CPU operations of SPEC §3 (mmap, munmap, mprotect, read, write, fork, migrate, writeback,
 * reclaim, exit) and their apply steps (SPEC §4.2 step 5). Expected values worked by hand from
 * SPEC.md and spec/INTERPRETATION.md; the reasoning is in the comments.
 */
import { describe, expect, test } from 'vitest';
import { expectRefused, expectResult, mmObs, setup, world } from './helpers.js';

describe('mmap', () => {
  test('adds vmas, merges neighbours with the same prot, populates nothing', () => {
    const w = world();
    expectResult(w, { cmd: 'mmap', mm: 0, start: 4, npages: 4, prot: 'rw' }, { ok: 0 });
    expectResult(w, { cmd: 'mmap', mm: 0, start: 8, npages: 2, prot: 'rw' }, { ok: 0 });
    expectResult(w, { cmd: 'mmap', mm: 0, start: 10, npages: 2, prot: 'r' }, { ok: 0 });
    // [4,8) and [8,10) are both rw: one vma [4,10); [10,12) r stays apart.
    expect(mmObs(w, 0)).toEqual([0, 'live', [[4, 10, 'rw'], [10, 12, 'r']], []]);
    expect(w.observe().pages).toEqual([]);
  });
  test('EEXIST when the range overlaps a vma', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 4, npages: 4, prot: 'rw' });
    expectRefused(w, { cmd: 'mmap', mm: 0, start: 7, npages: 2, prot: 'r' }, 'EEXIST');
  });
});

describe('read', () => {
  test('an absent pte gets a zero page, writable iff the vma is rw', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'mmap', mm: 0, start: 1, npages: 1, prot: 'r' });
    expectResult(w, { cmd: 'read', mm: 0, vpn: 0 }, { ok: 0 });
    expectResult(w, { cmd: 'read', mm: 0, vpn: 1 }, { ok: 0 });
    // pfn 1 for vpn 0 (rw → writable), pfn 2 for vpn 1 (r → read-only); data 0, clean, stored 0.
    expect(mmObs(w, 0)?.[3]).toEqual([[0, 'P', 1, true], [1, 'P', 2, false]]);
    expect(w.observe().pages).toEqual([[1, 0, false, 0, 1], [2, 0, false, 0, 1]]);
    expect(w.observe().next.pfn).toBe(3);
  });
  test('EFAULT with no vma or prot none', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'none' });
    expectRefused(w, { cmd: 'read', mm: 0, vpn: 0 }, 'EFAULT');
    expectRefused(w, { cmd: 'read', mm: 0, vpn: 1 }, 'EFAULT');
  });
});

describe('write', () => {
  test('populates then writes and dirties the page', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' });
    expectResult(w, { cmd: 'write', mm: 0, vpn: 1, value: 5 }, { ok: 0 });
    // a zero page (stored 0) then written: data 5, dirty, stored still 0.
    expect(w.observe().pages).toEqual([[1, 5, true, 0, 1]]);
    expect(mmObs(w, 0)?.[3]).toEqual([[1, 'P', 1, true]]);
  });
  test('EFAULT before EPERM; EPERM in an r vma', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'r' }, { cmd: 'mmap', mm: 0, start: 1, npages: 1, prot: 'none' });
    expectRefused(w, { cmd: 'write', mm: 0, vpn: 0, value: 1 }, 'EPERM');
    expectRefused(w, { cmd: 'write', mm: 0, vpn: 1, value: 1 }, 'EFAULT');
    expectRefused(w, { cmd: 'write', mm: 0, vpn: 2, value: 1 }, 'EFAULT');
  });
  test('a read-only pte of a page mapped once becomes writable in place (mprotect r then rw)', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 1 });
    setup(w, { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'r' }, { cmd: 'finish', op: 1 });
    setup(w, { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'rw' });
    expect(mmObs(w, 0)?.[3]).toEqual([[0, 'P', 1, false]]);
    // mapcount 1: no event, no op; the pte becomes writable and the page takes the value.
    expectResult(w, { cmd: 'write', mm: 0, vpn: 0, value: 2 }, { ok: 0 });
    expect(mmObs(w, 0)?.[3]).toEqual([[0, 'P', 1, true]]);
    expect(w.observe().pages).toEqual([[1, 2, true, 0, 1]]);
    expect(w.observe().next.op).toBe(2);
  });
  test('a shared read-only page needs a COW break op carrying the value', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 5 });
    // fork: op 1 WRITE_PROTECT over [0,1); its apply makes child mm 1 sharing pfn 1 read-only.
    expectResult(w, { cmd: 'fork', mm: 0 }, { op: 1 });
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 1 });
    expect(w.observe().pages).toEqual([[1, 5, true, 0, 2]]);
    expectResult(w, { cmd: 'write', mm: 0, vpn: 0, value: 9 }, { op: 2 });
    expect(w.observe().ops).toEqual([[2, 'cow', 0, 0, 1, 'created', 0, false, null]]);
    expectResult(w, { cmd: 'finish', op: 2 }, { ok: 0 });
    // apply: new page pfn 2 = value 9, dirty, stored null, writable; pfn 1 drops to mapcount 1.
    expect(w.observe().pages).toEqual([[1, 5, true, 0, 1], [2, 9, true, null, 1]]);
    expect(mmObs(w, 0)?.[3]).toEqual([[0, 'P', 2, true]]);
    expect(mmObs(w, 1)?.[3]).toEqual([[0, 'P', 1, false]]);
    // the child's page is now mapped once: its write is in place.
    expectResult(w, { cmd: 'write', mm: 1, vpn: 0, value: 6 }, { ok: 0 });
    expect(w.observe().pages[0]).toEqual([1, 6, true, 0, 1]);
  });
});

describe('munmap', () => {
  test('{ok:0} at once when no vma overlaps', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 4, npages: 1, prot: 'rw' });
    expectResult(w, { cmd: 'munmap', mm: 0, start: 0, npages: 4 }, { ok: 0 });
    expect(w.observe().next.op).toBe(1);
  });
  test('an op whose apply removes vma parts and ptes; the page is freed', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 4, npages: 6, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 5, value: 3 });
    expectResult(w, { cmd: 'munmap', mm: 0, start: 5, npages: 2 }, { op: 1 });
    expect(w.observe().ops).toEqual([[1, 'munmap', 0, 5, 7, 'created', 0, false, null]]);
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 0 });
    // [4,10) minus [5,7) = [4,5) and [7,10); pte 5 gone, page 1 mapcount 0 → freed.
    expect(mmObs(w, 0)).toEqual([0, 'live', [[4, 5, 'rw'], [7, 10, 'rw']], []]);
    expect(w.observe().pages).toEqual([]);
    expect(w.observe().ops).toEqual([]);
  });
});

describe('mprotect', () => {
  test('ENOMEM when a page of the range has no vma (prot none vmas count)', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { cmd: 'mmap', mm: 0, start: 2, npages: 1, prot: 'none' });
    expectRefused(w, { cmd: 'mprotect', mm: 0, start: 1, npages: 3, prot: 'r' }, 'ENOMEM');
    expectResult(w, { cmd: 'mprotect', mm: 0, start: 2, npages: 1, prot: 'r' }, { ok: 0 });
  });
  test('no right removed: the prot changes at once, ptes unchanged', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 4, prot: 'r' }, { cmd: 'read', mm: 0, vpn: 1 });
    expectResult(w, { cmd: 'mprotect', mm: 0, start: 1, npages: 2, prot: 'rw' }, { ok: 0 });
    expect(mmObs(w, 0)).toEqual([0, 'live', [[0, 1, 'r'], [1, 3, 'rw'], [3, 4, 'r']], [[1, 'P', 1, false]]]);
  });
  test('to r: WRITE_PROTECT op; at apply the vmas take r and present ptes lose write', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 4 });
    expectResult(w, { cmd: 'mprotect', mm: 0, start: 0, npages: 2, prot: 'r' }, { op: 1 });
    expect(mmObs(w, 0)?.[2]).toEqual([[0, 2, 'rw']]);
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 0 });
    expect(mmObs(w, 0)).toEqual([0, 'live', [[0, 2, 'r']], [[0, 'P', 1, false]]]);
  });
  test('to none over an r vma removes a right: the ptes stay present, read-only', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'r' }, { cmd: 'read', mm: 0, vpn: 0 });
    expectResult(w, { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'none' }, { op: 1 });
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 0 });
    expect(mmObs(w, 0)).toEqual([0, 'live', [[0, 1, 'none']], [[0, 'P', 1, false]]]);
  });
  test('event type: none is MUNMAP (mirror pte removed), r is WRITE_PROTECT (kept read-only)', () => {
    for (const [prot, mirrorPt] of [['none', []], ['r', [[0, 1, false, false]]]] as const) {
      const w = world();
      setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
      setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { cmd: 'finish', op: 1 });
      setup(w, { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot }, { cmd: 'finish', op: 2 });
      expect(w.observe().mirrors[0][5], prot).toEqual(mirrorPt);
    }
  });
});

describe('fork', () => {
  test('no rw vma: the child appears at once sharing every present pte', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'r' }, { cmd: 'read', mm: 0, vpn: 0 });
    expectResult(w, { cmd: 'fork', mm: 0 }, { ok: 1 });
    expect(w.observe().mms).toEqual([
      [0, 'live', [[0, 2, 'r']], [[0, 'P', 1, false]]],
      [1, 'live', [[0, 2, 'r']], [[0, 'P', 1, false]]],
    ]);
    expect(w.observe().pages).toEqual([[1, 0, false, 0, 2]]);
    expect(w.observe().next).toEqual({ pfn: 2, mirror: 1, op: 1, fence: 1, mm: 2 });
  });
  test('a WRITE_PROTECT op over the rw vmas; the child is numbered at apply; swapped ptes copied', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 2, npages: 2, prot: 'rw' }, { cmd: 'mmap', mm: 0, start: 6, npages: 2, prot: 'rw' });
    setup(w, { cmd: 'mmap', mm: 0, start: 4, npages: 1, prot: 'r' }, { cmd: 'write', mm: 0, vpn: 7, value: 8 });
    setup(w, { cmd: 'write', mm: 0, vpn: 2, value: 1 }, { cmd: 'reclaim', mm: 0, start: 2, npages: 1 }, { cmd: 'finish', op: 1 });
    // range [lowest start of rw vmas, highest end) = [2, 8).
    expectResult(w, { cmd: 'fork', mm: 0 }, { op: 2 });
    expect(w.observe().ops).toEqual([[2, 'fork', 0, 2, 8, 'created', 0, false, null]]);
    expect(w.observe().next.mm).toBe(1);
    // the child does not exist before the apply.
    expectResult(w, { cmd: 'fork', mm: 1 }, { err: 'ESRCH' });
    expectResult(w, { cmd: 'finish', op: 2 }, { ok: 1 });
    expect(mmObs(w, 1)).toEqual([1, 'live', [[2, 4, 'rw'], [4, 5, 'r'], [6, 8, 'rw']], [[2, 'S', 1], [7, 'P', 1, false]]]);
    expect(mmObs(w, 0)?.[3]).toEqual([[2, 'S', 1], [7, 'P', 1, false]]);
    expect(w.observe().pages).toEqual([[1, 8, true, 0, 2]]);
  });
  test('fork child numbering is taken at apply, after a fork completed at once', () => {
    const w = world();
    setup(w, { cmd: 'fork', mm: 0 }); // no vma at all: child mm 1 at once
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' });
    expectResult(w, { cmd: 'fork', mm: 0 }, { op: 1 });
    expectResult(w, { cmd: 'fork', mm: 1 }, { ok: 2 });
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 3 });
    expect(w.observe().mms.map((m) => m[0])).toEqual([0, 1, 2, 3]);
  });
});

describe('migrate, writeback, reclaim', () => {
  test('migrate moves unshared present pages to new pfns in vpn order, same data/dirty/stored', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 3, prot: 'rw' }, { cmd: 'read', mm: 0, vpn: 1 });
    setup(w, { cmd: 'write', mm: 0, vpn: 0, value: 5 });
    // pfn 1 = vpn 1 (zero, clean), pfn 2 = vpn 0 (5, dirty).
    expectResult(w, { cmd: 'migrate', mm: 0, start: 0, npages: 3 }, { op: 1 });
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 0 });
    // vpn 0 → pfn 3, vpn 1 → pfn 4; old pages freed.
    expect(w.observe().pages).toEqual([[3, 5, true, 0, 1], [4, 0, false, 0, 1]]);
    expect(mmObs(w, 0)?.[3]).toEqual([[0, 'P', 3, true], [1, 'P', 4, true]]);
  });
  test('migrate and reclaim skip shared pages; a range with nothing to move still runs the op', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'r' }, { cmd: 'read', mm: 0, vpn: 0 }, { cmd: 'fork', mm: 0 });
    expectResult(w, { cmd: 'migrate', mm: 0, start: 0, npages: 1 }, { op: 1 });
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 0 });
    expectResult(w, { cmd: 'reclaim', mm: 0, start: 0, npages: 1 }, { op: 2 });
    expectResult(w, { cmd: 'finish', op: 2 }, { ok: 0 });
    expect(w.observe().pages).toEqual([[1, 0, false, 0, 2]]);
    expectResult(w, { cmd: 'migrate', mm: 0, start: 100, npages: 1 }, { op: 3 });
    expect(w.observe().next.pfn).toBe(2);
  });
  test('writeback cleans every present dirty page: stored = data', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 7 });
    expectResult(w, { cmd: 'writeback', mm: 0, start: 0, npages: 1 }, { op: 1 });
    expect(w.observe().pages).toEqual([[1, 7, true, 0, 1]]);
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 0 });
    expect(w.observe().pages).toEqual([[1, 7, false, 7, 1]]);
  });
  test('reclaim swaps out (writing dirty pages first) and read brings the data back', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 5 });
    setup(w, { cmd: 'read', mm: 0, vpn: 1 });
    expectResult(w, { cmd: 'reclaim', mm: 0, start: 0, npages: 2 }, { op: 1 });
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 0 });
    // vpn 0 dirty 5 → stored 5 → swapped 5; vpn 1 clean zero page (stored 0) → swapped 0.
    expect(mmObs(w, 0)?.[3]).toEqual([[0, 'S', 5], [1, 'S', 0]]);
    expect(w.observe().pages).toEqual([]);
    expectResult(w, { cmd: 'read', mm: 0, vpn: 0 }, { ok: 5 });
    // back from swap: new pfn 3, data = stored = 5, clean, writable in an rw vma.
    expect(w.observe().pages).toEqual([[3, 5, false, 5, 1]]);
    expect(mmObs(w, 0)?.[3]).toEqual([[0, 'P', 3, true], [1, 'S', 0]]);
    // a write to a swapped pte populates first, then writes.
    expectResult(w, { cmd: 'write', mm: 0, vpn: 1, value: 2 }, { ok: 0 });
    expect(w.observe().pages[1]).toEqual([4, 2, true, 0, 1]);
  });
});

describe('exit', () => {
  test('releases live mirrors, drops ptes and vmas; the mm stays dead', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 1 });
    setup(w, { cmd: 'register', dev: 0, mm: 0 }, { cmd: 'register', dev: 1, mm: 0 });
    expectResult(w, { cmd: 'exit', mm: 0 }, { ok: 0 });
    // both mirrors released with refs 0 → freed; the page's mapcount 0 → freed.
    const o = w.observe();
    expect(o.mms).toEqual([[0, 'dead', [], []]]);
    expect(o.mirrors).toEqual([]);
    expect(o.pages).toEqual([]);
    expect(o.violations).toEqual([]);
    expectRefused(w, { cmd: 'read', mm: 0, vpn: 0 }, 'ESRCH');
    expectRefused(w, { cmd: 'exit', mm: 0 }, 'ESRCH');
    expectRefused(w, { cmd: 'register', dev: 0, mm: 0 }, 'ESRCH');
    expectRefused(w, { cmd: 'unregister', dev: 0, mm: 0 }, 'ENOENT');
  });
  test('EBUSY while any op of the mm is in flight, a device fault included', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    expectResult(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { op: 1 });
    expectRefused(w, { cmd: 'exit', mm: 0 }, 'EBUSY');
    setup(w, { cmd: 'finish', op: 1 }, { cmd: 'writeback', mm: 0, start: 5, npages: 1 });
    expectRefused(w, { cmd: 'exit', mm: 0 }, 'EBUSY');
  });
  test('a shared page survives the child exit with mapcount 1', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'r' }, { cmd: 'read', mm: 0, vpn: 0 }, { cmd: 'fork', mm: 0 });
    expectResult(w, { cmd: 'exit', mm: 1 }, { ok: 0 });
    expect(w.observe().pages).toEqual([[1, 0, false, 0, 1]]);
  });
});
