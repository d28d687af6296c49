/**
 * Mirrors (SPEC §2, §3 register/unregister, §5; INTERPRETATION 10): registration, the three ways
 * a mirror stops being live, teardown, and refs.
 *
 * Kernel reference: the series' `hmm_mirror_register`, `hmm_mirror_unregister`,
 * `hmm_mirror_release`, `hmm_mirror_kill`. A mirror moves only through `mirrorMachine`.
 */
import { advance, initialLifecycle } from '../statecharts/advance.js';
import { mirrorMachine, type MirrorEvent } from '../statecharts/mirror.js';
import { devicePt, dropDevicePte, propagateDirty } from './devicePt.js';
import { driverRelease } from './driver.js';
import type { Mirror, Mm, WorldState } from './state.js';

function moveMirror(w: WorldState, mirror: Mirror, event: MirrorEvent): void {
  mirror.lifecycle = advance(mirror.lifecycle, event, `mirror ${mirror.id}`, w.coverage);
}

/** True while the mirror is `live`. */
export function isLive(mirror: Mirror): boolean {
  return mirror.lifecycle.value === 'live';
}

/** The live mirror of device `dev` on mm `mmId`, if the mm is live and has one. */
export function liveMirrorOf(w: WorldState, dev: number, mmId: number): Mirror | undefined {
  const mm = w.mms.get(mmId);
  if (mm === undefined || mm.state !== 'live') return undefined;
  for (const id of mm.mirrors) {
    const mirror = w.mirrors.get(id);
    if (mirror !== undefined && mirror.dev === dev) return mirror;
  }
  return undefined;
}

/** A new live mirror with empty tables, appended to the mm's list (`hmm_mirror_register`). */
export function registerMirror(w: WorldState, dev: number, mm: Mm): Mirror {
  const mirror: Mirror = {
    id: w.next.mirror++, dev, mm: mm.id, lifecycle: initialLifecycle(mirrorMachine, w.coverage), refs: 0, pt: new Map(),
  };
  w.mirrors.set(mirror.id, mirror);
  w.devices[dev].pt.set(mirror.id, new Map());
  mm.mirrors.push(mirror.id);
  return mirror;
}

/** `hmm_mirror_unregister`: teardown without driver callback; freed at once if no op holds it. */
export function unregisterMirror(w: WorldState, mirror: Mirror): void {
  moveMirror(w, mirror, { type: 'UNREGISTER' });
  teardown(w, mirror);
  freeIfUnused(w, mirror);
}

/** The mm exits: teardown, then the driver's `release(mirror)`. */
export function releaseMirror(w: WorldState, mirror: Mirror): void {
  moveMirror(w, mirror, { type: 'RELEASE' });
  teardown(w, mirror);
  driverRelease(w, mirror);
  freeIfUnused(w, mirror);
}

/** An update error or a failed fence: teardown, then the driver's `release(mirror)`. */
export function killMirror(w: WorldState, mirror: Mirror): void {
  moveMirror(w, mirror, { type: 'KILL' });
  teardown(w, mirror);
  driverRelease(w, mirror);
  freeIfUnused(w, mirror);
}

/**
 * Teardown (INTERPRETATION 10): device ptes dropped in vpn order by the reporting rule, then
 * mirror ptes removed in vpn order with their dirty bits moved to pages; the mirror leaves the
 * mm's list. Its pending invalidations stay queued and its fences stay with their op.
 */
function teardown(w: WorldState, mirror: Mirror): void {
  for (const vpn of [...devicePt(w, mirror).keys()].sort((a, b) => a - b)) dropDevicePte(w, mirror, vpn);
  for (const vpn of [...mirror.pt.keys()].sort((a, b) => a - b)) {
    const pte = mirror.pt.get(vpn);
    if (pte !== undefined) propagateDirty(w, pte);
    mirror.pt.delete(vpn);
  }
  const mm = w.mms.get(mirror.mm);
  if (mm !== undefined) mm.mirrors = mm.mirrors.filter((id) => id !== mirror.id);
}

/** An op takes a reference on the mirror. */
export function refMirror(mirror: Mirror): void {
  mirror.refs += 1;
}

/** An op drops its reference; a mirror that is not live is freed when refs reach 0. */
export function unrefMirror(w: WorldState, mirror: Mirror): void {
  if (mirror.refs <= 0) throw new Error(`mirror ${mirror.id}: unref with refs ${mirror.refs}`);
  mirror.refs -= 1;
  if (!isLive(mirror)) freeIfUnused(w, mirror);
}

function freeIfUnused(w: WorldState, mirror: Mirror): void {
  if (mirror.refs !== 0) return;
  moveMirror(w, mirror, { type: 'FREE', refs: mirror.refs });
  w.mirrors.delete(mirror.id);
  w.devices[mirror.dev].pt.delete(mirror.id);
}

/** The mirror `id`, which must still be listed (an op holds a ref on it). */
export function mirrorOf(w: WorldState, id: number): Mirror {
  const mirror = w.mirrors.get(id);
  if (mirror === undefined) throw new Error(`mirror ${id} was freed while an op still names it`);
  return mirror;
}
