/**
 * Id renaming for the explorer's state key, the symmetry reduction of TLC's symmetry sets:
 * states equal up to renaming pfns and mirror, op and fence ids get one key.
 *
 * Why it is sound (SPEC §1–§5). Those ids come from counters that never reuse a value, so a
 * fresh id is new under any renaming, and the semantics compares them only for equality:
 * order lives in explicit lists (an mm's live mirrors in registration order, which capture,
 * commit and exit follow; an event's fences in the order added, which waits follow; a device's
 * FIFO). Nothing orders two ops, two fences, two mirrors or two pages by id but the sorting of
 * the observation (SPEC §7), which is presentation: each rule is a predicate over the entities,
 * whatever their order. So any renaming is a symmetry, and ids are named in order of first
 * appearance in each world's canonical walk (spec/stateSink.ts). The `next` counters only supply
 * fresh ids and are left out; mm ids are not renamed (a fork's child takes the next number,
 * which the scope's commands name).
 *
 * `JointNames` names the ids of one kind across all the worlds of a state (the model's walk
 * names them, the implementation's reuses the names, so the same entity has one name in both),
 * and remembers which ids the current world has written, so each world writes an entity's
 * contents after its own first reference to it.
 */

/** Ids below this index the tables directly; others go to a `Map`. */
const TABLE_IDS = 4096;

export class JointNames {
  size = 0;
  private names = new Int32Array(64);
  private stamps = new Int32Array(64);
  private seen = new Int32Array(64);
  private generation = 1;
  private world = 1;
  private readonly others = new Map<number, number>();
  private readonly othersSeen = new Map<number, number>();

  /** Forgets every name (a new state). */
  clear(): void {
    this.generation++;
    this.world++;
    this.size = 0;
    if (this.others.size > 0) this.others.clear();
    if (this.othersSeen.size > 0) this.othersSeen.clear();
  }

  /** The next world starts: names stay, no id is written by it yet. */
  nextWorld(): void {
    this.world++;
  }

  /** The name of `id`, or undefined. */
  get(id: number): number | undefined {
    if (id >= 0 && id < this.stamps.length && (id | 0) === id) return this.stamps[id] === this.generation ? this.names[id] : undefined;
    return this.others.get(id);
  }

  /** Names `id` (1, 2, … in order of first sight) unless named; returns the name. */
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

  /** Marks `id` written by the current world; true the first time. */
  firstInWorld(id: number): boolean {
    if ((id | 0) !== id || id < 0 || id >= TABLE_IDS) {
      if (this.othersSeen.get(id) === this.world) return false;
      this.othersSeen.set(id, this.world);
      return true;
    }
    if (id >= this.seen.length) this.grow(id);
    if (this.seen[id] === this.world) return false;
    this.seen[id] = this.world;
    return true;
  }

  private grow(id: number): void {
    const n = Math.min(TABLE_IDS, Math.max(id + 1, this.stamps.length * 2));
    const widen = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.names = widen(this.names);
    this.stamps = widen(this.stamps);
    this.seen = widen(this.seen);
  }
}
