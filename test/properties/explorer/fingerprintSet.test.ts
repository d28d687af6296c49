/**
 * The shared fingerprint set (properties/explorer/fingerprintSet.ts): what an insert says
 * (first seen, seen in this level, seen before, full), the least order kept whatever the order
 * of arrival, a second arrival marked, and a grown table keeping everything.
 */
import { describe, expect, it } from 'vitest';
import { FULL, FingerprintSet, IN_LEVEL, NEW, OLD } from '../../../properties/explorer/fingerprintSet.js';

describe('the fingerprint set', () => {
  it('says NEW once, IN_LEVEL for later arrivals of the level, OLD in later levels', () => {
    const t = FingerprintSet.create(16);
    expect(t.insert(1, 2, 1, 50)).toBe(NEW);
    expect(t.insert(1, 2, 1, 70)).toBe(IN_LEVEL);
    expect(t.insert(1, 3, 1, 10)).toBe(NEW);
    expect(t.insert(1, 2, 2, 5)).toBe(OLD);
    expect(t.size).toBe(2);
  });

  it('keeps the least order of a level, marks a second arrival, and leaves a single one unmarked', () => {
    const t = FingerprintSet.create(16);
    t.insert(7, 8, 3, 900);
    t.insert(7, 8, 3, 40);
    t.insert(7, 8, 3, 300);
    expect(t.arrival(7, 8)).toEqual({ level: 3, order: 40, multiple: true });
    t.insert(9, 9, 3, 12);
    expect(t.arrival(9, 9)).toEqual({ level: 3, order: 12, multiple: false });
    expect(t.arrival(9, 10)).toBeUndefined();
  });

  it('tells fingerprints apart by both halves, and collides none on one slot', () => {
    const t = FingerprintSet.create(16);
    // Same low half (same slot), different high halves: linear probing keeps both.
    expect(t.insert(1, 5, 1, 1)).toBe(NEW);
    expect(t.insert(2, 5, 1, 2)).toBe(NEW);
    expect(t.arrival(1, 5)?.order).toBe(1);
    expect(t.arrival(2, 5)?.order).toBe(2);
  });

  it('reports FULL past its load limit, and a grown table holds every entry with its arrival', () => {
    const t = FingerprintSet.create(8);
    const outcomes = Array.from({ length: 8 }, (_, i) => t.insert(i, i * 3 + 1, 1, i));
    expect(outcomes.slice(0, 6).every((o) => o === NEW)).toBe(true);
    expect(outcomes).toContain(FULL);
    const g = t.grown(64);
    expect(g.size).toBe(t.size);
    for (let i = 0; i < t.size; i++) expect(g.arrival(i, i * 3 + 1)).toEqual({ level: 1, order: i, multiple: false });
  });
});
