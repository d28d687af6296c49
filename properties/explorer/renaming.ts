/**
 * Id renaming for the explorer's canonical form, the symmetry reduction of TLC's symmetry sets:
 * states equal up to renaming their ids count once.
 *
 * Why it is sound (SPEC §1–§5). Ids are handed out by counters that never reuse a value, so a
 * fresh id is larger than every id in the state, under any naming that keeps order. Beyond
 * that, the semantics uses ids only as follows:
 * - **mirror, op, fence**: compared for equality and by *order*: capture and commit visit
 *   mirrors in registration order, which is id order; an event's fences are waited in the order
 *   added, which is id order; drain finishes ops in id order; the observation sorts by id.
 *   So they are renamed **monotonically** (rank among the ids present), which keeps all of it.
 * - **pfn**: compared for equality only (reporting rule and fault commit: "same pfn"); order
 *   shows only in the sorting of `pages`, which the canonical form redoes. So any permutation is
 *   a symmetry, and pfns are named in order of **first appearance** walking the CPU ptes in
 *   (mm, vpn) order, then pages, mirror and device ptes, walk records; this names equal
 *   structures alike even when their pages were allocated in a different order.
 * - **next counters** only supply fresh ids: dropped from the canonical form.
 * - **mm** ids are not renamed (the default scope has mm 0 only).
 */

/** Old id → canonical id, per kind of id. */
export interface Renaming {
  readonly pfn: ReadonlyMap<number, number>;
  readonly mirror: ReadonlyMap<number, number>;
  readonly op: ReadonlyMap<number, number>;
  readonly fence: ReadonlyMap<number, number>;
}

/** Names ids 1, 2, … in order of first call. */
export class FirstAppearance {
  readonly map = new Map<number, number>();

  /** The canonical name of `id`, given on first sight. */
  name(id: number): number {
    let n = this.map.get(id);
    if (n === undefined) {
      n = this.map.size + 1;
      this.map.set(id, n);
    }
    return n;
  }
}

/** Names the distinct ids of `ids` 1, 2, … in ascending order (monotone; sorts `ids` in place). */
export function rankIds(ids: number[]): Map<number, number> {
  ids.sort((a, b) => a - b);
  const map = new Map<number, number>();
  for (const id of ids) if (!map.has(id)) map.set(id, map.size + 1);
  return map;
}

/**
 * `rankIds` of `listed` and `referenced` together, fast when `listed` is ascending and names
 * every referenced id (the usual case: entities are listed sorted, SPEC §7, and references
 * point at listed entities); otherwise the general sort.
 */
export function rankListed(listed: readonly number[], referenced: readonly number[]): Map<number, number> {
  const map = new Map<number, number>();
  let last = -Infinity;
  for (const id of listed) {
    if (id <= last) return rankIds([...listed, ...referenced]);
    map.set(id, map.size + 1);
    last = id;
  }
  for (const id of referenced) if (!map.has(id)) return rankIds([...listed, ...referenced]);
  return map;
}

/** The canonical name of `id` under `map`; an id the collection missed is our own bug. */
export function renamed(map: ReadonlyMap<number, number>, id: number, kind: string): number {
  const n = map.get(id);
  if (n === undefined) throw new Error(`explorer: ${kind} ${id} was not collected for renaming`);
  return n;
}
