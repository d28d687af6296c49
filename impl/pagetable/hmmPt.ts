/**
 * `hmm_pt`: the HMM page table of the 2014 series (SPEC §2), used for mirror page tables,
 * device page tables and CPU page tables.
 *
 * A 4-level radix tree over the 36-bit vpn space, 9 bits per level: the root (level 3) is
 * indexed by vpn bits 27..35, level 2 by 18..26, level 1 by 9..17, leaves (level 0) by 0..8.
 * Directories come from a shared `DirPool`; an upper entry holds a child directory id (0: none);
 * a leaf entry holds a packed pte (`pte.ts`, 0: none). Each directory's count of non-zero entries
 * lives in `pool.counts`; a directory whose count drops to 0 goes back to the pool at once
 * (the root too: an empty table holds no directory), as hmm_pt_iter_fini's directory freeing did.
 * Range operations (`range.ts`) visit only populated directories.
 */
import { CHUNK_MASK, CHUNK_SHIFT, DIR_MASK, DIR_SHIFT, type DirPool } from './pool.js';

/** vpns covered by one entry of a directory of each level. */
export const SPAN = [1, 2 ** 9, 2 ** 18, 2 ** 27] as const;
export const TOP_LEVEL = 3;
const TOP_DIV = 2 ** 27;

export class HmmPt {
  /** Root directory id, 0 when the table is empty. */
  root = 0;
  /**
   * One-entry leaf cache (the hardware's page-walk cache): `leafKey` is vpn - (vpn & 511) of the
   * last leaf found, `leafDir` its directory. Reset whenever a directory of this table is freed.
   */
  leafKey = -1;
  leafDir = 0;
  /**
   * Set by every change of the table (its methods, the range operations of range.ts, the
   * copies of clone.ts), taken by the world's incremental structure check
   * (world/structureCheck.ts), which re-checks only the tables changed since its last look.
   * Not part of the table's state: a copy of a table starts changed.
   */
  #changed = true;

  constructor(readonly pool: DirPool) {}

  /** Records that the table changed (every writer calls it before it writes). */
  noteChange(): void {
    this.#changed = true;
  }

  /** Whether the table changed since the last call; clears the mark. */
  takeChange(): boolean {
    const changed = this.#changed;
    this.#changed = false;
    return changed;
  }

  /** The pte at vpn, 0 when none. Allocates nothing. */
  get(vpn: number): number {
    const ch = this.pool.chunks;
    const low = vpn & 511;
    if (vpn - low === this.leafKey) {
      const l = this.leafDir;
      return ch[l >>> CHUNK_SHIFT][((l & CHUNK_MASK) << DIR_SHIFT) | low];
    }
    let d = this.root;
    if (d === 0) return 0;
    d = ch[d >>> CHUNK_SHIFT][((d & CHUNK_MASK) << DIR_SHIFT) | ((vpn / TOP_DIV) | 0)];
    if (d === 0) return 0;
    d = ch[d >>> CHUNK_SHIFT][((d & CHUNK_MASK) << DIR_SHIFT) | ((vpn >>> 18) & 511)];
    if (d === 0) return 0;
    d = ch[d >>> CHUNK_SHIFT][((d & CHUNK_MASK) << DIR_SHIFT) | ((vpn >>> 9) & 511)];
    if (d === 0) return 0;
    this.leafKey = vpn - low;
    this.leafDir = d;
    return ch[d >>> CHUNK_SHIFT][((d & CHUNK_MASK) << DIR_SHIFT) | low];
  }

  /** Sets the pte at vpn to a non-zero entry, creating directories as needed. */
  set(vpn: number, e: number): void {
    if (e === 0) throw new Error(`hmm_pt invariant: set(${vpn}, 0); use clear()`);
    this.#changed = true;
    const pool = this.pool;
    const low = vpn & 511;
    let d = this.leafDir;
    if (vpn - low !== this.leafKey) {
      if (this.root === 0) this.root = pool.alloc();
      d = this.child(this.root, (vpn / TOP_DIV) | 0);
      d = this.child(d, (vpn >>> 18) & 511);
      d = this.child(d, (vpn >>> 9) & 511);
      this.leafKey = vpn - low;
      this.leafDir = d;
    }
    const c = pool.chunks[d >>> CHUNK_SHIFT];
    const i = ((d & CHUNK_MASK) << DIR_SHIFT) | (vpn & 511);
    if (c[i] === 0) pool.counts[d]++;
    c[i] = e;
  }

