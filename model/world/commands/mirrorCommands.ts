/**
 * `register`, `unregister`, `devRead`, `devWrite`, `devFault` (SPEC §3; INTERPRETATION 13).
 * Checks in SPEC §3 order: EINVAL (a `dev` outside `0..devices-1` included), then ESRCH
 * (register) or ENOENT (no live mirror of `dev` on a live `mm`), then the command's own conditions.
 */
import {
  err, isRange, isVpn, ok, opCreated,
  type DevFault, type DevRead, type DevWrite, type Register, type Result, type Unregister,
} from '../../../spec/index.js';
import { devicePt } from '../devicePt.js';
import { createFault } from '../fault.js';
import { liveMirrorOf, registerMirror, unregisterMirror } from '../mirrors.js';
import { liveMm } from '../mm.js';
import { pageOf } from '../pages.js';
import type { WorldState } from '../state.js';
import { isDev, isId, isValue } from './checks.js';

/** `register`: a new live mirror of `dev` on `mm`. EEXIST when dev already has a live mirror of mm. */
export function register(w: WorldState, c: Register): Result {
  if (!isDev(w, c.dev) || !isId(c.mm)) return err('EINVAL');
  const mm = liveMm(w, c.mm);
  if (mm === undefined) return err('ESRCH');
  if (liveMirrorOf(w, c.dev, mm.id) !== undefined) return err('EEXIST');
  return ok(registerMirror(w, c.dev, mm).id);
}

/** `unregister`: the live mirror of `dev` on `mm` is torn down; freed when no op holds it. */
export function unregister(w: WorldState, c: Unregister): Result {
  if (!isDev(w, c.dev) || !isId(c.mm)) return err('EINVAL');
  const mirror = liveMirrorOf(w, c.dev, c.mm);
  if (mirror === undefined) return err('ENOENT');
  unregisterMirror(w, mirror);
  return ok(0);
}

/** `devRead`: reads through a present device pte, else a device read fault on `[vpn, vpn+1)`. */
export function devRead(w: WorldState, c: DevRead): Result {
  if (!isDev(w, c.dev) || !isId(c.mm) || !isVpn(c.vpn)) return err('EINVAL');
  const mirror = liveMirrorOf(w, c.dev, c.mm);
  if (mirror === undefined) return err('ENOENT');
  const pte = devicePt(w, mirror).get(c.vpn);
  if (pte !== undefined) return ok(pageOf(w, pte.pfn).data);
  return opCreated(createFault(w, mirror, 'rfault', c.vpn, c.vpn + 1).id);
}

/**
 * `devWrite`: through a present writable device pte, sets the page's data and the device pte's
 * dirty bit (the page's own dirty bit is untouched); else a device write fault on `[vpn, vpn+1)`.
 */
export function devWrite(w: WorldState, c: DevWrite): Result {
  if (!isDev(w, c.dev) || !isId(c.mm) || !isVpn(c.vpn) || !isValue(c.value)) return err('EINVAL');
  const mirror = liveMirrorOf(w, c.dev, c.mm);
  if (mirror === undefined) return err('ENOENT');
  const pte = devicePt(w, mirror).get(c.vpn);
  if (pte === undefined || !pte.write) return opCreated(createFault(w, mirror, 'wfault', c.vpn, c.vpn + 1).id);
  pageOf(w, pte.pfn).data = c.value;
  pte.dirty = true;
  return ok(0);
}

/** `devFault`: a device fault (prefetch) on the range: `wfault` if `write`, else `rfault`. */
export function devFault(w: WorldState, c: DevFault): Result {
  // `write` is typed boolean; a caller bypassing the trace parser's type check gets EINVAL.
  if (!isDev(w, c.dev) || !isId(c.mm) || !isRange(c.start, c.npages) || typeof c.write !== 'boolean') return err('EINVAL');
  const mirror = liveMirrorOf(w, c.dev, c.mm);
  if (mirror === undefined) return err('ENOENT');
  const kind = c.write ? 'wfault' : 'rfault';
  return opCreated(createFault(w, mirror, kind, c.start, c.start + c.npages).id);
}
