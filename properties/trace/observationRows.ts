/**
 * An observation (SPEC §7) as labelled rows, for a reader who does not know the tuples by heart:
 * one row per entity (`pages[0]: pfn 2, data 1, dirty true, stored 0, mapcount 1`), one per row
 * of a table nested in an entity (a mm's vmas and ptes, a mirror's mirror and device page tables,
 * a device's pending queue), one per scalar section. Each row has a key that names the same thing
 * in another observation (by id and vpn, not by array index), so two observations can be compared
 * row by row (observationDiff.ts) and a report can mark what changed (properties/report).
 */
import type { CpuPteObs, Observation, PteObs } from '../../spec/index.js';

/** A labelled field: `['dirty', 'true']`; an empty label prints the value alone (`present`). */
export type RowField = readonly [label: string, value: string];

/** One labelled row. */
export interface ObservationRow {
  /** The same entity or nested row in any observation: `pages/2`, `mirrors/1/devicePt/5`. */
  readonly key: string;
  /** Position in SPEC §7 order: section, entity key, nested table, row key. */
  readonly order: readonly (number | string)[];
  /** Where it sits in this observation: `pages[0]`, `mirrors[0].devicePt[1] (mirror 1)`. */
  readonly path: string;
  /** 0 for an entity or a scalar section, 1 for a row of a nested table. */
  readonly depth: 0 | 1;
  /** The section it belongs to (`mms`, `pages`, …). */
  readonly section: string;
  readonly fields: readonly RowField[];
}

/** `0x5`: addresses print in hex, as the program does. */
const hex = (v: number): string => (Number.isSafeInteger(v) && v >= 0 ? `0x${v.toString(16)}` : String(v));
const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** `label value, label value`: a row's fields as one line. */
export function fieldsText(fields: readonly RowField[]): string {
  return fields.map(([label, value]) => (label === '' ? value : `${label} ${value}`)).join(', ');
}

const cpuPteFields = (p: CpuPteObs): RowField[] =>
  p[1] === 'P' ? [['vpn', hex(p[0])], ['', 'present'], ['pfn', text(p[2])], ['write', text(p[3])]] : [['vpn', hex(p[0])], ['', 'swapped'], ['data', text(p[2])]];
const pteFields = (p: PteObs): RowField[] => [['vpn', hex(p[0])], ['pfn', text(p[1])], ['write', text(p[2])], ['dirty', text(p[3])]];

class RowList {
  readonly rows: ObservationRow[] = [];
  constructor(private readonly sectionIndex: number, private readonly section: string) {}
  entity(id: number | string, index: number, fields: RowField[], keyPart = String(id)): void {
    const path = `${this.section}[${index}]`;
    this.rows.push({ key: `${this.section}/${keyPart}`, order: [this.sectionIndex, id], path, depth: 0, section: this.section, fields });
  }
  nested(id: number, parent: number, owner: string, table: string, tableIndex: number, rowKey: number, index: number, fields: RowField[]): void {
    const path = `${this.section}[${parent}].${table}[${index}] (${owner})`;
    const key = `${this.section}/${id}/${table}/${rowKey}`;
    this.rows.push({ key, order: [this.sectionIndex, id, tableIndex, rowKey], path, depth: 1, section: this.section, fields });
  }
}

/** The rows of an observation, in SPEC §7 order. */
export function observationRows(o: Observation): ObservationRow[] {
  const mms = new RowList(0, 'mms');
  o.mms.forEach(([mm, state, vmas, ptes], i) => {
    mms.entity(mm, i, [['mm', text(mm)], ['state', state]]);
    vmas.forEach(([start, end, prot], j) => mms.nested(mm, i, `mm ${mm}`, 'vmas', 0, start, j, [['start', hex(start)], ['end', hex(end)], ['prot', prot]]));
    ptes.forEach((p, j) => mms.nested(mm, i, `mm ${mm}`, 'ptes', 1, p[0], j, cpuPteFields(p)));
  });
  const pages = new RowList(1, 'pages');
  o.pages.forEach(([pfn, data, dirty, stored, mapcount], i) =>
    pages.entity(pfn, i, [['pfn', text(pfn)], ['data', text(data)], ['dirty', text(dirty)], ['stored', text(stored)], ['mapcount', text(mapcount)]]));
  const mirrors = new RowList(2, 'mirrors');
  o.mirrors.forEach(([mirror, dev, mm, state, refs, mirrorPt, devicePt], i) => {
    mirrors.entity(mirror, i, [['mirror', text(mirror)], ['dev', text(dev)], ['mm', text(mm)], ['state', state], ['refs', text(refs)]]);
    mirrorPt.forEach((p, j) => mirrors.nested(mirror, i, `mirror ${mirror}`, 'mirrorPt', 0, p[0], j, pteFields(p)));
    devicePt.forEach((p, j) => mirrors.nested(mirror, i, `mirror ${mirror}`, 'devicePt', 1, p[0], j, pteFields(p)));
  });
  const fences = new RowList(3, 'fences');
  o.fences.forEach(([fence, dev, mirror, op, state, refs], i) =>
    fences.entity(fence, i, [['fence', text(fence)], ['dev', text(dev)], ['mirror', text(mirror)], ['op', text(op)], ['state', state], ['refs', text(refs)]]));
  const pending = new RowList(4, 'pending');
  o.pending.forEach(([dev, queue], i) => {
    pending.entity(dev, i, [['dev', text(dev)]]);
    queue.forEach(([fence, mirror, start, end], j) =>
      pending.nested(dev, i, `dev ${dev}`, 'queue', 0, j, j, [['fence', text(fence)], ['mirror', text(mirror)], ['start', hex(start)], ['end', hex(end)]]));
  });
  const ops = new RowList(5, 'ops');
  o.ops.forEach(([op, kind, mm, start, end, phase, updated, backoff, mirror], i) =>
    ops.entity(op, i, [['op', text(op)], ['kind', kind], ['mm', text(mm)], ['start', hex(start)], ['end', hex(end)], ['phase', phase],
      ['updated', text(updated)], ['backoff', text(backoff)], ['mirror', text(mirror)]]));
  const warnings: ObservationRow = { key: 'warnings', order: [6], path: 'warnings', depth: 0, section: 'warnings', fields: [['', text(o.warnings)]] };
  const violations = new RowList(7, 'violations');
  o.violations.forEach((v, i) => violations.entity(v, i, [['', JSON.stringify(v)]]));
  const { pfn, mirror, op, fence, mm } = o.next;
  const next: ObservationRow = {
    key: 'next', order: [8], path: 'next', depth: 0, section: 'next',
    fields: [['pfn', text(pfn)], ['mirror', text(mirror)], ['op', text(op)], ['fence', text(fence)], ['mm', text(mm)]],
  };
  return [...mms.rows, ...pages.rows, ...mirrors.rows, ...fences.rows, ...pending.rows, ...ops.rows, warnings, ...violations.rows, next];
}

/** Compares two rows' positions in SPEC §7 order (numbers before strings at the same place). */
export function compareRowOrder(a: ObservationRow, b: ObservationRow): number {
  for (let i = 0; i < Math.max(a.order.length, b.order.length); i++) {
    const x = a.order[i];
    const y = b.order[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
