/**
 * The explorer's state key: the observation (SPEC §7) in canonical form, with its ids renamed
 * (see `renaming.ts` for why that is sound), followed by the hidden state the observation does
 * not show (`hiddenState.ts`) and the memoryIsMemory history (`memoryOracle.ts`), renamed alike;
 * the `next` counters are left out (they only supply fresh ids). It is written in compact form
 * (`keyWriter.ts`): two states get the same key exactly when they are equal up to renaming ids,
 * so a `Set<string>` of keys deduplicates them (no hashing, so no collision to reason about).
 */
import type { Observation, PageObs, PteObs } from '../../spec/index.js';
import type { HiddenState } from './hiddenState.js';
import { KeyWriter } from './keyWriter.js';
import type { MemorySnapshot } from './memoryOracle.js';
import { FirstAppearance, Ranks, renamed, type Renaming } from './renaming.js';

const writer = new KeyWriter();

/** The canonical key of a state. */
export function canonicalKey(o: Observation, hidden: HiddenState, memory: MemorySnapshot): string {
  const r = renamingOf(o, hidden, memory);
  writer.reset();
  writeObservation(writer, o, r);
  writeHidden(writer, o, hidden, r);
  memory.write(writer, r.op);
  return writer.text();
}

const pfns = new FirstAppearance();
const mirrors = new Ranks();
const ops = new Ranks();
const fences = new Ranks();
const renaming: Renaming = { pfn: pfns, mirror: mirrors, op: ops, fence: fences };

/**
 * The renaming of every id the observation, hidden state and memory name. It is rebuilt in
 * place by the next call: use it before calling again.
 */
export function renamingOf(o: Observation, hidden: HiddenState, memory: MemorySnapshot): Renaming {
  mirrors.clear();
  ops.clear();
  fences.clear();
  for (const m of o.mirrors) mirrors.list(m[0]);
  for (const op of o.ops) ops.list(op[0]);
  for (const f of o.fences) fences.list(f[0]);
  for (const op of memory.ops) ops.refer(op);
  for (const f of o.fences) {
    mirrors.refer(f[2]);
    ops.refer(f[3]);
  }
  for (const [, queue] of o.pending) {
    for (const e of queue) {
      fences.refer(e[0]);
      mirrors.refer(e[1]);
    }
  }
  for (const op of o.ops) if (op[8] !== null) mirrors.refer(op[8]);
  if (hidden.walks.size > 0) for (const op of hidden.walks.keys()) ops.refer(op);
  if (hidden.captured.size > 0) {
    for (const [op, captured] of hidden.captured) {
      ops.refer(op);
      for (const m of captured) mirrors.refer(m);
    }
  }
  mirrors.finish();
  ops.finish();
  fences.finish();
  namePfns(o, hidden);
  return renaming;
}

/** pfns in order of first appearance: CPU ptes, pages, mirror and device ptes, walk records. */
function namePfns(o: Observation, hidden: HiddenState): void {
  pfns.clear();
  for (const mm of o.mms) for (const pte of mm[3]) if (pte[1] === 'P') pfns.name(pte[2]);
  for (const page of o.pages) pfns.name(page[0]);
  for (const m of o.mirrors) {
    for (const pte of m[5]) pfns.name(pte[1]);
    for (const pte of m[6]) pfns.name(pte[1]);
  }
  if (hidden.walks.size === 0) return;
  for (const op of relevantWalks(o, hidden)) for (const rec of hidden.walks.get(op)!) pfns.name(rec[1]);
}

/** Faults whose walk records matter: those without backoff (SPEC §4.3 commit), ascending. */
function relevantWalks(o: Observation, hidden: HiddenState): number[] {
  if (hidden.walks.size === 0) return [];
  return o.ops.filter((op) => !op[7] && hidden.walks.has(op[0])).map((op) => op[0]);
}

