/**
 * The driver simulator's sanitizer checks (SPEC §6 `driverSaw`). HMM as modelled never breaches
 * the driver contract, so these call the simulator's callbacks directly, as a buggy HMM would.
 */
import { describe, expect, test } from 'vitest';
import { driverRelease, driverUpdate, fenceRef, fenceUnref, fenceWait } from '../../model/world/driver.js';
import { createInvalidation } from '../../model/world/invalidation.js';
import { killMirror, registerMirror, unregisterMirror } from '../../model/world/mirrors.js';
import { createWorldState, type WorldState } from '../../model/world/state.js';

/** A world with one mirror (id 1, dev 0, mm 0) and one munmap op (id 1) on [0, 1). */
function fixture(): { w: WorldState; mirror: ReturnType<typeof registerMirror>; op: ReturnType<typeof createInvalidation> } {
  const w = createWorldState(2);
  const mm = w.mms.get(0);
  if (mm === undefined) throw new Error('mm 0 missing');
  const mirror = registerMirror(w, 0, mm);
  const op = createInvalidation(w, { kind: 'munmap', mm: 0, start: 0, end: 1 });
  return { w, mirror, op };
}

describe('driverSaw violations', () => {
  test('update for a mirror that is not live, and for a freed mirror', () => {
    const { w, mirror, op } = fixture();
    mirror.refs = 1;
    unregisterMirror(w, mirror);
    driverUpdate(w, mirror, op, 'sync');
    expect(w.violations).toEqual(['updateNotLive 1']);
    mirror.refs = 0;
    w.mirrors.delete(1);
    driverUpdate(w, mirror, op, 'error');
    expect(w.violations).toEqual(['updateNotLive 1', 'callbackFreedMirror 1']);
  });
  test('a second release', () => {
    const { w, mirror } = fixture();
    mirror.refs = 1;
    killMirror(w, mirror);
    expect(w.violations).toEqual([]);
    driverRelease(w, mirror);
    expect(w.violations).toEqual(['releaseTwice 1']);
  });
  test('fence_wait and fence_unref of a freed fence; any fence_ref', () => {
    const { w, mirror, op } = fixture();
    const answer = driverUpdate(w, mirror, op, 'fence');
    expect(answer).toEqual({ kind: 'fence', fence: 1 });
    expect(fenceWait(w, 1)).toBe('EAGAIN');
    fenceRef(w, 1);
    w.fences.delete(1);
    fenceWait(w, 1);
    fenceUnref(w, 1);
    expect([...w.violations].sort()).toEqual(['fenceRef 1', 'unrefFreedFence 1', 'waitFreedFence 1']);
  });
});
