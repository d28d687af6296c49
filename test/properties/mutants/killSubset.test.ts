/**
 * A small, fast subset of the kill matrix (one mutant from each of five families, and one for each rule added to SPEC §6), hunted with
 * the default budget of `npm start`: each is killed with conformance, and by the rule that
 * reasoning from SPEC §6 says must see it, alone (no model):
 * - fenceUnrefTwice: HMM's second fence_unref reaches a fence the driver freed at the first,
 *   which the driver simulator records as `unrefFreedFence` → driverSaw.
 * - clearCountsInvalidEntry: a MUNMAP commit over a range with invalid entries decrements the
 *   leaf's count below its valid entries (Uint16: wraps, or frees a non-empty directory) →
 *   the implementation's structure check, ptStructure.
 * - migrateDropsDirty: a CPU write leaves its page dirty with stored 0; migration moves the data
 *   to a clean page no pte marks dirty, so data ≠ stored with nothing dirty → dirtyTracked.
 * - commitIgnoresBackoff: a fault walks, a munmap starts (backoff set) and its sync update drops
 *   the device ptes; the fault then commits the old pfn into both tables, and the munmap's
 *   commit empties the mirror pte but leaves that device pte, with no pending invalidation to
 *   excuse it → deviceWithinMirror.
 * - exitLeavesMirrorLive: exit without releasing the mirrors leaves a live mirror on a dead mm
 *   → mirrorLifecycle.
 * - eagainTakenAsError: a wait answered -EAGAIN kills the mirror and unrefs the fence, which is
 *   freed while the device's pending queue still names it → pendingHoldsFence.
 * - commitBeforeFenceWait: a fenced update leaves the device pte mapped; the event moves to
 *   commit before its fence is waited, so the op is in phase commit with a device pte in its
 *   range → quietBeforeChange.
 */
import { describe, expect, it } from 'vitest';
import { mutantByName } from '../../../impl/mutants/index.js';
import { hunt, huntSettings } from '../../../properties/mutants/index.js';

const EXPECTED: readonly [string, string][] = [
  ['fenceUnrefTwice', 'driverSaw'],
  ['clearCountsInvalidEntry', 'ptStructure'],
  ['migrateDropsDirty', 'dirtyTracked'],
  ['commitIgnoresBackoff', 'deviceWithinMirror'],
  ['exitLeavesMirrorLive', 'mirrorLifecycle'],
  ['eagainTakenAsError', 'pendingHoldsFence'],
  ['commitBeforeFenceWait', 'quietBeforeChange'],
];

describe('a subset of the kill matrix', () => {
  const settings = huntSettings();
  for (const [name, rule] of EXPECTED) {
    it(`${name}: killed with conformance, and by ${rule} alone`, () => {
      const m = mutantByName(name)!;
      const c = hunt(m.apply, 'conformance', settings);
      expect(c.killed).toBe(true);
      expect(c.shrunkLength).toBeGreaterThan(0);
      const r = hunt(m.apply, 'rules', settings);
      expect(r.killed).toBe(true);
      expect(r.rules).toContain(rule);
    });
  }
});
