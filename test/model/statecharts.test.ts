/**
 * The lifecycle statecharts (SPEC §5): each machine takes the transitions SPEC §5 allows and
 * refuses the ones it forbids; the catalog is derived from the definitions; coverage records.
 */
import { describe, expect, test } from 'vitest';
import {
  StatechartCoverage, createModelWorld, faultMachine, fenceMachine, invalidationMachine, mirrorMachine, statechartCatalog,
} from '../../model/index.js';
import { advance, canAdvance, initialLifecycle, type Lifecycle } from '../../model/statecharts/advance.js';
import { branchGuard } from '../../model/statecharts/catalog.js';

/** Runs `events` from the initial state; returns the final lifecycle. */
function run(machine: Lifecycle['machine'], ...events: { readonly type: string; readonly [fact: string]: unknown }[]): Lifecycle {
  let lifecycle: Lifecycle = initialLifecycle(machine);
  for (const event of events) lifecycle = advance(lifecycle, event, 'test');
  return lifecycle;
}

describe('mirror machine', () => {
  test('live → unregistered | released | killed → freed at refs 0', () => {
    for (const how of ['UNREGISTER', 'RELEASE', 'KILL']) {
      expect(run(mirrorMachine, { type: how }, { type: 'FREE', refs: 0 }).value).toBe('freed');
    }
    expect(run(mirrorMachine, { type: 'KILL' }).value).toBe('killed');
  });
  test('refuses freeing a mirror with refs > 0, freeing a live mirror, and leaving a non-live state twice', () => {
    const killed = run(mirrorMachine, { type: 'KILL' });
    expect(canAdvance(killed, { type: 'FREE', refs: 1 })).toBe(false);
    expect(() => advance(killed, { type: 'FREE', refs: 2 }, 'mirror 7')).toThrow(
      `mirror 7: mirror in state 'killed' refuses {"type":"FREE","refs":2}`,
    );
    expect(canAdvance(initialLifecycle(mirrorMachine), { type: 'FREE', refs: 0 })).toBe(false);
    expect(canAdvance(killed, { type: 'RELEASE' })).toBe(false);
    expect(canAdvance(run(mirrorMachine, { type: 'UNREGISTER' }), { type: 'KILL' })).toBe(false);
    const freed = run(mirrorMachine, { type: 'RELEASE' }, { type: 'FREE', refs: 0 });
    expect(canAdvance(freed, { type: 'UNREGISTER' })).toBe(false);
  });
});

describe('invalidation machine', () => {
  const done = { allMirrorsUpdated: true, hasFences: true, allFencesDone: true };
  test('created → start → update → wait → commit → apply → end', () => {
    const end = run(
      invalidationMachine, { type: 'START' }, { type: 'UPDATE', allMirrorsUpdated: false },
      { type: 'WAIT', allMirrorsUpdated: true, hasFences: true, allFencesDone: false },
      { type: 'COMMIT', allMirrorsUpdated: true, allFencesDone: true }, { type: 'APPLY' }, { type: 'END' },
    );
    expect(end.value).toBe('end');
    expect(end.snapshot.status).toBe('done');
  });
  test('no captured mirror: start → commit', () => {
    expect(run(invalidationMachine, { type: 'START' }, { type: 'COMMIT', allMirrorsUpdated: true, allFencesDone: true }).value).toBe('commit');
  });
  test('refuses a wait before every mirror is updated, and a wait without fences', () => {
    const updating = run(invalidationMachine, { type: 'START' }, { type: 'UPDATE', allMirrorsUpdated: false });
    expect(canAdvance(updating, { type: 'WAIT', allMirrorsUpdated: false, hasFences: true, allFencesDone: false })).toBe(false);
    expect(canAdvance(updating, { type: 'WAIT', allMirrorsUpdated: true, hasFences: false, allFencesDone: true })).toBe(false);
    expect(canAdvance(updating, { type: 'UPDATE', allMirrorsUpdated: true })).toBe(false);
  });
  test('refuses a commit with unfinished fences or mirrors left to update', () => {
    const updated = run(invalidationMachine, { type: 'START' }, { type: 'UPDATE', allMirrorsUpdated: false });
    expect(canAdvance(updated, { type: 'COMMIT', allMirrorsUpdated: true, allFencesDone: false })).toBe(false);
    expect(canAdvance(updated, { type: 'COMMIT', allMirrorsUpdated: false, allFencesDone: true })).toBe(false);
    const waiting = advance(updated, { type: 'WAIT', ...done, allFencesDone: false }, 't');
    expect(canAdvance(waiting, { type: 'COMMIT', allMirrorsUpdated: true, allFencesDone: false })).toBe(false);
    expect(canAdvance(waiting, { type: 'UPDATE', allMirrorsUpdated: false })).toBe(false);
  });
  test('refuses skipping steps and anything after end', () => {
    const created = initialLifecycle(invalidationMachine);
    for (const type of ['APPLY', 'END']) expect(canAdvance(created, { type })).toBe(false);
    expect(canAdvance(created, { type: 'COMMIT', allMirrorsUpdated: true, allFencesDone: true })).toBe(false);
    const committed = run(invalidationMachine, { type: 'START' }, { type: 'COMMIT', allMirrorsUpdated: true, allFencesDone: true });
    expect(canAdvance(committed, { type: 'END' })).toBe(false);
    const end = advance(advance(committed, { type: 'APPLY' }, 't'), { type: 'END' }, 't');
    expect(canAdvance(end, { type: 'START' })).toBe(false);
  });
});

