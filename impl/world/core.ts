/**
 * The implementation's world state (SPEC §2), shared by the CPU mm simulator, the HMM core and
 * the device simulator. Only the atomic steps of SPEC §3/§4 change it; each record says which.
 * A copy of it is made by world/cloneCore.ts.
 */
import type { HmmOps } from '../hmm/ops.js';
import type { Fence } from '../device/fence.js';
import { DeviceSim } from '../device/driver.js';
import type { Mirror } from '../hmm/mirror.js';
import type { Op } from '../hmm/op.js';
import { Mm } from '../cpu/mm.js';
import { Pages, SwapStore } from '../cpu/pages.js';
import { DirPool } from '../pagetable/pool.js';

/** The storage a `Core` is built on, when it is a copy (world/cloneCore.ts): the copied pool, pages, swap and driver. */
export interface CoreStorage {
  readonly pool: DirPool;
  readonly pages: Pages;
  readonly swap: SwapStore;
  readonly driver: DeviceSim;
}

export class Core {
  /** One pool for every table of this world (CPU, mirror and device page tables). */
  readonly pool: DirPool;
  readonly pages: Pages;
  readonly swap: SwapStore;
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

  /**
   * A new world's state: fresh storage and mm 0, live. Given `copied` (world/cloneCore.ts), the
   * state is built on that storage with no mm yet: the copier adds the mms, mirrors, ops and
   * fences, and the counters.
   */
  constructor(readonly devices: number, readonly hmm: HmmOps, copied?: CoreStorage) {
    if (copied === undefined) {
      this.pool = new DirPool();
      this.pages = new Pages();
      this.swap = new SwapStore();
      this.driver = new DeviceSim(devices);
      this.newMm();
    } else {
      this.pool = copied.pool;
      this.pages = copied.pages;
      this.swap = copied.swap;
      this.driver = copied.driver;
    }
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
