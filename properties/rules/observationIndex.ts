/**
 * Look-ups over an observation (SPEC §7) shared by the rules of SPEC §6: the CPU pte of a vpn,
 * a mirror's ptes, and the two exemptions ("an active invalidation covers", "a pending
 * invalidation covers").
 *
 * The rules keep the interface `check(observation)`, and each looks up entries of other parts
 * for every pte it visits; a linear search per look-up made a check cost (ptes)^2 (a devFault
 * over 100,000 mapped pages took 20 s to check). So the observation is indexed once, the first
 * time a rule asks, and the index is kept with the observation object (a WeakMap: it goes when
 * the observation goes); every rule of one check then looks up in constant or logarithmic time.
 * This holds because an observation is a value: nothing changes it after `observe()` gave it.
 */
import { INVALIDATION_KINDS, type CpuPteObs, type MirrorObs, type Observation, type PteObs } from '../../spec/index.js';

const INVALIDATION: ReadonlySet<string> = new Set(INVALIDATION_KINDS);

/**
 * Ranges [start, end) merged into disjoint sorted intervals, asked "does one hold vpn?" by a
 * binary search: ops in flight may be many (disjoint CPU ops of one mm do not conflict).
 */
class Coverage {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(ranges: [start: number, end: number][]) {
    ranges.sort((a, b) => a[0] - b[0]);
    for (const [start, end] of ranges) {
      const last = this.ends.length - 1;
      if (last >= 0 && start <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, end);
      else {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  holds(vpn: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= vpn) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && vpn < this.ends[lo - 1]!;
  }
}

interface ObservationIndex {
  readonly mms: Map<number, { readonly state: string; readonly ptes: readonly CpuPteObs[] }>;
  /** Per mm, the ranges of its active invalidations (SPEC §6: an invalidation op not in phase `created`). */
  readonly active: Map<number, Coverage>;
  /** Per mirror, the ranges of its pending invalidations, over every device's FIFO. */
  readonly pending: Map<number, Coverage>;
}

const indexes = new WeakMap<Observation, ObservationIndex>();
const sortedTables = new WeakMap<readonly PteObs[], boolean>();
const tables = new WeakMap<readonly (CpuPteObs | PteObs)[], Map<number, CpuPteObs | PteObs>>();

function coverages(entries: Iterable<[key: number, start: number, end: number]>): Map<number, Coverage> {
  const ranges = new Map<number, [number, number][]>();
  for (const [key, start, end] of entries) {
    let list = ranges.get(key);
    if (list === undefined) ranges.set(key, (list = []));
    list.push([start, end]);
  }
  return new Map([...ranges].map(([key, list]) => [key, new Coverage(list)]));
}

function* activeRanges(o: Observation): Generator<[number, number, number]> {
  for (const [, kind, mm, start, end, phase] of o.ops) if (INVALIDATION.has(kind) && phase !== 'created') yield [mm, start, end];
}

function* pendingRanges(o: Observation): Generator<[number, number, number]> {
  for (const [, queue] of o.pending) for (const [, mirror, start, end] of queue) yield [mirror, start, end];
}

/** The index of `o`, built on the first call for that observation object. */
function indexOf(o: Observation): ObservationIndex {
  let index = indexes.get(o);
  if (index === undefined) {
    index = {
      mms: new Map(o.mms.map((m) => [m[0], { state: m[1], ptes: m[3] }])),
      active: coverages(activeRanges(o)),
      pending: coverages(pendingRanges(o)),
    };
    indexes.set(o, index);
  }
  return index;
}

/** The CPU pte of `vpn` in `mm`, or undefined if absent (or the mm is unknown). */
export function cpuPte(o: Observation, mm: number, vpn: number): CpuPteObs | undefined {
  const entry = indexOf(o).mms.get(mm);
  if (entry === undefined) return undefined;
  return byVpn(entry.ptes).get(vpn);
}

/** The state of `mm` (`live`/`dead`), or undefined when the mm does not exist. */
export function mmState(o: Observation, mm: number): string | undefined {
  return indexOf(o).mms.get(mm)?.state;
}

/** The pte of `vpn` in a mirror or device page table, or undefined. */
export function pteAt(table: readonly PteObs[], vpn: number): PteObs | undefined {
  return byVpn(table).get(vpn);
}

/** A table's entries by vpn, built once per table array (a table is a value, as its observation is). */
function byVpn<T extends CpuPteObs | PteObs>(table: readonly T[]): Map<number, T> {
  let map = tables.get(table) as Map<number, T> | undefined;
  if (map === undefined) {
    map = new Map(table.map((e) => [e[0], e]));
    tables.set(table, map);
  }
  return map;
}

/** Whether a table is sorted by vpn (SPEC §7), as a correct world gives it; remembered per table. */
function isSorted(table: readonly PteObs[]): boolean {
  let sorted = sortedTables.get(table);
  if (sorted === undefined) {
    sorted = table.every((e, i) => i === 0 || table[i - 1]![0] < e[0]);
    sortedTables.set(table, sorted);
  }
  return sorted;
}

/**
 * The entries of a table with start <= vpn < end: by binary search in a table sorted by vpn
 * (SPEC §7), by a scan in one that is not (a broken world's, which the rules must still judge).
 */
export function ptesIn<T extends PteObs>(table: readonly T[], start: number, end: number): readonly T[] {
  if (!isSorted(table)) return table.filter((e) => e[0] >= start && e[0] < end);
  const first = (v: number): number => {
    let lo = 0;
    let hi = table.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table[mid]![0] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return table.slice(first(start), first(end));
}

/**
 * True when an active invalidation of `mm` covers `vpn`: an invalidation op (kinds munmap,
 * mprotect, cow, fork, migrate, writeback, reclaim) of that mm whose phase is not `created`
 * and whose range [start, end) holds vpn (SPEC §6).
 */
export function activeInvalidationCovers(o: Observation, mm: number, vpn: number): boolean {
  return indexOf(o).active.get(mm)?.holds(vpn) ?? false;
}

/** True when some device's pending FIFO holds an entry of `mirror` with start <= vpn < end (SPEC §6). */
export function pendingCovers(o: Observation, mirror: number, vpn: number): boolean {
  return indexOf(o).pending.get(mirror)?.holds(vpn) ?? false;
}

/** Every pte of every listed mirror, with which table it sits in. */
export function* allMirrorPtes(o: Observation): Generator<{ mirror: MirrorObs; table: 'mirror' | 'device'; pte: PteObs }> {
  for (const mirror of o.mirrors) {
    for (const pte of mirror[5]) yield { mirror, table: 'mirror', pte };
    for (const pte of mirror[6]) yield { mirror, table: 'device', pte };
  }
}
