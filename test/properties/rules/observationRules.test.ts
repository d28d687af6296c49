/** SPEC §6: each observation rule on a hand-made observation that breaks it and one that keeps it. */
import { describe, expect, it } from 'vitest';
import {
  RULES, checkRules, deviceWithinMirror, dirtyImpliesWrite, dirtyTracked, driverSaw, fenceDiscipline, mirrorLifecycle, mirrorWithinCpu,
  pendingHoldsFence, quietBeforeChange,
} from '../../../properties/rules/index.js';
import type { MirrorObs, MmObs, Observation, OpObs, PageObs } from '../../../spec/index.js';
import { obs } from './observation.js';

// mm 0 maps vpn 17 -> pfn 3 writable, vpn 18 -> pfn 4 read-only, vpn 19 swapped.
const MM0: MmObs = [0, 'live', [[16, 20, 'rw']], [[17, 'P', 3, true], [18, 'P', 4, false], [19, 'S', 6]]];
const PAGES: PageObs[] = [[3, 5, true, 0, 1], [4, 0, false, 0, 2]];
const mirror = (mirrorPt: MirrorObs[5], devicePt: MirrorObs[6] = [], state: MirrorObs[3] = 'live', refs = 0): MirrorObs =>
  [2, 0, 0, state, refs, mirrorPt, devicePt];
const op = (id: number, kind: OpObs[1], start: number, end: number, phase: OpObs[5]): OpObs => [id, kind, 0, start, end, phase, 0, false, null];

describe('RULES', () => {
  it('lists the nine observation rules of SPEC §6, each with id, rule, source and the parts it reads', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'mirrorWithinCpu', 'deviceWithinMirror', 'dirtyImpliesWrite', 'dirtyTracked', 'fenceDiscipline', 'mirrorLifecycle', 'driverSaw',
      'quietBeforeChange', 'pendingHoldsFence',
    ]);
    for (const r of RULES) expect(r.rule.length > 0 && r.source.length > 0 && r.reads.length > 0).toBe(true);
  });

  it('all hold on the initial observation and on a consistent one', () => {
    expect(checkRules(obs({}))).toEqual([]);
    const mirrors = [mirror([[17, 3, true, true], [18, 4, false, false]], [[17, 3, true, false]])];
    expect(checkRules(obs({ mms: [MM0], pages: PAGES, mirrors }))).toEqual([]);
  });
});

describe('mirrorWithinCpu', () => {
  const check = (mirrorPt: MirrorObs[5], ops: OpObs[] = []) => mirrorWithinCpu.check(obs({ mms: [MM0], pages: PAGES, mirrors: [mirror(mirrorPt)], ops }));

  it('holds when the mirror pte maps the CPU pfn, write only if the CPU pte is writable', () => {
    expect(check([[17, 3, true, false], [18, 4, false, false], [17, 3, false, false]])).toEqual([]);
  });

  it('breaks on another pfn, naming mirror and vpn', () => {
    expect(check([[17, 4, false, false]])).toEqual(['mirror 2 vpn 17: mirror pte maps pfn 4, CPU pte maps pfn 3']);
  });

  it('breaks on an absent or swapped CPU pte', () => {
    expect(check([[16, 3, false, false]])[0]).toMatch(/^mirror 2 vpn 16: .*absent/);
    expect(check([[19, 6, false, false]])[0]).toMatch(/^mirror 2 vpn 19: .*swapped/);
  });

  it('breaks when the mirror pte is writable and the CPU pte is not', () => {
    expect(check([[18, 4, true, false]])).toEqual(['mirror 2 vpn 18: mirror pte is writable, CPU pte (pfn 4) is read-only']);
  });

  it('is exempt where an active invalidation of the mm covers the vpn', () => {
    expect(check([[18, 4, true, false]], [op(1, 'fork', 16, 20, 'update')])).toEqual([]);
    expect(check([[18, 9, true, false]], [op(1, 'munmap', 18, 19, 'start')])).toEqual([]);
  });

  it('is not exempt by an invalidation still in phase created, one not covering the vpn, a fault, or another mm', () => {
    expect(check([[18, 4, true, false]], [op(1, 'fork', 16, 20, 'created')])).toHaveLength(1);
    expect(check([[18, 4, true, false]], [op(1, 'munmap', 19, 25, 'commit')])).toHaveLength(1);
    expect(check([[18, 4, true, false]], [op(1, 'wfault', 16, 20, 'walk')])).toHaveLength(1);
    expect(check([[18, 4, true, false]], [[1, 'fork', 1, 16, 20, 'update', 0, false, null]])).toHaveLength(1);
  });
});

