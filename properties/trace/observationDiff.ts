/**
 * A small diff of two observations (SPEC §7) for a conformance failure: the first differing
 * paths, each shown at the smallest tuple that holds the difference, e.g.
 * `mirrors[0][5][1]: model [17,1,true,false] vs impl [17,1,true,true]`.
 */
import type { Observation } from '../../spec/index.js';
import { observationJson } from './observationJson.js';

const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';
const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

function walk(a: unknown, b: unknown, path: string, names: readonly [string, string], out: string[], limit: number): void {
  if (out.length >= limit || JSON.stringify(a) === JSON.stringify(b)) return;
  const report = (): void => { out.push(`${path}: ${names[0]} ${show(a)} vs ${names[1]} ${show(b)}`); };
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.every(isScalar) && b.every(isScalar)) return report();
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, names, out, limit);
    return;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = a as Record<string, unknown>;
    const kb = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ka), ...Object.keys(kb)])) walk(ka[k], kb[k], path === '' ? k : `${path}.${k}`, names, out, limit);
    return;
  }
  report();
}

/** The first `limit` differing paths between two observations; empty when they are deep-equal. */
export function diffObservations(a: Observation, b: Observation, names: readonly [string, string] = ['model', 'impl'], limit = 5): string[] {
  const out: string[] = [];
  walk(observationJson(a), observationJson(b), '', names, out, limit);
  return out;
}
