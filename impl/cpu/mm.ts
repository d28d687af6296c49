/**
 * An address space (SPEC §2 mm): state, vmas, CPU page table, live mirrors in registration
 * order, and the per-mm sets HMM keeps (the seed's struct hmm): CPU ops in flight (for EBUSY),
 * the device-fault registry (for backoff) and the active events (for fault start).
 * vmas/pt change only in CPU commands and apply steps; the sets in op creation, start and end.
 */
import type { Mirror } from '../hmm/mirror.js';
import { IntervalSet } from '../hmm/intervalSet.js';
import type { Op } from '../hmm/op.js';
import { HmmPt } from '../pagetable/hmmPt.js';
import type { DirPool } from '../pagetable/pool.js';
import { Vmas } from './vmas.js';

export class Mm {
  state: 'live' | 'dead' = 'live';
  vmas = new Vmas();
  /** CPU ptes: VALID|WRITE|pfn (present) or VALID|SWAP|slot (swapped). */
  readonly pt: HmmPt;
  /** Live mirrors in registration order. */
  mirrors: Mirror[] = [];
  /** The live mirror of each device, or null. */
  readonly mirrorByDev: (Mirror | null)[];
  /** Invalidation ops (CPU operations) of this mm in flight, any phase. */
  readonly cpuOps = new IntervalSet();
  /** The fork in flight, if any: it holds the mm exclusively. */
  forkOp: Op | null = null;
  /** Device faults of this mm in flight, any phase (the fault registry). */
  readonly faults: Op[] = [];
  /** Invalidation ops past `created` and not ended (the active events). */
  readonly active = new IntervalSet();

  constructor(readonly id: number, devices: number, pool: DirPool) {
    this.pt = new HmmPt(pool);
    this.mirrorByDev = new Array<Mirror | null>(devices).fill(null);
  }

  /** SPEC §3 EBUSY: a CPU operation of this mm overlapping [start, end) is in flight. */
  cpuBusy(start: number, end: number): boolean {
    return this.forkOp !== null || this.cpuOps.overlaps(start, end);
  }

  /** SPEC §4.3 start: an active invalidation overlaps [start, end). */
  activeOverlaps(start: number, end: number): boolean {
    return this.active.overlaps(start, end);
  }
}
