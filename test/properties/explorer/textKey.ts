/**
 * The explorer's state keys as readable text, the way they were written before the compact
 * form (properties/explorer/keyWriter.ts): the reference the compact keys are checked against
 * in canonical.test.ts (same renaming, same parts, same order; equal texts ⇔ equal states).
 */
import type { Observation, PteObs } from '../../../spec/index.js';
import { renamingOf } from '../../../properties/explorer/canonical.js';
import type { HiddenState } from '../../../properties/explorer/hiddenState.js';
import type { MemorySnapshot } from '../../../properties/explorer/memoryOracle.js';
import { renamed, type Renaming } from '../../../properties/explorer/renaming.js';

/** The readable key of a state. */
export function textKey(o: Observation, hidden: HiddenState, memory: MemorySnapshot): string {
  const r = renamingOf(o, hidden, memory);
  return `${observationText(o, r)}|${hiddenText(o, hidden, r)}|${memory.render(r.op)}`;
}

/** Faults whose walk records matter: those without backoff, ascending. */
function relevantWalks(o: Observation, hidden: HiddenState): number[] {
  if (hidden.walks.size === 0) return [];
  return o.ops.filter((op) => !op[7] && hidden.walks.has(op[0])).map((op) => op[0]);
}

function observationText(o: Observation, r: Renaming): string {
  let s = '';
  for (const [mm, state, vmas, ptes] of o.mms) {
    s += `m${mm}${state}`;
    for (const v of vmas) s += `[${v[0]},${v[1]},${v[2]}]`;
    for (const p of ptes) s += p[1] === 'P' ? `(${p[0]}P${renamed(r.pfn, p[2], 'pfn')}${p[3] ? 'w' : ''})` : `(${p[0]}S${p[2]})`;
  }
  s += ';' + pagesText(o, r) + ';';
  for (const [id, dev, mm, state, refs, pt, dpt] of o.mirrors) {
    s += `M${renamed(r.mirror, id, 'mirror')},${dev},${mm},${state},${refs}${ptesText(pt, r)}/${ptesText(dpt, r)}`;
  }
  s += ';';
  for (const [id, dev, mirror, op, state, refs] of o.fences) {
    s += `F${renamed(r.fence, id, 'fence')},${dev},${renamed(r.mirror, mirror, 'mirror')},${renamed(r.op, op, 'op')},${state},${refs}`;
  }
  s += ';';
  for (const [dev, queue] of o.pending) {
    s += `D${dev}`;
    for (const e of queue) s += `[${renamed(r.fence, e[0], 'fence')},${renamed(r.mirror, e[1], 'mirror')},${e[2]},${e[3]}]`;
  }
  s += ';';
  for (const [id, kind, mm, start, end, phase, updated, backoff, mirror] of o.ops) {
    const m = mirror === null ? '-' : renamed(r.mirror, mirror, 'mirror');
    s += `O${renamed(r.op, id, 'op')},${kind},${mm},${start},${end},${phase},${updated},${backoff ? 1 : 0},${m}`;
  }
  return `${s};${o.warnings};${o.violations.join(',')}`;
}

/** Pages with renamed pfns, sorted by them (SPEC §7 sorts entities by their first field). */
function pagesText(o: Observation, r: Renaming): string {
  const pages = o.pages.map((p) => [renamed(r.pfn, p[0], 'pfn'), `${p[1]},${p[2] ? 1 : 0},${p[3] ?? '-'},${p[4]}`] as const);
  pages.sort((a, b) => a[0] - b[0]);
  let s = '';
  for (const [pfn, rest] of pages) s += `p${pfn},${rest}`;
  return s;
}

function ptesText(ptes: readonly PteObs[], r: Renaming): string {
  let s = '';
  for (const p of ptes) s += `(${p[0]},${renamed(r.pfn, p[1], 'pfn')}${p[2] ? 'w' : ''}${p[3] ? 'd' : ''})`;
  return s;
}

function hiddenText(o: Observation, hidden: HiddenState, r: Renaming): string {
  let s = '';
  for (const op of relevantWalks(o, hidden)) {
    s += `W${renamed(r.op, op, 'op')}`;
    for (const [vpn, pfn, write] of hidden.walks.get(op)!) s += `(${vpn},${renamed(r.pfn, pfn, 'pfn')}${write ? 'w' : ''})`;
  }
  for (const op of [...hidden.captured.keys()].sort((a, b) => a - b)) {
    s += `C${renamed(r.op, op, 'op')}:${hidden.captured.get(op)!.map((m) => renamed(r.mirror, m, 'mirror')).join(',')}`;
  }
  return s;
}
