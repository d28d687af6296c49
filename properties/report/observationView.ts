/**
 * An observation (SPEC §7) as HTML for the report, one entity per line, with the changes from
 * the previous observation marked: `add` (a new entity), `chg` (an entity whose tuple changed,
 * keyed by its first field), `del` (an entity gone, shown struck through). Computed in Node at
 * render time, so the report needs no script to show a diff.
 */
import type { Observation } from '../../spec/index.js';
import { observationJson } from '../trace/index.js';
import { esc } from './html.js';

type Mark = 'same' | 'add' | 'chg' | 'del';

/** The rendered observation and how many lines changed. */
export interface ObservationView {
  readonly html: string;
  readonly changes: number;
}

const ENTITY_SECTIONS = ['mms', 'pages', 'mirrors', 'fences', 'pending', 'ops'] as const;
const SCALAR_SECTIONS = ['warnings', 'violations', 'next'] as const;

function line(mark: Mark, text: string): string {
  const cls = mark === 'same' ? '' : ` class="${mark}"`;
  const sign = { same: ' ', add: '+', chg: '~', del: '-' }[mark];
  return `<span${cls}><i>${sign}</i>${esc(text)}</span>`;
}

function keyed(rows: readonly (readonly unknown[])[]): Map<string, string> {
  return new Map(rows.map((row) => [JSON.stringify(row[0]), JSON.stringify(row)]));
}

function entitySection(name: string, now: readonly (readonly unknown[])[], before: readonly (readonly unknown[])[] | undefined, out: string[]): number {
  const old = keyed(before ?? now);
  const current = keyed(now);
  let changes = 0;
  out.push(line('same', `${name}:`));
  for (const [key, text] of current) {
    const was = old.get(key);
    const mark: Mark = was === undefined ? 'add' : was === text ? 'same' : 'chg';
    if (mark !== 'same') changes++;
    out.push(line(mark, `  ${text}`));
  }
  for (const [key, text] of old) {
    if (current.has(key)) continue;
    changes++;
    out.push(line('del', `  ${text}`));
  }
  return changes;
}

/** `now` as HTML lines, marked against `before` (no marks when `before` is undefined). */
export function observationView(now: Observation, before?: Observation): ObservationView {
  const a = observationJson(now) as unknown as Record<string, unknown>;
  const b = before === undefined ? undefined : (observationJson(before) as unknown as Record<string, unknown>);
  const out: string[] = [];
  let changes = 0;
  for (const name of ENTITY_SECTIONS) {
    changes += entitySection(name, a[name] as (readonly unknown[])[], b?.[name] as (readonly unknown[])[] | undefined, out);
  }
  for (const name of SCALAR_SECTIONS) {
    const text = JSON.stringify(a[name]);
    const changed = b !== undefined && JSON.stringify(b[name]) !== text;
    if (changed) changes++;
    out.push(line(changed ? 'chg' : 'same', `${name}: ${text}`));
  }
  return { html: out.join(''), changes };
}
