/**
 * The observation (SPEC §7): one canonical JSON value that the model and the implementation
 * must give deep-equal after every command. Arrays of entities are sorted by their first field.
 */
import type { FenceState, MirrorState, MmState, OpKind, OpPhase, Prot } from './vocabulary.js';

/** `[start, end, prot]`: a vma, end exclusive. */
export type VmaObs = readonly [start: number, end: number, prot: Prot];
/** `[vpn, "P", pfn, write]` a present CPU pte, or `[vpn, "S", data]` a swapped one. */
export type CpuPteObs = readonly [vpn: number, tag: 'P', pfn: number, write: boolean] | readonly [vpn: number, tag: 'S', data: number];
/** `[mm, state, vmas, ptes]`. */
export type MmObs = readonly [mm: number, state: MmState, vmas: readonly VmaObs[], ptes: readonly CpuPteObs[]];
/** `[pfn, data, dirty, stored|null, mapcount]`. */
export type PageObs = readonly [pfn: number, data: number, dirty: boolean, stored: number | null, mapcount: number];
/** `[vpn, pfn, write, dirty]`: a valid mirror or device pte. */
export type PteObs = readonly [vpn: number, pfn: number, write: boolean, dirty: boolean];
/** `[mirror, dev, mm, state, refs, mirrorPt, devicePt]`, listed until freed. */
export type MirrorObs = readonly [
  mirror: number, dev: number, mm: number, state: Exclude<MirrorState, 'freed'>, refs: number,
  mirrorPt: readonly PteObs[], devicePt: readonly PteObs[],
];
/** `[fence, dev, mirror, op, state, refs]`, listed until freed. */
export type FenceObs = readonly [fence: number, dev: number, mirror: number, op: number, state: Exclude<FenceState, 'freed'>, refs: number];
/** `[fence, mirror, start, end]`: one pending invalidation in a device's FIFO. */
export type PendingEntryObs = readonly [fence: number, mirror: number, start: number, end: number];
/** `[dev, queue]` for every device 0..devices-1, queue oldest first. */
export type PendingObs = readonly [dev: number, queue: readonly PendingEntryObs[]];
/**
 * `[op, kind, mm, start, end, phase, updated, backoff, mirror|null]`, ops in flight only.
 * `updated`: update steps done (0 for faults); `backoff`: false for invalidations;
 * `mirror`: the faulting mirror, null for invalidations.
 */
export type OpObs = readonly [
  op: number, kind: OpKind, mm: number, start: number, end: number, phase: Exclude<OpPhase, 'end'>,
  updated: number, backoff: boolean, mirror: number | null,
];
/** The id each counter hands out next. */
export interface NextObs { readonly pfn: number; readonly mirror: number; readonly op: number; readonly fence: number; readonly mm: number }

export interface Observation {
  readonly mms: readonly MmObs[];
  readonly pages: readonly PageObs[];
  readonly mirrors: readonly MirrorObs[];
  readonly fences: readonly FenceObs[];
  readonly pending: readonly PendingObs[];
  readonly ops: readonly OpObs[];
  readonly warnings: number;
  /** Sorted as strings (JavaScript's default sort). */
  readonly violations: readonly string[];
  readonly next: NextObs;
}

/** The parts of the observation, in SPEC §7 order: an implementation may report a subset (docs/protocol.md). */
export const OBSERVATION_PARTS = ['mms', 'pages', 'mirrors', 'fences', 'pending', 'ops', 'warnings', 'violations', 'next'] as const;
export type ObservationPart = (typeof OBSERVATION_PARTS)[number];

/** The observation of a new world with `devices` devices (SPEC §7). */
export function initialObservation(devices: number): Observation {
  return {
    mms: [[0, 'live', [], []]],
    pages: [],
    mirrors: [],
    fences: [],
    pending: Array.from({ length: devices }, (_, dev): PendingObs => [dev, []]),
    ops: [],
    warnings: 0,
    violations: [],
    next: { pfn: 1, mirror: 1, op: 1, fence: 1, mm: 1 },
  };
}
