/**
 * Partial-order reduction (sleep sets, properties/explorer/reduction.ts) finds the same states:
 * with and without it, the same set of canonical states at every depth up to 5, in scopes where
 * commands commute (two mms after a fork, two devices), and up to 6 under state constraints
 * (where, before its fix, the reduction lost 64 states at depth 6). A reduction that takes every pair of
 * commands for independent loses states, and this comparison sees it.
 */
import { describe, expect, it } from 'vitest';
import type { Command, Observation } from '../../../spec/index.js';
import { Footprints } from '../../../properties/explorer/reduction.js';
import { parseScope, type Scope } from '../../../properties/explorer/scope.js';
import { searchSync } from '../../../properties/explorer/search.js';
import { lockstepParts, SMALL_SCOPE, TWO_MM_SCOPE } from './helpers.js';

/**
 * Forks, exits, registrations and device faults under the default scope's constraints (at most
 * 2 ops in flight, one fault per mirror): where a command whose state is past the constraints
 * (never expanded) must not put others to sleep; depth 6 shows it.
 */
const CONSTRAINED: Scope = parseScope({
  devices: 2, mms: [0], vpns: [0, 1], ranges: [[0, 2]], maxOpsInFlight: 2, maxFaultsPerMirror: 1,
  commands: { fork: {}, exit: { mms: [0, 1] }, register: { mms: [0, 1] }, devRead: {}, devWrite: { mms: [0, 1], values: [2] }, signal: {}, step: {} },
}, 'CONSTRAINED');

/** The states found at each depth (as fingerprint sets), and the commands put to sleep. */
function statesByDepth(scope: Scope, reduction: boolean, footprints?: () => Footprints, maxDepth = 5): { levels: Set<string>[]; asleep: number; transitions: number } {
  const levels: Set<string>[] = [];
  const out = searchSync({
    scope, parts: lockstepParts(), limits: { maxDepth }, reduction,
    onLevel: (depth, hi, lo) => void (levels[depth] = new Set(Array.from(hi, (h, i) => `${h}:${lo[i]}`))),
    ...(footprints === undefined ? {} : { footprints }),
  });
  expect(out.verdict).toBe('bounded');
  return { levels, asleep: out.stats.asleep, transitions: out.stats.transitions };
}

/** Footprints that call every two commands independent: wrong. */
class EverythingCommutes extends Footprints {
  override prepare(_o: Observation, _c: readonly Command[]): void {}
  override independent(): boolean {
    return true;
  }
}

describe('partial-order reduction', () => {
  for (const [name, scope] of [['two mms', TWO_MM_SCOPE], ['one mm, two devices', SMALL_SCOPE]] as const) {
    it(`finds the same states at every depth up to 5, trying fewer commands (${name})`, () => {
      const full = statesByDepth(scope, false);
      const reduced = statesByDepth(scope, true);
      expect(reduced.levels.map((l) => [...l].sort())).toEqual(full.levels.map((l) => [...l].sort()));
      expect(full.asleep).toBe(0);
      expect(reduced.asleep).toBeGreaterThan(0);
      expect(reduced.transitions + reduced.asleep).toBe(full.transitions);
    });
  }

  it('finds the same states under state constraints (to depth 6)', () => {
    const full = statesByDepth(CONSTRAINED, false, undefined, 6);
    const reduced = statesByDepth(CONSTRAINED, true, undefined, 6);
    expect(reduced.levels.map((l) => [...l].sort())).toEqual(full.levels.map((l) => [...l].sort()));
    expect(reduced.asleep).toBeGreaterThan(0);
  });

  it('a reduction that takes every pair of commands for independent loses states, and the comparison sees it', () => {
    const full = statesByDepth(TWO_MM_SCOPE, false);
    const wrong = statesByDepth(TWO_MM_SCOPE, true, () => new EverythingCommutes());
    const count = (l: Set<string>[]): number => l.reduce((n, s) => n + s.size, 0);
    expect(count(wrong.levels)).toBeLessThan(count(full.levels));
  });
});
