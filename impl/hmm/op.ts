/**
 * An op in flight (SPEC §4): an invalidation (the seed's struct hmm_event) or a device fault.
 * `phase`, `updated`, `fences`, `waited` change in the invalidation's steps; `backoff` at an
 * overlapping event's start and at the fault's start; `records` at the fault's walk.
 */
import type { EventType, OpKind, OpPhase, Prot } from '../../spec/index.js';
import type { Fence } from '../device/fence.js';
import type { Mm } from '../cpu/mm.js';
import type { Mirror } from './mirror.js';

export class Op {
  phase: OpPhase = 'created';
  /** Update steps done. */
  updated = 0;
  backoff = false;
  /** Mirrors captured at start (each holds a ref until end). */
  captured: Mirror[] = [];
  /** The event's fences in the order added. */
  readonly fences: Fence[] = [];
  /** Fences finished (answered something but -EAGAIN): the first `waited` of `fences`. */
  waited = 0;
  /** Fault walk records: one CPU pte (VALID|WRITE|pfn) per page of the range (set once the walk got through). */
  records: Uint32Array | null = null;
  /** fork: the child mm id once applied. */
  child = -1;

  constructor(
    readonly id: number,
    readonly kind: OpKind,
    readonly mm: Mm,
    readonly start: number,
    readonly end: number,
    readonly event: EventType,
    /** The faulting mirror (faults only). */
    readonly mirror: Mirror | null,
    /** cow from a CPU write: the value written; null for a cow made by a fault walk. */
    readonly value: number | null,
    /** mprotect: the new prot. */
    readonly prot: Prot | null,
  ) {}

  get isFault(): boolean {
    return this.mirror !== null;
  }
}
