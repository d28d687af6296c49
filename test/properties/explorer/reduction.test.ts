/**
 * Partial-order reduction (sleep sets, properties/explorer/reduction.ts) finds the same states:
 * with and without it, the same set of canonical states at every depth up to 5, in scopes where
 * commands commute (two mms after a fork, two devices). A reduction that takes every pair of
 * commands for independent loses states, and this comparison sees it.
 */
import { describe, expect, it } from 'vitest';
import type { Command, Observation } from '../../../spec/index.js';
import { Footprints } from '../../../properties/explorer/reduction.js';
import type { Scope } from '../../../properties/explorer/scope.js';
import { searchSync } from '../../../properties/explorer/search.js';
import { lockstepParts, SMALL_SCOPE, TWO_MM_SCOPE } from './helpers.js';

/** The states found at each depth (as fingerprint sets), and the commands put to sleep. */
function statesByDepth(scope: Scope, reduction: boolean, footprints?: () => Footprints): { levels: Set<string>[]; asleep: number; transitions: number } {
  const levels: Set<string>[] = [];
  const out = searchSync({
    scope, parts: lockstepParts(), limits: { maxDepth: 5 }, reduction,
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

  it('a reduction that takes every pair of commands for independent loses states, and the comparison sees it', () => {
    const full = statesByDepth(TWO_MM_SCOPE, false);
    const wrong = statesByDepth(TWO_MM_SCOPE, true, () => new EverythingCommutes());
    const count = (l: Set<string>[]): number => l.reduce((n, s) => n + s.size, 0);
    expect(count(wrong.levels)).toBeLessThan(count(full.levels));
  });
});