describe('deviceWithinMirror', () => {
  const check = (mirrorPt: MirrorObs[5], devicePt: MirrorObs[6], pending = obs({}).pending) =>
    deviceWithinMirror.check(obs({ mms: [MM0], pages: PAGES, mirrors: [mirror(mirrorPt, devicePt)], pending }));

  it('holds when the device pte matches the mirror pte (write implies write)', () => {
    expect(check([[17, 3, true, false]], [[17, 3, true, true]])).toEqual([]);
    expect(check([[17, 3, true, false]], [[17, 3, false, false]])).toEqual([]);
  });

  it('breaks on an absent mirror pte, another pfn, or write without write', () => {
    expect(check([], [[17, 3, true, false]])).toEqual(['mirror 2 (dev 0) vpn 17: device pte maps pfn 3, mirror pte is absent']);
    expect(check([[17, 3, true, false]], [[17, 4, false, false]])).toEqual(['mirror 2 (dev 0) vpn 17: device pte maps pfn 4, mirror pte maps pfn 3']);
    expect(check([[18, 4, false, false]], [[18, 4, true, false]])).toEqual(['mirror 2 (dev 0) vpn 18: device pte is writable, mirror pte (pfn 4) is read-only']);
  });

  it('is exempt where a pending invalidation of that mirror covers the vpn', () => {
    expect(check([], [[17, 3, true, true]], [[0, [[1, 2, 16, 18]]], [1, []]])).toEqual([]);
  });

  it('is not exempt by a pending entry of another mirror or another range', () => {
    expect(check([], [[17, 3, true, true]], [[0, [[1, 5, 16, 18]]], [1, []]])).toHaveLength(1);
    expect(check([], [[17, 3, true, true]], [[0, []], [1, [[1, 2, 18, 20]]]])).toHaveLength(1);
  });
});

describe('dirtyImpliesWrite', () => {
  it('holds for dirty writable ptes, breaks for dirty read-only mirror or device ptes', () => {
    expect(dirtyImpliesWrite.check(obs({ mirrors: [mirror([[17, 3, true, true]], [[17, 3, true, true]])] }))).toEqual([]);
    expect(dirtyImpliesWrite.check(obs({ mirrors: [mirror([[17, 3, false, true]], [[18, 4, false, true]])] }))).toEqual([
      'mirror 2 vpn 17: mirror pte (pfn 3) is dirty but read-only',
      'mirror 2 vpn 18: device pte (pfn 4) is dirty but read-only',
    ]);
  });
});

describe('dirtyTracked', () => {
  const check = (pages: PageObs[], mirrors: MirrorObs[] = []) => dirtyTracked.check(obs({ pages, mirrors }));

  it('holds for clean pages equal to their stored copy, and dirty pages', () => {
    expect(check([[1, 0, false, 0, 1], [2, 9, true, 3, 1], [3, 9, true, null, 1]])).toEqual([]);
  });

  it('breaks for a page newer than its copy (or without one) that nothing marks dirty, naming the pfn', () => {
    expect(check([[2, 9, false, 3, 1]])).toEqual(['page pfn 2: data 9 with stored copy 3, but neither the page nor a mirror or device pte mapping it is dirty']);
    expect(check([[3, 0, false, null, 1]])[0]).toMatch(/^page pfn 3: data 0 with no stored copy/);
  });

  it('holds when a dirty mirror or device pte maps the page', () => {
    expect(check([[2, 9, false, 3, 1]], [mirror([[17, 2, true, true]])])).toEqual([]);
    expect(check([[2, 9, false, 3, 1]], [mirror([[17, 2, true, false]], [[17, 2, true, true]])])).toEqual([]);
    expect(check([[2, 9, false, 3, 1]], [mirror([[17, 2, true, false]], [[17, 2, true, false]])])).toHaveLength(1);
  });
});

describe('fenceDiscipline', () => {
  const ops = [op(3, 'migrate', 0, 1, 'update')];

  it('holds for a fence with refs >= 1 of an op in flight', () => {
    expect(fenceDiscipline.check(obs({ ops, fences: [[1, 0, 2, 3, 'pending', 1]] }))).toEqual([]);
  });

  it('breaks for refs 0, naming the fence', () => {
    expect(fenceDiscipline.check(obs({ ops, fences: [[1, 0, 2, 3, 'signaled', 0]] }))).toEqual(['fence 1 (dev 0, mirror 2, signaled): listed with refs 0']);
  });

  it('breaks for a fence whose op has ended', () => {
    expect(fenceDiscipline.check(obs({ fences: [[4, 1, 2, 3, 'signaled', 1]] }))).toEqual(['fence 4 (dev 1, mirror 2, signaled): its op 3 is not in flight, so it should be freed']);
  });
});

