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

/** Old id → canonical id for one kind of id (a `Map` will do; the explorer uses `IdNames`). */
export interface IdNaming {
  get(id: number): number | undefined;
}

/** Old id → canonical id, per kind of id. */
export interface Renaming {
  readonly pfn: IdNaming;
  readonly mirror: IdNaming;
  readonly op: IdNaming;
  readonly fence: IdNaming;
}

/** Ids below this index the tables of `IdNames` directly; others go to a `Map`. */
const TABLE_IDS = 4096;

/**
 * A naming of ids, reusable without allocation: small ids index a table whose entries belong
 * to the current generation only, so `clear` forgets them all at once; other ids (negative,
 * fractional or large: never in a sane state) fall back to a `Map`.
 */
export class IdNames implements IdNaming {
  size = 0;
  private names = new Int32Array(64);
  private stamps = new Int32Array(64);
  private generation = 1;
  private readonly others = new Map<number, number>();

  /** Forgets every name. */
  clear(): void {
    this.generation++;
    this.size = 0;
    if (this.others.size > 0) this.others.clear();
  }

  get(id: number): number | undefined {
    if (id >= 0 && id < this.stamps.length && (id | 0) === id) return this.stamps[id] === this.generation ? this.names[id] : undefined;
    return this.others.get(id);
  }

  /** Names `id` with the next name, 1, 2, …, unless it has one; returns its name. */
  name(id: number): number {
    const n = this.get(id);
    if (n !== undefined) return n;
    this.size++;
    if ((id | 0) !== id || id < 0 || id >= TABLE_IDS) {
      this.others.set(id, this.size);
      return this.size;
    }
    if (id >= this.stamps.length) this.grow(id);
    this.stamps[id] = this.generation;
    this.names[id] = this.size;
    return this.size;
  }

  private grow(id: number): void {
    const n = Math.min(TABLE_IDS, Math.max(id + 1, this.stamps.length * 2));
    const names = new Int32Array(n);
    names.set(this.names);
    this.names = names;
    const stamps = new Int32Array(n);
    stamps.set(this.stamps);
    this.stamps = stamps;
  }
}

/** Names ids 1, 2, … in order of first sight (`name`). */
export class FirstAppearance extends IdNames {}

/**
 * Ids named by rank among those present (monotone): listed ids (entities, ascending as SPEC §7
 * lists them) are named as they come, referenced ones must be among them. When they are not
 * (an unsorted list, a dangling reference: a broken world), `finish` ranks all of them again.
 */
export class Ranks extends IdNames {
  /** Every id seen since `clear`: the first `seen` of `all` (kept, not shrunk, between uses). */
  private readonly all: number[] = [];
  private seen = 0;
  private last = -Infinity;
  private ordered = true;

  override clear(): void {
    super.clear();
    this.seen = 0;
    this.last = -Infinity;
    this.ordered = true;
  }

  /** An id of a listed entity, in listing order. */
  list(id: number): void {
    this.all[this.seen++] = id;
    if (id <= this.last) this.ordered = false;
    else if (this.ordered) this.name(id);
    this.last = id;
  }

  /** An id referenced from elsewhere in the state. */
  refer(id: number): void {
    this.all[this.seen++] = id;
    if (this.ordered && this.get(id) === undefined) this.ordered = false;
  }

  /** Ranks every id seen, unless listing and references were already in order. */
  finish(): void {
    if (this.ordered) return;
    const ids = this.all.slice(0, this.seen).sort((a, b) => a - b);
    super.clear();
    for (const id of ids) this.name(id);
  }
}

/** The canonical name of `id` under `names`; an id the collection missed is our own bug. */
export function renamed(names: IdNaming, id: number, kind: string): number {
  const n = names.get(id);
  if (n === undefined) throw new Error(`explorer: ${kind} ${id} was not collected for renaming`);
  return n;
}
