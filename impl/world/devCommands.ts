/**
 * Mirror, device and op-driving commands (SPEC §3): register, unregister, devRead, devWrite,
 * devFault, signal, fail, step, finish. devRead/devWrite hits go straight to the device page
 * table (the hardware path): no allocation but the result.
 */
import type { Choice, DevFault, DevRead, DevWrite, Fail, Finish, Register, Result, Signal, Step, Unregister } from '../../spec/index.js';
import { err, isChoice, isFailCode, isRange, isVpn, ok, opCreated } from '../../spec/index.js';
import { PFN_SHIFT, PTE_DIRTY, PTE_WRITE } from '../pagetable/pte.js';
import { createFault } from '../hmm/events.js';
import { stepFault } from '../hmm/fault.js';
import { stepInvalidation } from '../hmm/invalidate.js';
import { endMirror, registerMirror } from '../hmm/mirror.js';
import type { Core } from './core.js';
import { EINVAL, ESRCH, OK0 } from './cpuCommands.js';

const si = Number.isSafeInteger;
const ENOENT = err('ENOENT');
const isDev = (core: Core, dev: number): boolean => si(dev) && dev >= 0 && dev < core.devices;

export function register(core: Core, c: Register): Result {
  if (!isDev(core, c.dev) || !si(c.mm)) return EINVAL;
  const mm = core.liveMm(c.mm);
  if (mm === null) return ESRCH;
  if (mm.mirrorByDev[c.dev] !== null) return err('EEXIST');
  return ok(registerMirror(core, mm, c.dev).id);
}

export function unregister(core: Core, c: Unregister): Result {
  if (!isDev(core, c.dev) || !si(c.mm)) return EINVAL;
  const m = core.liveMirror(c.dev, c.mm);
  if (m === null) return ENOENT;
  endMirror(core, m, 'unregistered');
  return OK0;
}

export function devRead(core: Core, c: DevRead): Result {
  if (!isDev(core, c.dev) || !si(c.mm) || !isVpn(c.vpn)) return EINVAL;
  const m = core.liveMirror(c.dev, c.mm);
  if (m === null) return ENOENT;
  const e = m.devicePt.get(c.vpn);
  if (e !== 0) return ok(core.pages.data[e >>> PFN_SHIFT]);
  return opCreated(createFault(core, m, false, c.vpn, c.vpn + 1).id);
}

/** devWrite (INTERPRETATION 13): a hit sets the page's data and the device pte's dirty bit. */
export function devWrite(core: Core, c: DevWrite): Result {
  if (!isDev(core, c.dev) || !si(c.mm) || !isVpn(c.vpn) || !si(c.value)) return EINVAL;
  const m = core.liveMirror(c.dev, c.mm);
  if (m === null) return ENOENT;
  const e = m.devicePt.get(c.vpn);
  if ((e & PTE_WRITE) === 0) return opCreated(createFault(core, m, true, c.vpn, c.vpn + 1).id);
  core.pages.data[e >>> PFN_SHIFT] = c.value;
  if ((e & PTE_DIRTY) === 0) m.devicePt.update(c.vpn, (e | PTE_DIRTY) >>> 0);
  return OK0;
}

export function devFault(core: Core, c: DevFault): Result {
  if (!isDev(core, c.dev) || !si(c.mm) || !isRange(c.start, c.npages) || typeof c.write !== 'boolean') return EINVAL;
  const m = core.liveMirror(c.dev, c.mm);
  if (m === null) return ENOENT;
  return opCreated(createFault(core, m, c.write, c.start, c.start + c.npages).id);
}

export function signal(core: Core, c: Signal): Result {
  if (!isDev(core, c.dev)) return EINVAL;
  const f = core.driver.complete(core, c.dev, null);
  return f === null ? ENOENT : ok(f.id);
}

export function fail(core: Core, c: Fail): Result {
  if (!isDev(core, c.dev) || typeof c.code !== 'string' || !isFailCode(c.code)) return EINVAL;
  const f = core.driver.complete(core, c.dev, c.code);
  return f === null ? ENOENT : ok(f.id);
}

/** Performs one step of op `id` (SPEC §4). */
export function stepOp(core: Core, id: number, choice: Choice): Result {
  const op = core.ops.get(id);
  if (op === undefined) return ENOENT;
  return op.isFault ? stepFault(core, op) : stepInvalidation(core, op, choice);
}

export function step(core: Core, c: Step): Result {
  if (!si(c.op)) return EINVAL;
  if (c.choice !== undefined && (typeof c.choice !== 'string' || !isChoice(c.choice))) return EINVAL;
  return stepOp(core, c.op, (c.choice ?? 'sync') as Choice);
}

/** finish (INTERPRETATION 19): steps with sync until the op ends or a step answers EAGAIN. */
export function finish(core: Core, c: Finish): Result {
  if (!si(c.op)) return EINVAL;
  if (!core.ops.has(c.op)) return ENOENT;
  for (;;) {
    const r = stepOp(core, c.op, 'sync');
    if (!core.ops.has(c.op)) return r;
    if ('err' in r && r.err === 'EAGAIN') return r;
  }
}