describe('mirrorLifecycle', () => {
  const dead: MmObs = [0, 'dead', [], []];

  it('holds for a live mirror with tables, and a torn-down one still referenced', () => {
    expect(mirrorLifecycle.check(obs({ mms: [MM0], mirrors: [mirror([[17, 3, true, false]])] }))).toEqual([]);
    expect(mirrorLifecycle.check(obs({ mms: [dead], mirrors: [mirror([], [], 'released', 1)] }))).toEqual([]);
  });

  it('breaks for a non-live mirror with ptes, naming the mirror', () => {
    expect(mirrorLifecycle.check(obs({ mirrors: [mirror([[17, 3, true, false]], [[17, 3, true, false]], 'killed', 1)] }))).toEqual([
      'mirror 2 (dev 0, mm 0): killed, but its mirror page table has 1 pte(s)',
      'mirror 2 (dev 0, mm 0): killed, but its device page table has 1 pte(s)',
    ]);
  });

  it('breaks for a listed non-live mirror at refs 0', () => {
    expect(mirrorLifecycle.check(obs({ mirrors: [mirror([], [], 'unregistered', 0)] }))).toEqual(['mirror 2 (dev 0, mm 0): unregistered with refs 0, so it should be freed']);
  });

  it('breaks for a live mirror of a dead mm', () => {
    expect(mirrorLifecycle.check(obs({ mms: [dead], mirrors: [mirror([])] }))).toEqual(['mirror 2 (dev 0, mm 0): live, but mm 0 is dead']);
  });
});

describe('driverSaw', () => {
  it('holds with no violation, breaks with one message per violation', () => {
    expect(driverSaw.check(obs({}))).toEqual([]);
    expect(driverSaw.check(obs({ violations: ['releaseTwice 2', 'updateNotLive 2'] }))).toEqual(['driver saw releaseTwice 2', 'driver saw updateNotLive 2']);
  });
});

describe('quietBeforeChange', () => {
  // mirror 2 of mm 0 on dev 0 still maps vpn 17 on the device; mirror 5 of mm 1 maps vpn 17 too.
  const other: MirrorObs = [5, 1, 1, 'live', 0, [[17, 8, false, false]], [[17, 8, false, false]]];
  const check = (ops: OpObs[]) => quietBeforeChange.check(obs({ mms: [MM0], pages: PAGES, mirrors: [mirror([[17, 3, true, false]], [[17, 3, true, false]]), other], ops }));

  it('breaks while an invalidation of the mm covering a device pte commits or applies, naming op, mirror and vpn', () => {
    expect(check([op(4, 'munmap', 16, 18, 'commit')])).toEqual(['op 4 (munmap of mm 0, phase commit): mirror 2 (dev 0) still maps vpn 17 (pfn 3) on the device']);
    expect(check([op(4, 'migrate', 17, 18, 'apply')])).toHaveLength(1);
  });

  it('holds before commit (the device may still map the pages while its fence is pending), off the range, and for faults', () => {
    for (const phase of ['created', 'start', 'update', 'wait'] as const) expect(check([op(4, 'munmap', 16, 18, phase)])).toEqual([]);
    expect(check([op(4, 'munmap', 18, 20, 'commit')])).toEqual([]);
    expect(check([op(4, 'wfault', 16, 18, 'walk')])).toEqual([]);
  });

  it('looks only at the mirrors of the op\'s mm', () => {
    expect(check([[4, 'reclaim', 1, 0, 17, 'commit', 0, false, null]])).toEqual([]);
    expect(check([[4, 'reclaim', 1, 17, 18, 'apply', 0, false, null]])).toEqual(['op 4 (reclaim of mm 1, phase apply): mirror 5 (dev 1) still maps vpn 17 (pfn 8) on the device']);
  });
});

describe('pendingHoldsFence', () => {
  const pending = (fence: number): Observation['pending'] => [[0, []], [1, [[fence, 2, 16, 18]]]];

  it('holds when every queue entry names a listed pending fence', () => {
    expect(pendingHoldsFence.check(obs({ fences: [[1, 1, 2, 3, 'pending', 1]], pending: pending(1) }))).toEqual([]);
  });

  it('breaks for an entry whose fence was freed, naming device and fence', () => {
    expect(pendingHoldsFence.check(obs({ pending: pending(1) }))).toEqual(['dev 1 pending entry (fence 1, mirror 2, [16, 18)): fence 1 is not listed (freed while the device still holds it)']);
  });

  it('breaks for an entry whose fence is signaled or failed', () => {
    expect(pendingHoldsFence.check(obs({ fences: [[1, 1, 2, 3, 'signaled', 1]], pending: pending(1) }))).toEqual(['dev 1 pending entry (fence 1, mirror 2, [16, 18)): fence 1 is signaled, not pending']);
    expect(pendingHoldsFence.check(obs({ fences: [[1, 1, 2, 3, 'failed', 1]], pending: pending(1) }))).toHaveLength(1);
  });
});
