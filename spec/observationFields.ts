/**
 * The observation of SPEC §7, field by field, as data: what each part holds and what each field
 * of its entries means. The names are the labels of the tuple types in `observation.ts` (and the
 * keys of `next`); test/spec/observationFields.test.ts holds the two together and checks the
 * arity of every entry of real observations. docs/semantics.md prints it (`hmm-check docs`).
 */
import type { ObservationPart } from './observation.js';

/** One field of a part's entries. */
export interface ObservationField {
  readonly name: string;
  readonly meaning: string;
}

/** One part of the observation. */
export interface ObservationPartFields {
  /** What the part lists, and in which order. */
  readonly meaning: string;
  /** The fields of each entry, in order (for `next`, its keys); empty for a plain value. */
  readonly fields: readonly ObservationField[];
}

const PTE_LIST = '`[[vpn, pfn, write, dirty]]` sorted by vpn';

/** Every part of the observation, in SPEC §7 order. */
export const OBSERVATION_FIELDS: { readonly [P in ObservationPart]: ObservationPartFields } = {
  mms: {
    meaning: 'every address space ever created, sorted by mm (a dead mm stays listed)',
    fields: [
      { name: 'mm', meaning: 'its number: 0 is there from the start, a fork child takes the next one when it appears' },
      { name: 'state', meaning: '`live`, or `dead` after exit' },
      { name: 'vmas', meaning: '`[[start, end, prot]]`, end exclusive, sorted and maximal (adjacent vmas with the same prot are one)' },
      { name: 'ptes', meaning: 'the CPU page table sorted by vpn: `[vpn, "P", pfn, write]` present, `[vpn, "S", data]` swapped' },
    ],
  },
  pages: {
    meaning: 'every page not freed, sorted by pfn (a page is freed when its mapcount drops to 0)',
    fields: [
      { name: 'pfn', meaning: 'its physical page number' },
      { name: 'data', meaning: 'its contents' },
      { name: 'dirty', meaning: 'the contents are newer than the stored copy' },
      { name: 'stored', meaning: 'the copy on storage or swap, or `null` when there is none (a COW copy)' },
      { name: 'mapcount', meaning: 'the CPU ptes that map it' },
    ],
  },
  mirrors: {
    meaning: 'every mirror until it is freed, sorted by id',
    fields: [
      { name: 'mirror', meaning: 'its id' },
      { name: 'dev', meaning: 'its device' },
      { name: 'mm', meaning: 'the address space it mirrors' },
      { name: 'state', meaning: '`live`, `unregistered`, `released` or `killed`' },
      { name: 'refs', meaning: 'the ops in flight holding it' },
      { name: 'mirrorPt', meaning: `HMM's mirror page table, ${PTE_LIST}` },
      { name: 'devicePt', meaning: `the device page table the hardware uses for this mirror, ${PTE_LIST}` },
    ],
  },
  fences: {
    meaning: 'every fence until it is freed, sorted by id',
    fields: [
      { name: 'fence', meaning: 'its id' },
      { name: 'dev', meaning: 'the device that returned it' },
      { name: 'mirror', meaning: 'the mirror whose update returned it' },
      { name: 'op', meaning: 'the invalidation op that collected it' },
      { name: 'state', meaning: '`pending`, `signaled` or `failed`' },
      { name: 'refs', meaning: 'references held (HMM holds the one the update handed over)' },
    ],
  },
  pending: {
    meaning: 'one entry per device `0..devices-1`, in device order',
    fields: [
      { name: 'dev', meaning: 'the device' },
      { name: 'queue', meaning: 'its pending invalidations `[[fence, mirror, start, end]]`, oldest first' },
    ],
  },
  ops: {
    meaning: 'the ops in flight, sorted by id',
    fields: [
      { name: 'op', meaning: 'its id' },
      { name: 'kind', meaning: '`munmap`, `mprotect`, `cow`, `fork`, `migrate`, `writeback`, `reclaim` (invalidations) or `rfault`, `wfault` (device faults)' },
      { name: 'mm', meaning: 'its address space' },
      { name: 'start', meaning: 'first vpn of its range' },
      { name: 'end', meaning: 'one past the last vpn of its range' },
      { name: 'phase', meaning: 'its state in the invalidation or fault statechart: the last step that took effect (`created` before any)' },
      { name: 'updated', meaning: 'update steps done (0 for faults)' },
      { name: 'backoff', meaning: "set when an overlapping invalidation starts, cleared when the fault's own start succeeds (false for invalidations)" },
      { name: 'mirror', meaning: 'the faulting mirror, `null` for invalidations' },
    ],
  },
  warnings: {
    meaning: 'a count: fence waits that answered a code other than 0, -EIO and -EAGAIN',
    fields: [],
  },
  violations: {
    meaning: 'the contract breaches the driver simulator received, as strings, sorted',
    fields: [],
  },
  next: {
    meaning: 'the id each counter hands out next',
    fields: [
      { name: 'pfn', meaning: 'the next page' },
      { name: 'mirror', meaning: 'the next mirror' },
      { name: 'op', meaning: 'the next op' },
      { name: 'fence', meaning: 'the next fence' },
      { name: 'mm', meaning: 'the next address space' },
    ],
  },
};
