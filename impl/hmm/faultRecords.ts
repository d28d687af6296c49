/**
 * The fault walk's records (SPEC §4.3 walk: `{pfn, write}` of each CPU pte of the range), kept
 * in a buffer that grows with the pages walked, not sized by the range: a walk over 2^36 pages
 * that stops at the first page without a vma allocates a few entries, not 2^36 (SPEC §1 allows
 * any range up to 2^36 pages; an array of the range's size cannot even be made past 2^32).
 */

/**
 * Records a walk starts with: most faults cover a page or a few. Small, so that the growth path
 * runs in ordinary checker runs too (at 16 no generated fault ever reached it: a Stryker survivor).
 */
const FIRST = 4;

/** An empty record buffer for a walk over `npages` pages. */
export function newRecords(npages: number): Uint32Array {
  return new Uint32Array(Math.min(npages, FIRST));
}

/** `records` with `e` at index `i` (the next one), doubled first when full. */
export function putRecord(records: Uint32Array, i: number, e: number): Uint32Array {
  let out = records;
  if (i >= out.length) {
    out = new Uint32Array(Math.max(FIRST, out.length * 2));
    out.set(records);
  }
  out[i] = e;
  return out;
}

/** The first `n` records, in an array of exactly that length. */
export function keptRecords(records: Uint32Array, n: number): Uint32Array {
  return records.length === n ? records : records.slice(0, n);
}
