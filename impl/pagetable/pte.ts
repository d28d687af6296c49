/**
 * Pte bit packing for `hmm_pt` (the 2014 series' HMM page table, SPEC §2).
 *
 * One pte is one Uint32: bit0 VALID, bit1 WRITE, bit2 DIRTY (mirror and device tables) or SWAP
 * (CPU table: the upper field then holds a swap slot, not a pfn), bits 3..31 the pfn. An entry is
 * populated iff it is non-zero, and every non-zero entry has VALID set, so "count of valid entries"
 * and "count of non-zero entries" are the same number (checked by `checkStructure`).
 * Entries read from a Uint32Array are unsigned; always extract fields with `>>>`, never compare
 * a freshly built entry with a read one.
 */

export const PTE_VALID = 1;
export const PTE_WRITE = 2;
export const PTE_DIRTY = 4;
/** CPU table only: the entry is a swap entry; the field holds a swap slot. */
export const PTE_SWAP = 4;
export const PTE_FLAGS = 7;
export const PFN_SHIFT = 3;
/** First pfn that does not fit the 29-bit field. */
export const PFN_LIMIT = 2 ** 29;

/** Builds a valid pte; throws on a pfn the field cannot hold (our own invariant). */
export function makePte(pfn: number, flags: number): number {
  if (pfn >= PFN_LIMIT || pfn < 0) {
    throw new Error(`hmm_pt invariant: pfn ${pfn} does not fit the 29-bit pte field`);
  }
  return (pfn * 8 + (flags | PTE_VALID)) >>> 0;
}