describe('fault machine', () => {
  test('start answering EAGAIN stays in created; then start → walk → end', () => {
    const again = run(faultMachine, { type: 'START', activeInvalidationOverlaps: true });
    expect(again.value).toBe('created');
    const walked = run(faultMachine, { type: 'START', activeInvalidationOverlaps: false }, { type: 'WALK', walkGotThrough: true });
    expect(walked.value).toBe('walk');
    expect(advance(walked, { type: 'COMMIT', backoff: true, mirrorLive: true }, 't').value).toBe('end');
  });
  test('the walk may end the fault early', () => {
    expect(run(faultMachine, { type: 'START', activeInvalidationOverlaps: false }, { type: 'WALK', walkGotThrough: false }).value).toBe('end');
  });
  test('refuses walk or commit before start, and commit before walk', () => {
    const created = initialLifecycle(faultMachine);
    expect(canAdvance(created, { type: 'WALK', walkGotThrough: true })).toBe(false);
    expect(canAdvance(created, { type: 'COMMIT', backoff: false, mirrorLive: true })).toBe(false);
    const started = advance(created, { type: 'START', activeInvalidationOverlaps: false }, 't');
    expect(canAdvance(started, { type: 'COMMIT', backoff: false, mirrorLive: true })).toBe(false);
    expect(canAdvance(started, { type: 'START', activeInvalidationOverlaps: false })).toBe(false);
  });
});

describe('fence machine', () => {
  test('a wait on a pending fence leaves it pending; signaled/failed → freed at unref', () => {
    expect(run(fenceMachine, { type: 'WAIT' }).value).toBe('pending');
    expect(run(fenceMachine, { type: 'SIGNAL' }, { type: 'WAIT' }, { type: 'UNREF', refs: 0 }).value).toBe('freed');
    expect(run(fenceMachine, { type: 'FAIL' }, { type: 'WAIT' }, { type: 'UNREF', refs: 0 }).value).toBe('freed');
  });
  test('refuses signalling a freed or finished fence, unref of a pending fence, unref leaving refs', () => {
    const freed = run(fenceMachine, { type: 'SIGNAL' }, { type: 'UNREF', refs: 0 });
    for (const type of ['SIGNAL', 'FAIL', 'WAIT']) expect(canAdvance(freed, { type })).toBe(false);
    expect(canAdvance(freed, { type: 'UNREF', refs: 0 })).toBe(false);
    const signaled = run(fenceMachine, { type: 'SIGNAL' });
    expect(canAdvance(signaled, { type: 'SIGNAL' })).toBe(false);
    expect(canAdvance(signaled, { type: 'FAIL' })).toBe(false);
    expect(canAdvance(initialLifecycle(fenceMachine), { type: 'UNREF', refs: 0 })).toBe(false);
    expect(canAdvance(signaled, { type: 'UNREF', refs: 1 })).toBe(false);
  });
});

describe('memoized transitions', () => {
  test('a repeated transition gives the identical snapshot', () => {
    const a = run(faultMachine, { type: 'START', activeInvalidationOverlaps: false });
    const b = run(faultMachine, { type: 'START', activeInvalidationOverlaps: false });
    expect(b).toBe(a);
  });
});

