/**
 * Every error code of SPEC §3 and the order of checks (EINVAL, existence, EBUSY, own conditions;
 * INTERPRETATION 1, 2). A refused command changes nothing (`expectRefused` compares observations).
 */
import { describe, expect, test } from 'vitest';
import { VPN_LIMIT } from '../../spec/index.js';
import { createModelWorld } from '../../model/index.js';
import { expectRefused, expectResult, setup, world } from './helpers.js';

describe('EINVAL: a value outside its domain', () => {
  test('ids that are not safe integers', () => {
    const w = world();
    expectRefused(w, { cmd: 'read', mm: 1.5, vpn: 0 }, 'EINVAL');
    expectRefused(w, { cmd: 'exit', mm: 2 ** 53 }, 'EINVAL');
    expectRefused(w, { cmd: 'step', op: 0.5 }, 'EINVAL');
    expectRefused(w, { cmd: 'finish', op: Number.NaN }, 'EINVAL');
  });
  test('ranges out of bounds: npages < 1, start < 0, start + npages > 2^36, non-integers', () => {
    const w = world();
    expectRefused(w, { cmd: 'mmap', mm: 0, start: 0, npages: 0, prot: 'rw' }, 'EINVAL');
    expectRefused(w, { cmd: 'munmap', mm: 0, start: -1, npages: 1 }, 'EINVAL');
    expectRefused(w, { cmd: 'migrate', mm: 0, start: VPN_LIMIT - 1, npages: 2 }, 'EINVAL');
    expectRefused(w, { cmd: 'writeback', mm: 0, start: 0.5, npages: 1 }, 'EINVAL');
    expectRefused(w, { cmd: 'reclaim', mm: 0, start: 0, npages: 1.5 }, 'EINVAL');
    expectRefused(w, { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 0, write: true }, 'EINVAL');
    expectResult(w, { cmd: 'mmap', mm: 0, start: VPN_LIMIT - 1, npages: 1, prot: 'rw' }, { ok: 0 });
  });
  test('vpns outside [0, 2^36) and values that are not safe integers', () => {
    const w = world();
    expectRefused(w, { cmd: 'read', mm: 0, vpn: VPN_LIMIT }, 'EINVAL');
    expectRefused(w, { cmd: 'write', mm: 0, vpn: -1, value: 0 }, 'EINVAL');
    expectRefused(w, { cmd: 'write', mm: 0, vpn: 0, value: 2 ** 53 }, 'EINVAL');
    expectRefused(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 0.5 }, 'EINVAL');
    expectRefused(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 1.5 }, 'EINVAL');
  });
  test('unknown prot and choice', () => {
    const w = world();
    expectRefused(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'wx' }, 'EINVAL');
    expectRefused(w, { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'RW' }, 'EINVAL');
    expectRefused(w, { cmd: 'step', op: 99, choice: 'maybe' }, 'EINVAL');
  });
  test('dev outside 0..devices-1', () => {
    const w = world(2);
    expectRefused(w, { cmd: 'register', dev: 2, mm: 0 }, 'EINVAL');
    expectRefused(w, { cmd: 'unregister', dev: -1, mm: 0 }, 'EINVAL');
    expectRefused(w, { cmd: 'signal', dev: 0.5 }, 'EINVAL');
    expectRefused(w, { cmd: 'fail', dev: 2, code: 'EIO' }, 'EINVAL');
    expectRefused(world(1), { cmd: 'devRead', dev: 1, mm: 0, vpn: 0 }, 'EINVAL');
    expectRefused(createModelWorld({ devices: 8 }), { cmd: 'signal', dev: 7 }, 'ENOENT');
  });
  test('a bad fail code: not E[A-Z0-9]+, or EAGAIN', () => {
    const w = world();
    for (const code of ['EAGAIN', 'eio', 'E', '', 'EIO ', 'XIO']) expectRefused(w, { cmd: 'fail', dev: 0, code }, 'EINVAL');
    expectRefused(w, { cmd: 'fail', dev: 0, code: 'E2BIG' }, 'ENOENT');
  });
  test('EINVAL comes before existence', () => {
    const w = world();
    expectRefused(w, { cmd: 'mmap', mm: 7, start: 0, npages: 1, prot: 'x' }, 'EINVAL');
    expectRefused(w, { cmd: 'devRead', dev: 5, mm: 7, vpn: 0 }, 'EINVAL');
  });
});

describe('existence: ESRCH and ENOENT', () => {
  test('ESRCH for a missing, negative or dead mm in CPU operations and register', () => {
    const w = world();
    expectRefused(w, { cmd: 'mmap', mm: -1, start: 0, npages: 1, prot: 'r' }, 'ESRCH');
    expectRefused(w, { cmd: 'fork', mm: 3 }, 'ESRCH');
    setup(w, { cmd: 'exit', mm: 0 });
    expectRefused(w, { cmd: 'write', mm: 0, vpn: 0, value: 1 }, 'ESRCH');
    expectRefused(w, { cmd: 'register', dev: 0, mm: 0 }, 'ESRCH');
  });
  test('ENOENT for a missing op (negative too), a missing live mirror, an empty queue', () => {
    const w = world();
    expectRefused(w, { cmd: 'step', op: -1 }, 'ENOENT');
    expectRefused(w, { cmd: 'finish', op: 1 }, 'ENOENT');
    expectRefused(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 1 }, 'ENOENT');
    expectRefused(w, { cmd: 'signal', dev: 1 }, 'ENOENT');
  });
});

