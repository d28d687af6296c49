/**
 * `StateSink`: where a world writes its complete state (`World.writeState`, optional) for the
 * explorer's state key (properties/explorer). A key must tell apart any two states that some
 * further commands could tell apart, on the model and on the implementation alike, so a world
 * writes everything its future depends on (hidden fields included: walk records, captured
 * mirrors, fence codes, its own bookkeeping), not only what `observe()` shows (SPEC §7).
 *
 * Symmetry. SPEC §1 hands out pfns, mirror, op and fence ids from counters and (SPEC §2–§5)
 * compares them, and device numbers, only for equality: order lives in explicit lists (an mm's mirrors in
 * registration order, an event's fences in the order added, a device's FIFO). So two states
 * that differ by a renaming of those ids behave alike up to that renaming. The sink renames
 * them in order of first appearance (`pfn`, `mirror`, `op`, `fence`), and says when the world
 * writing names an id for the first time, so it writes the entity's contents right after its
 * first reference. (A sink may take several worlds in turn, the model's and the
 * implementation's: they share the names, each writes every entity it references in full.)
 *
 * The world's side of the contract:
 * - it writes in an order that depends on those ids only through the names the sink gave
 *   (`nameOf`), never on their values: mms by id (mm ids are not renamed), page tables by vpn,
 *   lists in their own order, sets of entities sorted by contents or by name;
 * - every list is written length first, every optional value as a value or `nil`;
 * - a semantically transparent cache (one whose every consistent value behaves alike) may be
 *   written as "consistent or not" rather than by value.
 */

/** The id kinds a sink renames. */
export type IdKind = 'pfn' | 'mirror' | 'op' | 'fence' | 'dev';

export interface StateSink {
  /** A number, compared exactly (0 and -0 alike). */
  int(n: number): void;
  bool(b: boolean): void;
  /** A string (a word of SPEC's vocabulary, a failure code, a violation). */
  word(s: string): void;
  /** An absent value (null, no page, no entry). */
  nil(): void;
  /** A pfn, renamed; true the first time this world's walk names it (write the page after it). */
  pfn(id: number): boolean;
  /** A mirror id, renamed; true the first time (write the mirror after it). */
  mirror(id: number): boolean;
  /** An op id, renamed; true the first time (write the op after it). */
  op(id: number): boolean;
  /** A fence id, renamed; true the first time (write the fence after it). */
  fence(id: number): boolean;
  /**
   * A device number (SPEC §1: 0..devices-1). Devices too are compared only for equality, so a
   * sink may rename them in order of first appearance (when the commands explored treat every
   * device alike); then per-device sections (a device's FIFO, an mm's mirror of each device) are
   * written in the order of the devices' names (`nameOf('dev', d)`), devices without a name
   * yet last, by number.
   */
  dev(id: number): void;
  /** The name `id` has been given so far, 0 when none yet: for sorting sets by name. */
  nameOf(kind: IdKind, id: number): number;
}