describe('catalog and coverage', () => {
  test('the catalog is derived from the machines: 20 states, 30 transitions, one per guarded branch', () => {
    const { states, transitions } = statechartCatalog();
    // mirror 5 + invalidation 7 + fault 4 + fence 4 states.
    expect(states).toHaveLength(20);
    // mirror 3+3, invalidation 10, fence 7; fault 7: START (EAGAIN stays in created, else start),
    // WALK (got through, else end early) and COMMIT's three branches to end (SPEC §4.3 commit:
    // EAGAIN on backoff, ENODEV, the mapping), each branch its own transition.
    expect(transitions).toHaveLength(30);
    expect(states).toContain('mirror.live');
    expect(transitions).toContain('mirror: live --UNREGISTER--> unregistered');
    expect(transitions).toContain('fault: created --START [activeInvalidationOverlaps]--> created');
    expect(transitions.filter((t) => t.startsWith('fault: walk --COMMIT'))).toEqual([
      'fault: walk --COMMIT [backoff]--> end', 'fault: walk --COMMIT [mirrorNotLive]--> end', 'fault: walk --COMMIT [else]--> end',
    ]);
    expect(transitions).toContain('fence: pending --WAIT--> pending');
    expect(new Set(transitions).size).toBe(transitions.length);
  });

  test('the world feeds the recorder; the summary lists what is missing', () => {
    const coverage = new StatechartCoverage();
    const w = createModelWorld(undefined, { coverage });
    w.apply({ cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' });
    w.apply({ cmd: 'register', dev: 0, mm: 0 });
    w.apply({ cmd: 'unregister', dev: 0, mm: 0 });
    const { states, transitions } = coverage.reached();
    expect([...states].sort()).toEqual(['mirror.freed', 'mirror.live', 'mirror.unregistered']);
    expect([...transitions].sort()).toEqual(['mirror: live --UNREGISTER--> unregistered', 'mirror: unregistered --FREE--> freed']);
    const summary = coverage.summary();
    expect(summary.states).toMatchObject({ reached: 3, total: 20 });
    expect(summary.transitions).toMatchObject({ reached: 2, total: 30 });
    expect(summary.transitions.missing).toHaveLength(28);
    expect(summary.states.missing).not.toContain('mirror.live');
  });
});

describe('coverage counts each guarded branch', () => {
  test('the three outcomes of a fault commit are recorded as three transitions (SPEC §4.3 commit)', () => {
    const coverage = new StatechartCoverage();
    const w = createModelWorld(undefined, { coverage });
    const commits = (): string[] => [...coverage.reached().transitions].filter((t) => t.startsWith('fault: walk --COMMIT')).sort();
    w.apply({ cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' });
    w.apply({ cmd: 'register', dev: 0, mm: 0 });
    // the mapping: a fault that walks and commits
    w.apply({ cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 1, write: false });
    w.apply({ cmd: 'finish', op: 1 });
    expect(commits()).toEqual(['fault: walk --COMMIT [else]--> end']);
    // EAGAIN: an invalidation starts between the walk and the commit, so the fault backs off
    w.apply({ cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 1, write: false });
    w.apply({ cmd: 'step', op: 2 });
    w.apply({ cmd: 'step', op: 2 });
    w.apply({ cmd: 'writeback', mm: 0, start: 0, npages: 1 });
    w.apply({ cmd: 'step', op: 3 });
    expect(w.apply({ cmd: 'step', op: 2 })).toEqual({ err: 'EAGAIN' });
    w.apply({ cmd: 'finish', op: 3 });
    // ENODEV: the mirror is unregistered between the walk and the commit
    w.apply({ cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 1, write: false });
    w.apply({ cmd: 'step', op: 4 });
    w.apply({ cmd: 'step', op: 4 });
    w.apply({ cmd: 'unregister', dev: 0, mm: 0 });
    expect(w.apply({ cmd: 'step', op: 4 })).toEqual({ err: 'ENODEV' });
    expect(commits()).toEqual(['fault: walk --COMMIT [backoff]--> end', 'fault: walk --COMMIT [else]--> end', 'fault: walk --COMMIT [mirrorNotLive]--> end']);
  });
});

describe('branchGuard: how a branch of an event is named', () => {
  test('by its guard: a named guard, a guard object, a higher-order guard; else for the fallback; nothing for a lone branch', () => {
    const definitions = [{ guard: 'backoff' }, { guard: { type: 'mirrorLive' } }, { guard: function not(): boolean { return true; } }, {}] as never[];
    expect(definitions.map((_, i) => branchGuard(definitions, i))).toEqual(['backoff', 'mirrorLive', 'not', 'else']);
    expect(branchGuard([{ guard: 'readyToCommit' }] as never[], 0)).toBeUndefined();
  });
});
