/**
 * Invalidation steps (SPEC §4.2; INTERPRETATION 14–16): start, update (sync, fence, error),
 * wait (EAGAIN, 0, EIO, other codes), commit with each pte_mask, apply, end; mirror refs and
 * freeing. Expected values worked by hand from SPEC.md.
 */
import { describe, expect, test } from 'vitest';
import { expectResult, setup, world } from './helpers.js';
import type { ModelWorld } from '../../model/index.js';

/** mm 0 with vma [0,2) rw, mirrors 1 (dev 0) and 2 (dev 1), each mapping vpn 0 → pfn 1 (ops 1, 2). */
function twoMirrors(): ModelWorld {
  const w = world();
  setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' });
  setup(w, { cmd: 'register', dev: 0, mm: 0 }, { cmd: 'register', dev: 1, mm: 0 });
  setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { cmd: 'finish', op: 1 });
  setup(w, { cmd: 'devRead', dev: 1, mm: 0, vpn: 0 }, { cmd: 'finish', op: 2 });
  return w;
}

const phase = (w: ModelWorld, op: number) => w.observe().ops.find((o) => o[0] === op)?.[5];

describe('start, update, commit, apply, end with sync answers', () => {
  test('each step moves the phase; start captures the live mirrors (refs + 1); end drops them', () => {
    const w = twoMirrors();
    expectResult(w, { cmd: 'munmap', mm: 0, start: 0, npages: 1 }, { op: 3 });
    expectResult(w, { cmd: 'step', op: 3 }, { ok: 0 });
    expect(w.observe().ops).toEqual([[3, 'munmap', 0, 0, 1, 'start', 0, false, null]]);
    expect(w.observe().mirrors.map((m) => m[4])).toEqual([1, 1]);
    // update of mirror 1 (sync): its device pte at vpn 0 goes; mirror 2's stays.
    expectResult(w, { cmd: 'step', op: 3 }, { ok: 0 });
    expect(w.observe().ops[0].slice(5, 7)).toEqual(['update', 1]);
    expect(w.observe().mirrors.map((m) => m[6])).toEqual([[], [[0, 1, true, false]]]);
    expectResult(w, { cmd: 'step', op: 3 }, { ok: 0 });
    expect(w.observe().ops[0].slice(5, 7)).toEqual(['update', 2]);
    // no fences: commit; MUNMAP removes both mirror ptes.
    expectResult(w, { cmd: 'step', op: 3 }, { ok: 0 });
    expect(phase(w, 3)).toBe('commit');
    expect(w.observe().mirrors.map((m) => m[5])).toEqual([[], []]);
    expect(w.observe().mms[0][3]).toEqual([[0, 'P', 1, true]]);
    expectResult(w, { cmd: 'step', op: 3 }, { ok: 0 });
    expect(phase(w, 3)).toBe('apply');
    expect(w.observe().mms[0]).toEqual([0, 'live', [[1, 2, 'rw']], []]);
    expectResult(w, { cmd: 'step', op: 3 }, { ok: 0 });
    expect(w.observe().ops).toEqual([]);
    expect(w.observe().mirrors.map((m) => m[4])).toEqual([0, 0]);
    expectResult(w, { cmd: 'step', op: 3 }, { err: 'ENOENT' });
  });
  test('no captured mirror: start → commit → apply → end', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'migrate', mm: 0, start: 0, npages: 1 });
    for (const expected of ['start', 'commit', 'apply']) {
      expectResult(w, { cmd: 'step', op: 1, choice: 'fence' }, { ok: 0 });
      expect(phase(w, 1)).toBe(expected);
    }
    expectResult(w, { cmd: 'step', op: 1 }, { ok: 0 });
    expect(w.observe().ops).toEqual([]);
  });
  test('a mirror registered after start is not captured; a captured mirror no longer live gets no update', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'writeback', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 1 });
    setup(w, { cmd: 'register', dev: 1, mm: 0 }, { cmd: 'unregister', dev: 0, mm: 0 });
    expect(w.observe().mirrors).toEqual([[1, 0, 0, 'unregistered', 1, [], []], [2, 1, 0, 'live', 0, [], []]]);
    // the update of mirror 1 calls nothing (no fence even with choice fence) but counts.
    expectResult(w, { cmd: 'step', op: 1, choice: 'fence' }, { ok: 0 });
    expect(w.observe().ops[0].slice(5, 7)).toEqual(['update', 1]);
    expect(w.observe().fences).toEqual([]);
    expectResult(w, { cmd: 'finish', op: 1 }, { ok: 0 });
    expect(w.observe().mirrors).toEqual([[2, 1, 0, 'live', 0, [], []]]);
    expect(w.observe().violations).toEqual([]);
  });
  test('start marks overlapping device faults backoff, whatever their phase', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 4, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devRead', dev: 0, mm: 0, vpn: 1 }, { cmd: 'devRead', dev: 0, mm: 0, vpn: 3 });
    setup(w, { cmd: 'writeback', mm: 0, start: 0, npages: 2 }, { cmd: 'step', op: 3 });
    expect(w.observe().ops.map((o) => o[7])).toEqual([true, false, false]);
  });
});

