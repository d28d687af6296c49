/**
 * The device driver and MMU simulator (SPEC §2 device, §4.2 update/wait, §6 driverSaw): the
 * callbacks HMM calls (the seed's hmm_device_ops: update, fence_wait, fence_unref, release),
 * each device's FIFO of pending invalidations that signal/fail complete, and the sanitizer
 * that records every contract breach it receives (like KASAN; the `violations` of SPEC §7).
 */
import type { Choice } from '../../spec/index.js';
import type { Mirror } from '../hmm/mirror.js';
import type { Op } from '../hmm/op.js';
import type { Core } from '../world/core.js';
import { Fence } from './fence.js';
import { dropDevicePtes } from './report.js';

export interface PendingEntry {
  readonly fence: Fence;
  readonly mirror: Mirror;
  readonly start: number;
  readonly end: number;
}

/** What update answered: a fence, NULL (done synchronously) or an error. */
export type UpdateAnswer = Fence | null | 'error';

export class DeviceSim {
  /** Per device, pending invalidations oldest first. */
  readonly queues: PendingEntry[][];
  readonly violations: string[] = [];
  /** Mirrors whose release() was called. */
  private readonly releasedIds = new Set<number>();

  constructor(devices: number) {
    this.queues = Array.from({ length: devices }, () => []);
  }

  /** update(mirror, event) answered by `choice` (SPEC §4.2 step 2). */
  update(core: Core, m: Mirror, op: Op, choice: Choice): UpdateAnswer {
    // Interpretation: on a breach the driver records it and does nothing else for the call.
    const sane = this.expect(m.state !== 'freed', 'callbackFreedMirror', m.id)
      && this.expect(m.state === 'live', 'updateNotLive', m.id);
    if (!sane) return null;
    if (choice === 'sync') {
      dropDevicePtes(core, m, op.start, op.end);
      return null;
    }
    if (choice === 'error') return 'error';
    const f = new Fence(core.nextFence++, m.dev, m, op.id);
    core.fences.set(f.id, f);
    this.queues[m.dev].push({ fence: f, mirror: m, start: op.start, end: op.end });
    return f;
  }

  /** fence_wait: 'EAGAIN' while pending, 0 once signaled, the failure code once failed. */
  fenceWait(f: Fence): 0 | string {
    if (!this.expect(f.state !== 'freed', 'waitFreedFence', f.id)) return 'EIO';
    if (f.state === 'pending') return 'EAGAIN';
    return f.state === 'signaled' ? 0 : f.code;
  }

  /** fence_unref: at refs 0 the driver frees the fence. */
  fenceUnref(core: Core, f: Fence): void {
    if (!this.expect(f.state !== 'freed', 'unrefFreedFence', f.id)) return;
    if (--f.refs === 0) {
      f.state = 'freed';
      core.fences.delete(f.id);
    }
  }

  /**
   * fence_ref: HMM never calls it (SPEC §4.2); receiving it is a breach, recorded and otherwise
   * ignored, as the model's driver does (no reference is taken).
   */
  fenceRef(f: Fence): void {
    this.expect(false, 'fenceRef', f.id);
  }

  /** release(mirror): exactly once per released or killed mirror. */
  release(_core: Core, m: Mirror): void {
    if (!this.expect(m.state !== 'freed', 'callbackFreedMirror', m.id)) return;
    this.expect(!this.releasedIds.has(m.id), 'releaseTwice', m.id);
    this.releasedIds.add(m.id);
  }

  /**
   * signal/fail (SPEC §3): completes dev's oldest pending invalidation, dropping that mirror's
   * device ptes in range if it is live; the fence becomes signaled, or failed with `code`.
   */
  complete(core: Core, dev: number, code: string | null): Fence | null {
    const e = this.queues[dev].shift();
    if (e === undefined) return null;
    if (e.mirror.state === 'live') core.hmm.completeDrop(core, e.mirror, e.start, e.end);
    if (e.fence.state === 'pending') {
      e.fence.state = code === null ? 'signaled' : 'failed';
      e.fence.code = code ?? '';
    }
    return e.fence;
  }

  /**
   * The sanitizer (SPEC §6 driverSaw): a callback must satisfy `holds`; if not, the breach is
   * recorded as `<kind> <id>`. Returns `holds`. A correct HMM never makes it record anything.
   */
  private expect(holds: boolean, kind: string, id: number): boolean {
    if (!holds) this.violations.push(`${kind} ${id}`);
    return holds;
  }
}
