/**
 * The implementation's world state (SPEC §2), shared by the CPU mm simulator, the HMM core and
 * the device simulator. Only the atomic steps of SPEC §3/§4 change it; each record says which.
 */
import type { HmmOps } from '../hmm/ops.js';
import type { Fence } from '../device/fence.js';
import { DeviceSim } from '../device/driver.js';
import type { Mirror } from '../hmm/mirror.js';
import type { Op } from '../hmm/op.js';
import { Mm } from '../cpu/mm.js';
import { Pages, SwapStore } from '../cpu/pages.js';
import { DirPool } from '../pagetable/pool.js';

export class Core {
  /** One pool for every table of this world (CPU, mirror and device page tables). */
  readonly pool = new DirPool();
  readonly pages = new Pages();
  readonly swap = new SwapStore();
  /** Every mm ever created, indexed by id (mm 0 is created live). */
  readonly mms: Mm[] = [];
  /** Mirrors until freed, by id. */
  readonly mirrors = new Map<number, Mirror>();
  /** Ops in flight, by id. */
  readonly ops = new Map<number, Op>();
  /** Fences until freed, by id. */
  readonly fences = new Map<number, Fence>();
  readonly driver: DeviceSim;
  /** Fence waits that answered a code other than 0, -EIO, -EAGAIN (SPEC §2 warnings). */
  warnings = 0;
  nextMirror = 1;
  nextOp = 1;
  nextFence = 1;

  constructor(readonly devices: number, readonly hmm: HmmOps) {
    this.driver = new DeviceSim(devices);
    this.newMm();
  }

  /** A new live mm with the next mm id. */
  newMm(): Mm {
    const mm = new Mm(this.mms.length, this.devices, this.pool);
    this.mms.push(mm);
    return mm;
  }

  /** The mm if it exists and is live, else null (ESRCH / ENOENT for the caller). */
  liveMm(id: number): Mm | null {
    const mm = this.mms[id];
    return mm !== undefined && mm.state === 'live' ? mm : null;
  }

  /** The live mirror of dev on mm, or null. */
  liveMirror(dev: number, mmId: number): Mirror | null {
    const mm = this.liveMm(mmId);
    return mm === null ? null : mm.mirrorByDev[dev];
  }
}