describe('update answered with a fence, then wait', () => {
  test('wait on a pending fence answers EAGAIN and changes nothing; after signal it frees the fence', () => {
    const w = twoMirrors();
    setup(w, { cmd: 'reclaim', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 3 });
    setup(w, { cmd: 'step', op: 3, choice: 'fence' }, { cmd: 'step', op: 3 });
    // fence 1 from mirror 1 (dev 0); mirror 2 was updated sync.
    expect(w.observe().fences).toEqual([[1, 0, 1, 3, 'pending', 1]]);
    const before = w.observe();
    expectResult(w, { cmd: 'step', op: 3 }, { err: 'EAGAIN' });
    expectResult(w, { cmd: 'finish', op: 3 }, { err: 'EAGAIN' });
    expect(w.observe()).toEqual(before);
    setup(w, { cmd: 'signal', dev: 0 });
    expectResult(w, { cmd: 'step', op: 3 }, { ok: 0 });
    expect(phase(w, 3)).toBe('wait');
    expect(w.observe().fences).toEqual([]);
    expect(w.observe().next.fence).toBe(2);
    expectResult(w, { cmd: 'finish', op: 3 }, { ok: 0 });
    // reclaim: page 1 (mapcount 1, clean zero page) → swapped 0.
    expect(w.observe().mms[0][3]).toEqual([[0, 'S', 0]]);
  });
  test('a failed fence with EIO kills its mirror at the wait, no warning; the kill frees it at end', () => {
    const w = twoMirrors();
    setup(w, { cmd: 'migrate', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 3 });
    setup(w, { cmd: 'step', op: 3 }, { cmd: 'step', op: 3, choice: 'fence' });
    // mirror 1 synced (device pte gone); mirror 2 fenced (device pte kept).
    expectResult(w, { cmd: 'fail', dev: 1, code: 'EIO' }, { ok: 1 });
    // fail drops the device ptes as signal does.
    expect(w.observe().mirrors[1][6]).toEqual([]);
    expect(w.observe().mirrors[1][3]).toBe('live');
    expectResult(w, { cmd: 'step', op: 3 }, { ok: 0 });
    expect(w.observe().mirrors[1]).toEqual([2, 1, 0, 'killed', 1, [], []]);
    expect(w.observe().warnings).toBe(0);
    expect(w.observe().fences).toEqual([]);
    expectResult(w, { cmd: 'finish', op: 3 }, { ok: 0 });
    expect(w.observe().mirrors.map((m) => m[0])).toEqual([1]);
    expect(w.observe().violations).toEqual([]);
  });
  test('a failure code other than EIO adds a warning', () => {
    const w = twoMirrors();
    setup(w, { cmd: 'migrate', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 3 });
    setup(w, { cmd: 'step', op: 3, choice: 'fence' }, { cmd: 'step', op: 3, choice: 'fence' });
    setup(w, { cmd: 'fail', dev: 0, code: 'ENOMEM' }, { cmd: 'signal', dev: 1 });
    expectResult(w, { cmd: 'finish', op: 3 }, { ok: 0 });
    expect(w.observe().warnings).toBe(1);
    expect(w.observe().mirrors.map((m) => [m[0], m[3]])).toEqual([[2, 'live']]);
  });
  test('a fenced write survives: device writes during the pending invalidation reach the page at commit', () => {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 1 }, { cmd: 'finish', op: 1 });
    setup(w, { cmd: 'migrate', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 2 }, { cmd: 'step', op: 2, choice: 'fence' });
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 6 }, { cmd: 'signal', dev: 0 });
    // the dropped device pte was dirty: the mirror pte (same pfn) becomes dirty.
    expect(w.observe().mirrors[0][5]).toEqual([[0, 1, true, true]]);
    setup(w, { cmd: 'step', op: 2 }, { cmd: 'step', op: 2 });
    // commit harvests the dirty bit to page 1 and removes the pte (MIGRATE mask none).
    expect(w.observe().pages).toEqual([[1, 6, true, 0, 1]]);
    expect(w.observe().mirrors[0][5]).toEqual([]);
    expectResult(w, { cmd: 'finish', op: 2 }, { ok: 0 });
    expect(w.observe().pages).toEqual([[2, 6, true, 0, 1]]);
  });
});

