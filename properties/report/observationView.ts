/**
 * An observation (SPEC §7) as HTML for the report, one labelled row per entity and per row of a
 * nested table (properties/trace/observationRows.ts: `pfn 2, data 1, dirty true, stored 0,
 * mapcount 1`), with the changes from the previous observation marked: `add` (new), `chg` (its
 * fields changed), `del` (gone, struck through). Given the other world's observation of the same
 * step, every row where the two differ is followed by the other world's row (`other`), so a
 * failing step shows both sides where they part. Computed in Node at render time: no script.
 */
import type { Observation } from '../../spec/index.js';
import { fieldsText, observationRows, pairRows, type ObservationRow } from '../trace/index.js';
import { esc } from './html.js';

type Mark = 'same' | 'add' | 'chg' | 'del';

/** The rendered observation and how many rows changed. */
export interface ObservationView {
  readonly html: string;
  readonly changes: number;
}

/** The other world's observation at the same step, shown where it differs. */
export interface OtherSide {
  readonly name: string;
  readonly observation: Observation;
}

const SECTIONS = ['mms', 'pages', 'mirrors', 'fences', 'pending', 'ops', 'warnings', 'violations', 'next'] as const;
const INLINE: ReadonlySet<string> = new Set(['warnings', 'next']);
const TABLE_NAMES: Readonly<Record<string, string>> = { vmas: 'vma', ptes: 'pte', mirrorPt: 'mirror pte', devicePt: 'device pte', queue: 'queued' };

function line(mark: Mark | 'other', content: string): string {
  const cls = mark === 'same' ? '' : ` class="${mark}"`;
  const sign = { same: ' ', add: '+', chg: '~', del: '-', other: '≠' }[mark];
  return `<span${cls}><i>${sign}</i>${esc(content)}</span>`;
}

/** A row as a panel line: indented, nested rows named by their table. */
function rowText(row: ObservationRow): string {
  if (INLINE.has(row.section)) return `${row.section}: ${fieldsText(row.fields)}`;
  if (row.depth === 0) return `  ${fieldsText(row.fields)}`;
  const table = row.key.split('/')[2] ?? '';
  return `    ${TABLE_NAMES[table] ?? table}: ${fieldsText(row.fields)}`;
}

interface Shown {
  readonly row: ObservationRow;
  readonly mark: Mark;
}

/** Rows of `now`, and those of `before` that are gone, marked. */
function marked(now: readonly ObservationRow[], before: readonly ObservationRow[] | undefined): Shown[] {
  if (before === undefined) return now.map((row) => ({ row, mark: 'same' }));
  return pairRows(now, before).map(({ a, b }) => {
    if (a === undefined) return { row: b!, mark: 'del' };
    if (b === undefined) return { row: a, mark: 'add' };
    return { row: a, mark: fieldsText(a.fields) === fieldsText(b.fields) ? 'same' : 'chg' };
  });
}

/** `now` as HTML lines, marked against `before` (no marks when undefined), with `other` where it differs. */
export function observationView(now: Observation, before?: Observation, other?: OtherSide): ObservationView {
  const shown = marked(observationRows(now), before === undefined ? undefined : observationRows(before));
  const changes = shown.filter((s) => s.mark !== 'same').length;
  const byKey = new Map(shown.map((s) => [s.row.key, s]));
  const otherRows = other === undefined ? [] : observationRows(other.observation);
  const pairs = pairRows(shown.map((s) => s.row), otherRows);
  const out: string[] = [];
  let section = -1;
  const openSections = (upTo: number): void => {
    for (section++; section <= upTo; section++) {
      const name = SECTIONS[section]!;
      if (!INLINE.has(name)) out.push(line('same', `${name}:`));
    }
    section = upTo;
  };
  for (const { a, b } of pairs) {
    const row = (a ?? b)!;
    openSections(SECTIONS.indexOf(row.section as (typeof SECTIONS)[number]));
    const s = a === undefined ? undefined : byKey.get(a.key);
    if (s !== undefined) out.push(line(s.mark, rowText(s.row)));
    if (other === undefined) continue;
    const mine = s === undefined || s.mark === 'del' ? undefined : s.row;
    if (mine === undefined && b !== undefined) out.push(line('other', `${rowText(b)}   (${other.name} only)`));
    else if (mine !== undefined && b === undefined) out.push(line('other', `${rowText(mine)}   (absent in ${other.name})`));
    else if (mine !== undefined && b !== undefined && fieldsText(mine.fields) !== fieldsText(b.fields)) out.push(line('other', `${rowText(b)}   (${other.name})`));
  }
  openSections(SECTIONS.length - 1);
  return { html: out.join(''), changes };
}
