/** Zeller's ddmin on lists whose failure is known by construction. */
import { describe, expect, it } from 'vitest';
import { ddmin } from '../../../properties/minimize/index.js';

/** Fails when every element of `needed` is present. */
const containing = (needed: readonly number[]) => (c: readonly number[]): boolean => needed.every((n) => c.includes(n));

describe('ddmin', () => {
  it('reduces to exactly the elements the failure needs, in order', () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    expect(ddmin(items, containing([3, 17, 31]))).toEqual([3, 17, 31]);
  });

  it('keeps a list whose every element is needed', () => {
    expect(ddmin([1, 2, 3, 4, 5], containing([1, 2, 3, 4, 5]))).toEqual([1, 2, 3, 4, 5]);
  });

  it('finds a 1-minimal list when the failure depends on order (a before b)', () => {
    const before = (c: readonly number[]): boolean => c.indexOf(7) >= 0 && c.indexOf(2) > c.indexOf(7);
    const result = ddmin([9, 7, 4, 7, 2, 8, 2], before);
    expect(before(result)).toBe(true);
    for (let i = 0; i < result.length; i++) expect(before(result.filter((_, j) => j !== i))).toBe(false);
    expect(result).toEqual([7, 2]);
  });

  it('returns a single element when one suffices', () => {
    expect(ddmin([5, 6, 7, 8], (c) => c.includes(8))).toEqual([8]);
  });
});