describe('update answered with an error', () => {
  test('the mirror is killed at once (released once, still held by the op) and freed at end', () => {
    const w = twoMirrors();
    setup(w, { cmd: 'writeback', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 3 });
    expectResult(w, { cmd: 'step', op: 3, choice: 'error' }, { ok: 0 });
    expect(w.observe().mirrors[0]).toEqual([1, 0, 0, 'killed', 1, [], []]);
    // register again: dev 0 has no live mirror of mm 0 any more.
    expectResult(w, { cmd: 'register', dev: 0, mm: 0 }, { ok: 3 });
    expectResult(w, { cmd: 'finish', op: 3 }, { ok: 0 });
    expect(w.observe().mirrors.map((m) => [m[0], m[3], m[4]])).toEqual([[2, 'live', 0], [3, 'live', 0]]);
    expect(w.observe().violations).toEqual([]);
  });
});

describe('commit masks (SPEC §4.1)', () => {
  /** Mirror 1 with a dirty mirror pte at vpn 0 (pfn 1): a device write, then a sync writeback update. */
  function dirtyMirrorPte(): ModelWorld {
    const w = world();
    setup(w, { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' }, { cmd: 'register', dev: 0, mm: 0 });
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 1 }, { cmd: 'finish', op: 1 });
    setup(w, { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 2 });
    return w;
  }
  test('ISDIRTY keeps valid+write, clears dirty (to the page); apply then cleans the page', () => {
    const w = dirtyMirrorPte();
    setup(w, { cmd: 'writeback', mm: 0, start: 0, npages: 1 }, { cmd: 'step', op: 2 }, { cmd: 'step', op: 2 });
    expect(w.observe().mirrors[0][5]).toEqual([[0, 1, true, true]]);
    setup(w, { cmd: 'step', op: 2 });
    expect(w.observe().mirrors[0][5]).toEqual([[0, 1, true, false]]);
    expect(w.observe().pages).toEqual([[1, 2, true, 0, 1]]);
    setup(w, { cmd: 'finish', op: 2 });
    expect(w.observe().pages).toEqual([[1, 2, false, 2, 1]]);
  });
  test('WRITE_PROTECT (fork) keeps valid only: write and dirty cleared', () => {
    const w = dirtyMirrorPte();
    setup(w, { cmd: 'fork', mm: 0 }, { cmd: 'step', op: 2 }, { cmd: 'step', op: 2 }, { cmd: 'step', op: 2 });
    expect(w.observe().mirrors[0][5]).toEqual([[0, 1, false, false]]);
    expect(w.observe().pages).toEqual([[1, 2, true, 0, 1]]);
    expectResult(w, { cmd: 'finish', op: 2 }, { ok: 1 });
    expect(w.observe().pages).toEqual([[1, 2, true, 0, 2]]);
  });
});
