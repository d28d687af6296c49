/**
 * The world's records (SPEC §2): plain maps and records, one per concept, owned by the reference
 * world. Each record says which commands (SPEC §3) and steps (SPEC §4) may change which fields.
 *
 * Maps keyed by id keep insertion order and ids only grow, so iterating one visits ids in order.
 */
import type {
  EventType, FaultKind, FaultPhase, FenceState, InvalidationKind, InvalidationPhase, MirrorState, MmState, Prot,
} from '../../spec/index.js';
import type { StatechartCoverage } from '../statecharts/catalog.js';
import type { Lifecycle } from '../statecharts/advance.js';

/** A vma `[start, end)`. Changed by mmap, mprotect, and munmap/mprotect apply; dropped by exit. */
export interface Vma {
  start: number;
  end: number;
  prot: Prot;
}

/** A CPU pte: present (maps a page) or swapped (holds the data written to swap). */
export type CpuPte =
  | { readonly kind: 'present'; pfn: number; write: boolean }
  | { readonly kind: 'swapped'; readonly data: number };

/** An address space. `ptes` change by populate (read, write, fault walk), writes, and apply steps. */
export interface Mm {
  readonly id: number;
  state: MmState;
  vmas: Vma[];
  readonly ptes: Map<number, CpuPte>;
  /** Live mirrors in registration order: register appends, teardown removes. */
  mirrors: number[];
}

/** A physical page. `mapcount` counts CPU ptes; the page is freed (deleted) when it reaches 0. */
export interface Page {
  readonly pfn: number;
  data: number;
  dirty: boolean;
  stored: number | null;
  mapcount: number;
}

/** A valid mirror pte or device pte. */
export interface Pte {
  pfn: number;
  write: boolean;
  dirty: boolean;
}

/** A mirror. Its page table changes at fault commit, event commit, reporting and teardown. */
export interface Mirror {
  readonly id: number;
  readonly dev: number;
  readonly mm: number;
  lifecycle: Lifecycle<MirrorState>;
  /** Ops holding it: a captured invalidation from start to end, a device fault from creation to end. */
  refs: number;
  /** HMM's per-mirror page table, vpn → pte. */
  readonly pt: Map<number, Pte>;
}

/** An invalidation queued on a device by a fenced update. */
export interface PendingInvalidation {
  readonly fence: number;
  readonly mirror: number;
  readonly start: number;
  readonly end: number;
}

/** The driver simulator's side of one device (SPEC §2, §6). */
export interface Device {
  readonly id: number;
  /** Device page table of each of its mirrors, mirror → vpn → pte (what the hardware uses). */
  readonly pt: Map<number, Map<number, Pte>>;
  /** FIFO of pending invalidations, oldest first: fenced updates append, signal/fail take the head. */
  readonly pending: PendingInvalidation[];
  /** Mirrors this driver has received `release` for. */
  readonly released: Set<number>;
}

/** A fence. Its state changes by signal/fail and by HMM's wait and unref (SPEC §4.2). */
export interface Fence {
  readonly id: number;
  readonly dev: number;
  readonly mirror: number;
  readonly op: number;
  lifecycle: Lifecycle<FenceState>;
  refs: number;
  /** The failure code given to `fail`, null otherwise. */
  code: string | null;
}

/** An invalidation op (SPEC §4.2). Only its own steps change it. */
export interface Invalidation {
  readonly family: 'invalidation';
  readonly id: number;
  readonly kind: InvalidationKind;
  readonly mm: number;
  readonly start: number;
  readonly end: number;
  readonly event: Exclude<EventType, 'DEVICE_RFAULT' | 'DEVICE_WFAULT'>;
  lifecycle: Lifecycle<InvalidationPhase>;
  /** Mirrors captured at start, each holding a ref until end. */
  captured: number[];
  /** Update steps done. */
  updated: number;
  /** Fences in the order the updates returned them. */
  readonly fences: number[];
  /** Fences finished (answered a wait with something other than -EAGAIN); they are a prefix of `fences`. */
  finished: number;
  /** mprotect: the new prot. */
  readonly prot: Prot | null;
  /** cow made by a CPU write: the value written at apply; null for a cow made by a device fault. */
  readonly value: number | null;
  /** fork: the child mm, numbered at apply. */
  child: number | null;
}

/** A page the fault walk recorded: the CPU pte's `{pfn, write}` at `vpn`. */
export interface FaultRecord {
  readonly vpn: number;
  readonly pfn: number;
  readonly write: boolean;
}

/** A device fault op (SPEC §4.3). `backoff` is also set by an overlapping invalidation's start. */
export interface Fault {
  readonly family: 'fault';
  readonly id: number;
  readonly kind: FaultKind;
  readonly mm: number;
  readonly start: number;
  readonly end: number;
  readonly mirror: number;
  lifecycle: Lifecycle<FaultPhase>;
  backoff: boolean;
  records: FaultRecord[];
}

/** An op in flight. */
export type Op = Invalidation | Fault;

/** The id each counter hands out next (SPEC §1): counters start at 1 (mm at 1, mm 0 exists). */
export interface Counters {
  pfn: number;
  mirror: number;
  op: number;
  fence: number;
  mm: number;
}

/** The whole reference world. */
export interface WorldState {
  readonly devices: Device[];
  readonly mms: Map<number, Mm>;
  readonly pages: Map<number, Page>;
  /** Mirrors until freed. */
  readonly mirrors: Map<number, Mirror>;
  /** Fences until freed. */
  readonly fences: Map<number, Fence>;
  /** Ops in flight. */
  readonly ops: Map<number, Op>;
  readonly next: Counters;
  warnings: number;
  readonly violations: string[];
  readonly coverage: StatechartCoverage | undefined;
}

/** A fresh world (SPEC §7 initial observation): mm 0 live with no vmas, `devices` idle devices. */
export function createWorldState(devices: number, coverage?: StatechartCoverage): WorldState {
  const mms = new Map<number, Mm>([[0, newMm(0)]]);
  return {
    devices: Array.from({ length: devices }, (_, id): Device => ({ id, pt: new Map(), pending: [], released: new Set() })),
    mms,
    pages: new Map(),
    mirrors: new Map(),
    fences: new Map(),
    ops: new Map(),
    next: { pfn: 1, mirror: 1, op: 1, fence: 1, mm: 1 },
    warnings: 0,
    violations: [],
    coverage,
  };
}

/** A live mm with no vmas, ptes or mirrors. */
export function newMm(id: number): Mm {
  return { id, state: 'live', vmas: [], ptes: new Map(), mirrors: [] };
}