  /** Replaces an existing entry in place (the caller knows vpn is populated). */
  update(vpn: number, e: number): void {
    this.#changed = true;
    const ch = this.pool.chunks;
    let d = this.root;
    d = ch[d >>> CHUNK_SHIFT][((d & CHUNK_MASK) << DIR_SHIFT) | ((vpn / TOP_DIV) | 0)];
    d = ch[d >>> CHUNK_SHIFT][((d & CHUNK_MASK) << DIR_SHIFT) | ((vpn >>> 18) & 511)];
    d = ch[d >>> CHUNK_SHIFT][((d & CHUNK_MASK) << DIR_SHIFT) | ((vpn >>> 9) & 511)];
    const c = ch[d >>> CHUNK_SHIFT];
    const i = ((d & CHUNK_MASK) << DIR_SHIFT) | (vpn & 511);
    if (d === 0 || c[i] === 0 || e === 0) throw new Error(`hmm_pt invariant: update of absent vpn ${vpn}`);
    c[i] = e;
  }

  /** Removes the pte at vpn and returns it (0 if none); frees directories that become empty. */
  clear(vpn: number): number {
    const pool = this.pool;
    const ch = pool.chunks;
    const d3 = this.root;
    if (d3 === 0) return 0;
    this.#changed = true;
    const i3 = ((d3 & CHUNK_MASK) << DIR_SHIFT) | ((vpn / TOP_DIV) | 0);
    const d2 = ch[d3 >>> CHUNK_SHIFT][i3];
    if (d2 === 0) return 0;
    const i2 = ((d2 & CHUNK_MASK) << DIR_SHIFT) | ((vpn >>> 18) & 511);
    const d1 = ch[d2 >>> CHUNK_SHIFT][i2];
    if (d1 === 0) return 0;
    const i1 = ((d1 & CHUNK_MASK) << DIR_SHIFT) | ((vpn >>> 9) & 511);
    const d0 = ch[d1 >>> CHUNK_SHIFT][i1];
    if (d0 === 0) return 0;
    const i0 = ((d0 & CHUNK_MASK) << DIR_SHIFT) | (vpn & 511);
    const old = ch[d0 >>> CHUNK_SHIFT][i0];
    if (old === 0) return 0;
    ch[d0 >>> CHUNK_SHIFT][i0] = 0;
    if (--pool.counts[d0] !== 0) return old;
    this.leafKey = -1;
    pool.free(d0);
    ch[d1 >>> CHUNK_SHIFT][i1] = 0;
    pool.unmarkChild(d1, i1 & DIR_MASK);
    if (--pool.counts[d1] !== 0) return old;
    pool.free(d1);
    ch[d2 >>> CHUNK_SHIFT][i2] = 0;
    pool.unmarkChild(d2, i2 & DIR_MASK);
    if (--pool.counts[d2] !== 0) return old;
    pool.free(d2);
    ch[d3 >>> CHUNK_SHIFT][i3] = 0;
    pool.unmarkChild(d3, i3 & DIR_MASK);
    if (--pool.counts[d3] !== 0) return old;
    pool.free(d3);
    this.root = 0;
    return old;
  }

  get isEmpty(): boolean {
    return this.root === 0;
  }

  /** Child directory at index idx of directory d, allocated if absent. */
  private child(d: number, idx: number): number {
    const pool = this.pool;
    const c = pool.chunks[d >>> CHUNK_SHIFT];
    const i = ((d & CHUNK_MASK) << DIR_SHIFT) | idx;
    let x = c[i];
    if (x === 0) {
      x = pool.alloc(); // may push a chunk; `c` stays valid (chunks are never replaced)
      c[i] = x;
      pool.counts[d]++;
      pool.markChild(d, idx);
    }
    return x;
  }
}