describe('EBUSY', () => {
  /** mm 0 with vma [0,8) rw and munmap op 1 on [2,4) in flight (created). */
  function busy() {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 8, prot: 'rw' }, { cmd: 'munmap', mm: 0, start: 2, npages: 2 });
    return w;
  }
  test('an overlapping CPU op in flight, whatever its phase, before the command’s own conditions', () => {
    const w = busy();
    expectRefused(w, { cmd: 'mmap', mm: 0, start: 3, npages: 1, prot: 'rw' }, 'EBUSY'); // not EEXIST
    expectRefused(w, { cmd: 'mprotect', mm: 0, start: 3, npages: 9, prot: 'r' }, 'EBUSY'); // not ENOMEM
    expectRefused(w, { cmd: 'read', mm: 0, vpn: 2 }, 'EBUSY');
    expectRefused(w, { cmd: 'write', mm: 0, vpn: 3, value: 1 }, 'EBUSY');
    expectRefused(w, { cmd: 'migrate', mm: 0, start: 0, npages: 3 }, 'EBUSY');
    expectRefused(w, { cmd: 'writeback', mm: 0, start: 3, npages: 1 }, 'EBUSY');
    expectRefused(w, { cmd: 'reclaim', mm: 0, start: 1, npages: 5 }, 'EBUSY');
    setup(w, { cmd: 'step', op: 1 }, { cmd: 'step', op: 1 });
    expectRefused(w, { cmd: 'munmap', mm: 0, start: 3, npages: 1 }, 'EBUSY');
    // a munmap of a range with no vma still answers EBUSY when it overlaps.
    setup(w, { cmd: 'finish', op: 1 });
    setup(w, { cmd: 'munmap', mm: 0, start: 2, npages: 2 }); // no vma there: ok 0 at once
    setup(w, { cmd: 'writeback', mm: 0, start: 2, npages: 2 });
    expectRefused(w, { cmd: 'munmap', mm: 0, start: 2, npages: 1 }, 'EBUSY');
  });
  test('non-overlapping CPU commands, other mms and device commands are not busy', () => {
    const w = busy();
    expectResult(w, { cmd: 'read', mm: 0, vpn: 4 }, { ok: 0 });
    expectResult(w, { cmd: 'mmap', mm: 0, start: 8, npages: 1, prot: 'r' }, { ok: 0 });
    setup(w, { cmd: 'register', dev: 0, mm: 0 });
    expectResult(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 2 }, { op: 2 });
  });
  test('fork is EBUSY while any CPU op of its mm is in flight (a device fault is not one)', () => {
    const w = busy();
    expectRefused(w, { cmd: 'fork', mm: 0 }, 'EBUSY');
    setup(w, { cmd: 'finish', op: 1 }, { cmd: 'register', dev: 0, mm: 0 }, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 });
    expectResult(w, { cmd: 'fork', mm: 0 }, { op: 3 });
  });
  test('a fork in flight makes every other CPU command of its mm EBUSY, even outside its range', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'mmap', mm: 0, start: 10, npages: 1, prot: 'r' });
    expectResult(w, { cmd: 'fork', mm: 0 }, { op: 1 });
    expectRefused(w, { cmd: 'read', mm: 0, vpn: 10 }, 'EBUSY');
    expectRefused(w, { cmd: 'mmap', mm: 0, start: 50, npages: 1, prot: 'r' }, 'EBUSY');
    expectRefused(w, { cmd: 'fork', mm: 0 }, 'EBUSY');
    expectRefused(w, { cmd: 'exit', mm: 0 }, 'EBUSY');
    setup(w, { cmd: 'finish', op: 1 });
    expectResult(w, { cmd: 'read', mm: 0, vpn: 10 }, { ok: 0 });
  });
});

describe('the command’s own conditions', () => {
  test('EEXIST, ENOMEM, EFAULT, EPERM', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'r' }, { cmd: 'register', dev: 0, mm: 0 });
    expectRefused(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'r' }, 'EEXIST');
    expectRefused(w, { cmd: 'register', dev: 0, mm: 0 }, 'EEXIST');
    expectRefused(w, { cmd: 'mprotect', mm: 0, start: 0, npages: 2, prot: 'r' }, 'ENOMEM');
    expectRefused(w, { cmd: 'read', mm: 0, vpn: 1 }, 'EFAULT');
    expectRefused(w, { cmd: 'write', mm: 0, vpn: 0, value: 1 }, 'EPERM');
  });
  test('EAGAIN and ENODEV are results of steps (see invalidation and fault tests); a sample here', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { cmd: 'step', op: 1 }, { cmd: 'step', op: 1 });
    setup(w, { cmd: 'unregister', dev: 0, mm: 0 });
    expectResult(w, { cmd: 'step', op: 1 }, { err: 'ENODEV' });
    setup(w, { cmd: 'register', dev: 0, mm: 0 }, { cmd: 'migrate', mm: 0, start: 0, npages: 1 });
    setup(w, { cmd: 'step', op: 2 }, { cmd: 'step', op: 2, choice: 'fence' });
    expectResult(w, { cmd: 'step', op: 2 }, { err: 'EAGAIN' });
  });
});

describe('configuration', () => {
  test('devices must be an integer from 1 to 8', () => {
    for (const devices of [0, 9, 1.5, Number.NaN, -1]) {
      expect(() => createModelWorld({ devices })).toThrow(RangeError);
    }
    expect(createModelWorld().observe().pending).toEqual([[0, []], [1, []]]);
    expect(createModelWorld({ devices: 8 }).observe().pending.map((p) => p[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
  test('the initial observation is SPEC §7’s', () => {
    expect(createModelWorld().observe()).toEqual({
      mms: [[0, 'live', [], []]], pages: [], mirrors: [], fences: [], pending: [[0, []], [1, []]], ops: [],
      warnings: 0, violations: [], next: { pfn: 1, mirror: 1, op: 1, fence: 1, mm: 1 },
    });
  });
});
