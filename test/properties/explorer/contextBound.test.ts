/**
 * Context-bounded exploration (properties/explorer/contextBound.ts, CHESS): every schedule of a
 * thread scope with at most K preemptions. The checked-in races scope: with no preemption its
 * schedules run each thread until it blocks or ends, and the search exhausts them; a race that
 * needs the device fault to be preempted between its walk and its commit (commitIgnoresBackoff:
 * the commit must back off after an invalidation started) is found with one preemption and not
 * with none; so is backoffReadFromLatestFault (a fault commits with the backoff of a newer fault
 * of its mirror, which walked outside the invalidation).
 */
import { describe, expect, it } from 'vitest';
import { exploreThreads, threadScopeOf } from '../../../properties/explorer/contextBound.js';
import { RACES_SCOPE_FILE, readScopeFile } from '../../../properties/explorer/scopeFile.js';
import { parseThreadScope } from '../../../properties/explorer/threadScope.js';
import { lockstepParts } from './helpers.js';

const scope = threadScopeOf(readScopeFile(RACES_SCOPE_FILE), RACES_SCOPE_FILE);
const limits = { maxDepth: 100 };

describe('context-bounded exploration', () => {
  it('exhausts the races scope without preemptions; every schedule ends after all three threads', () => {
    const o = exploreThreads(scope, lockstepParts(), 0, limits);
    expect(o.verdict).toBe('exhausted');
    // migrate: the command and 6 steps (start, 2 updates, commit, apply, end); the first devWrite,
    // the devRead and the devFault: the command and 3 steps each; the second devWrite hits the pte
    // the first mapped: 20 at least, more with fences and their signals.
    expect(o.stats.shortestSchedule).toBe(20);
    expect(o.stats.depthCompleted).toBeGreaterThanOrEqual(15);
  });

  for (const name of ['commitIgnoresBackoff', 'backoffReadFromLatestFault']) {
    it(`finds ${name} with one preemption, not with none`, () => {
      expect(exploreThreads(scope, lockstepParts(name), 0, limits).verdict).toBe('exhausted');
      const o = exploreThreads(scope, lockstepParts(name), 1, limits);
      expect(o.verdict).toBe('counterexample');
      if (o.verdict === 'counterexample') expect(o.counterexample.steps.some((s) => s.command.cmd === 'migrate')).toBe(true);
    });
  }

  it('refuses a thread scope that is not one', () => {
    expect(() => parseThreadScope({ threads: [{ name: 'x', commands: [{ cmd: 'jump' }] }] }, 'x.json')).toThrow(/unknown command "jump"/);
    expect(() => parseThreadScope({ threads: [] }, 'x.json')).toThrow(/needs "threads"/);
    expect(() => parseThreadScope({ threads: [{ commands: [] }], choices: ['maybe'] }, 'x.json')).toThrow(/not sync, fence or error/);
    expect(() => parseThreadScope([], 'x.json')).toThrow(/must be a JSON object/);
    expect(() => parseThreadScope({ devices: 9, threads: [{ commands: [] }] }, 'x.json')).toThrow(/"devices"/);
    expect(() => parseThreadScope({ threads: ['cpu'] }, 'x.json')).toThrow(/thread 0 must be/);
    expect(() => parseThreadScope({ threads: [{ commands: [] }], setup: {} }, 'x.json')).toThrow(/"setup" must be a list/);
    expect(() => parseThreadScope({ threads: [{ commands: [{ note: 'hi' }] }] }, 'x.json')).toThrow(/a note is not a command/);
    expect(() => parseThreadScope({ threads: [{ commands: [] }], failCodes: [1] }, 'x.json')).toThrow(/list of strings/);
    expect(parseThreadScope({ threads: [{ commands: [{ cmd: 'signal', dev: 0 }] }] }, 'x.json')).toMatchObject({ devices: 2, choices: ['sync'], failCodes: [], setup: [], threads: [{ name: 'thread0' }] });
  });
});