function writeObservation(k: KeyWriter, o: Observation, r: Renaming): void {
  k.int(o.mms.length);
  for (const [mm, state, vmas, ptes] of o.mms) {
    k.int(mm);
    k.word(state);
    k.int(vmas.length);
    for (const v of vmas) {
      k.int(v[0]);
      k.int(v[1]);
      k.word(v[2]);
    }
    k.int(ptes.length);
    for (const p of ptes) {
      k.int(p[0]);
      k.word(p[1]);
      if (p[1] === 'P') {
        k.int(renamed(r.pfn, p[2], 'pfn'));
        k.bool(p[3]);
      } else {
        k.int(p[2]);
      }
    }
  }
  writePages(k, o, r);
  k.int(o.mirrors.length);
  for (const [id, dev, mm, state, refs, pt, dpt] of o.mirrors) {
    k.int(renamed(r.mirror, id, 'mirror'));
    k.int(dev);
    k.int(mm);
    k.word(state);
    k.int(refs);
    writePtes(k, pt, r);
    writePtes(k, dpt, r);
  }
  k.int(o.fences.length);
  for (const [id, dev, mirror, op, state, refs] of o.fences) {
    k.int(renamed(r.fence, id, 'fence'));
    k.int(dev);
    k.int(renamed(r.mirror, mirror, 'mirror'));
    k.int(renamed(r.op, op, 'op'));
    k.word(state);
    k.int(refs);
  }
  k.int(o.pending.length);
  for (const [dev, queue] of o.pending) {
    k.int(dev);
    k.int(queue.length);
    for (const e of queue) {
      k.int(renamed(r.fence, e[0], 'fence'));
      k.int(renamed(r.mirror, e[1], 'mirror'));
      k.int(e[2]);
      k.int(e[3]);
    }
  }
  k.int(o.ops.length);
  for (const [id, kind, mm, start, end, phase, updated, backoff, mirror] of o.ops) {
    k.int(renamed(r.op, id, 'op'));
    k.word(kind);
    k.int(mm);
    k.int(start);
    k.int(end);
    k.word(phase);
    k.int(updated);
    k.bool(backoff);
    k.intOrNull(mirror === null ? null : renamed(r.mirror, mirror, 'mirror'));
  }
  k.int(o.warnings);
  k.int(o.violations.length);
  for (const v of o.violations) k.word(v);
}

/** Pages with renamed pfns, sorted by them (SPEC §7 sorts entities by their first field). */
function writePages(k: KeyWriter, o: Observation, r: Renaming): void {
  const pages = o.pages;
  k.int(pages.length);
  let last = 0;
  let sorted = true;
  for (const p of pages) {
    const pfn = renamed(r.pfn, p[0], 'pfn');
    if (pfn < last) sorted = false;
    last = pfn;
  }
  if (sorted) {
    for (const p of pages) writePage(k, renamed(r.pfn, p[0], 'pfn'), p);
    return;
  }
  const order = pages.map((p) => [renamed(r.pfn, p[0], 'pfn'), p] as const);
  order.sort((a, b) => a[0] - b[0]);
  for (const [pfn, p] of order) writePage(k, pfn, p);
}

function writePage(k: KeyWriter, pfn: number, p: PageObs): void {
  k.int(pfn);
  k.int(p[1]);
  k.bool(p[2]);
  k.intOrNull(p[3]);
  k.int(p[4]);
}

function writePtes(k: KeyWriter, ptes: readonly PteObs[], r: Renaming): void {
  k.int(ptes.length);
  for (const p of ptes) {
    k.int(p[0]);
    k.int(renamed(r.pfn, p[1], 'pfn'));
    k.bool(p[2]);
    k.bool(p[3]);
  }
}

function writeHidden(k: KeyWriter, o: Observation, hidden: HiddenState, r: Renaming): void {
  const walks = relevantWalks(o, hidden);
  k.int(walks.length);
  for (const op of walks) {
    const records = hidden.walks.get(op)!;
    k.int(renamed(r.op, op, 'op'));
    k.int(records.length);
    for (const [vpn, pfn, write] of records) {
      k.int(vpn);
      k.int(renamed(r.pfn, pfn, 'pfn'));
      k.bool(write);
    }
  }
  const captured = hidden.captured.size < 2 ? [...hidden.captured.keys()] : [...hidden.captured.keys()].sort((a, b) => a - b);
  k.int(captured.length);
  for (const op of captured) {
    const mirrors = hidden.captured.get(op)!;
    k.int(renamed(r.op, op, 'op'));
    k.int(mirrors.length);
    for (const m of mirrors) k.int(renamed(r.mirror, m, 'mirror'));
  }
}
