/** The per-mm interval set: overlap of half-open ranges [start, end), disjoint or not. */
import { describe, expect, it } from 'vitest';
import { IntervalSet } from '../../impl/hmm/intervalSet.js';
import type { Op } from '../../impl/hmm/op.js';

const op = (start: number, end: number): Op => ({ start, end }) as Op;

describe('IntervalSet', () => {
  it('answers overlap of disjoint ranges by their half-open bounds', () => {
    const s = new IntervalSet();
    const a = op(10, 20);
    s.add(op(30, 31));
    s.add(a);
    s.add(op(0, 5));
    expect(s.values().map((o) => o.start)).toEqual([0, 10, 30]);
    // [5,10) touches neither [0,5) nor [10,20): half-open
    expect(s.overlaps(5, 10)).toBe(false);
    expect(s.overlaps(19, 20)).toBe(true);
    expect(s.overlaps(20, 30)).toBe(false);
    expect(s.overlaps(0, 100)).toBe(true);
    expect(s.overlaps(31, 2 ** 36)).toBe(false);
    s.delete(a);
    expect(s.overlaps(12, 13)).toBe(false);
    expect(s.size).toBe(2);
  });
  it('an empty set overlaps nothing', () => {
    expect(new IntervalSet().overlaps(0, 2 ** 36)).toBe(false);
  });
  it('stays right when ranges overlap (a long one hiding behind a short one)', () => {
    const s = new IntervalSet();
    s.add(op(0, 100));
    s.add(op(50, 51));
    // the last start before 80 is 50 (ends at 51), but [0,100) covers 80
    expect(s.overlaps(80, 81)).toBe(true);
    expect(s.overlaps(100, 101)).toBe(false);
  });
});
