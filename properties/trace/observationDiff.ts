/**
 * The differences of two observations (SPEC §7), one entry per differing row of
 * `observationRows`, in SPEC §7 order, each labelled and showing both sides where they differ:
 * `pages[0]: pfn 2, data 1, dirty true vs false, stored 0, mapcount 1`, or a row one side lacks:
 * `fences[0]: fence 1, dev 0, mirror 1, op 1, state pending, refs 1 (model only)`. The first
 * entry is what a failure shows; all of them are kept (`hmm-check run --diff all`).
 */
import type { Observation } from '../../spec/index.js';
import { compareRowOrder, fieldsText, observationRows, type ObservationRow, type RowField } from './observationRows.js';

/** A row of `a`, of `b`, or of both, under one key. */
export interface RowPair {
  readonly key: string;
  readonly a?: ObservationRow;
  readonly b?: ObservationRow;
}

/** Rows of both observations paired by key, in SPEC §7 order. */
export function pairRows(a: readonly ObservationRow[], b: readonly ObservationRow[]): RowPair[] {
  const xs = [...a].sort(compareRowOrder);
  const ys = [...b].sort(compareRowOrder);
  const out: RowPair[] = [];
  let i = 0;
  let j = 0;
  while (i < xs.length || j < ys.length) {
    const x = xs[i];
    const y = ys[j];
    if (x !== undefined && y !== undefined && x.key === y.key) {
      out.push({ key: x.key, a: x, b: y });
      i++;
      j++;
    } else if (x !== undefined && (y === undefined || compareRowOrder(x, y) < 0)) {
      out.push({ key: x.key, a: x });
      i++;
    } else {
      out.push({ key: y!.key, b: y! });
      j++;
    }
  }
  return out;
}

const same = (x: readonly RowField[], y: readonly RowField[]): boolean => fieldsText(x) === fieldsText(y);

/** `label a vs b` for each differing field, the others as they are; rows of another shape side by side. */
export function fieldsDiff(x: readonly RowField[], y: readonly RowField[]): string {
  const sameShape = x.length === y.length && x.every((f, i) => f[0] === y[i]![0]);
  if (!sameShape) return `${fieldsText(x)} vs ${fieldsText(y)}`;
  return x.map(([label, v], i) => {
    const w = y[i]![1];
    const shown = v === w ? v : `${v} vs ${w}`;
    return label === '' ? shown : `${label} ${shown}`;
  }).join(', ');
}

/** The entry of one differing pair, or undefined when the rows are equal. */
function entryOf(p: RowPair, names: readonly [string, string]): string | undefined {
  if (p.a !== undefined && p.b !== undefined) return same(p.a.fields, p.b.fields) ? undefined : `${p.a.path}: ${fieldsDiff(p.a.fields, p.b.fields)}`;
  const row = (p.a ?? p.b)!;
  return `${row.path}: ${fieldsText(row.fields)} (${p.a !== undefined ? names[0] : names[1]} only)`;
}

/** The parent key of a nested row (`mirrors/1` for `mirrors/1/devicePt/5`). */
const parentKey = (row: ObservationRow): string => row.key.split('/').slice(0, 2).join('/');

/**
 * Every differing row of `a` against `b` (at most `limit`), labelled; empty when deep-equal.
 * The rows nested in an entity only one side has are not repeated: the entity's entry says it.
 */
export function diffObservations(a: Observation, b: Observation, names: readonly [string, string] = ['model', 'impl'], limit = Infinity): string[] {
  const out: string[] = [];
  const oneSided = new Set<string>();
  for (const p of pairRows(observationRows(a), observationRows(b))) {
    if (out.length >= limit) break;
    const row = (p.a ?? p.b)!;
    if (row.depth === 1 && oneSided.has(parentKey(row))) continue;
    if (row.depth === 0 && (p.a === undefined || p.b === undefined)) oneSided.add(row.key);
    const entry = entryOf(p, names);
    if (entry !== undefined) out.push(entry);
  }
  return out;
}
