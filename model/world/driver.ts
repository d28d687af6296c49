/**
 * The driver simulator (SPEC §2 device, §4.2, §6 `driverSaw`): the driver's `update`, `release`,
 * `fence_wait` and `fence_unref` callbacks, the pending FIFO of fenced invalidations, and the
 * device's completion of them by `signal`/`fail`.
 *
 * Like KASAN, it records each contract breach it receives as a violation string and carries on.
 * HMM as modelled here never commits one; the checks stay so the model says so itself.
 */
import type { Choice } from '../../spec/index.js';
import { advance, initialLifecycle } from '../statecharts/advance.js';
import { fenceMachine, type FenceEvent } from '../statecharts/fence.js';
import { dropDevicePtes } from './devicePt.js';
import type { Fence, Invalidation, Mirror, WorldState } from './state.js';

/** What the driver's `update(mirror, event)` returned. */
export type UpdateAnswer = { readonly kind: 'sync' } | { readonly kind: 'fence'; readonly fence: number } | { readonly kind: 'error' };

/** What `fence_wait` answered: 0, `EAGAIN` (pending), or the failure code given to `fail`. */
export type WaitAnswer = 0 | string;

function saw(w: WorldState, violation: string): void {
  w.violations.push(violation);
}

/** A mirror id that was handed out and is no longer listed has been freed. */
export function isFreedMirror(w: WorldState, id: number): boolean {
  return id < w.next.mirror && !w.mirrors.has(id);
}

function isFreedFence(w: WorldState, id: number): boolean {
  return id < w.next.fence && !w.fences.has(id);
}

/**
 * The driver's `update(mirror, event)`, answered by `choice`: `sync` drops the device ptes in
 * range now; `fence` queues the invalidation and hands HMM a new pending fence (refs 1);
 * `error` returns an error (HMM kills the mirror).
 */
export function driverUpdate(w: WorldState, mirror: Mirror, op: Invalidation, choice: Choice): UpdateAnswer {
  if (isFreedMirror(w, mirror.id)) saw(w, `callbackFreedMirror ${mirror.id}`);
  else if (mirror.lifecycle.value !== 'live') saw(w, `updateNotLive ${mirror.id}`);
  if (choice === 'sync') {
    dropDevicePtes(w, mirror, op.start, op.end);
    return { kind: 'sync' };
  }
  if (choice === 'error') return { kind: 'error' };
  const fence = createFence(w, mirror, op.id);
  w.devices[mirror.dev].pending.push({ fence: fence.id, mirror: mirror.id, start: op.start, end: op.end });
  return { kind: 'fence', fence: fence.id };
}

/** The driver's `release(mirror)`: expected exactly once, for a released or killed mirror. */
export function driverRelease(w: WorldState, mirror: Mirror): void {
  const device = w.devices[mirror.dev];
  if (isFreedMirror(w, mirror.id)) saw(w, `callbackFreedMirror ${mirror.id}`);
  else if (device.released.has(mirror.id)) saw(w, `releaseTwice ${mirror.id}`);
  device.released.add(mirror.id);
}

function createFence(w: WorldState, mirror: Mirror, op: number): Fence {
  const fence: Fence = {
    id: w.next.fence++, dev: mirror.dev, mirror: mirror.id, op,
    lifecycle: initialLifecycle(fenceMachine, w.coverage), refs: 1, code: null,
  };
  w.fences.set(fence.id, fence);
  return fence;
}

function moveFence(w: WorldState, fence: Fence, event: FenceEvent): void {
  fence.lifecycle = advance(fence.lifecycle, event, `fence ${fence.id}`, w.coverage);
}

/** The driver's `fence_wait(fence)`: -EAGAIN while pending, 0 once signaled, the code once failed. */
export function fenceWait(w: WorldState, id: number): WaitAnswer {
  const fence = w.fences.get(id);
  if (fence === undefined) {
    if (isFreedFence(w, id)) saw(w, `waitFreedFence ${id}`);
    return 0;
  }
  moveFence(w, fence, { type: 'WAIT' });
  if (fence.lifecycle.value === 'pending') return 'EAGAIN';
  return fence.lifecycle.value === 'signaled' ? 0 : (fence.code ?? 'EIO');
}

/** The driver's `fence_unref(fence)`: drops HMM's reference; at refs 0 the driver frees the fence. */
export function fenceUnref(w: WorldState, id: number): void {
  const fence = w.fences.get(id);
  if (fence === undefined) {
    if (isFreedFence(w, id)) saw(w, `unrefFreedFence ${id}`);
    return;
  }
  fence.refs -= 1;
  moveFence(w, fence, { type: 'UNREF', refs: fence.refs });
  if (fence.lifecycle.value === 'freed') w.fences.delete(id);
}

/** The driver's `fence_ref(fence)`: HMM never takes a fence reference (SPEC §4.2), so any call is a breach. */
export function fenceRef(w: WorldState, id: number): void {
  saw(w, `fenceRef ${id}`);
}

/**
 * The device completes its oldest pending invalidation (SPEC §3 `signal`/`fail`): drops that
 * mirror's device ptes in range if the mirror is live, and the fence becomes `signaled`
 * (`code` null) or `failed` with `code`. Returns the fence id, or null if the queue is empty.
 */
export function completeOldest(w: WorldState, dev: number, code: string | null): number | null {
  const entry = w.devices[dev].pending.shift();
  if (entry === undefined) return null;
  const mirror = w.mirrors.get(entry.mirror);
  if (mirror !== undefined && mirror.lifecycle.value === 'live') dropDevicePtes(w, mirror, entry.start, entry.end);
  const fence = w.fences.get(entry.fence);
  if (fence === undefined) throw new Error(`pending invalidation of device ${dev} names freed fence ${entry.fence}`);
  fence.code = code;
  moveFence(w, fence, code === null ? { type: 'SIGNAL' } : { type: 'FAIL' });
  return fence.id;
}
