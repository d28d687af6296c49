/**
 * Driving ops and devices: `step`, `finish` (SPEC §3, §4; INTERPRETATION 19) and the device's
 * `signal`, `fail` (SPEC §3; INTERPRETATION 12). Checks: EINVAL, then ENOENT.
 */
import {
  err, isChoice, isFailCode, ok, type Choice, type Fail, type Finish, type Result, type Signal, type Step,
} from '../../../spec/index.js';
import { completeOldest } from '../driver.js';
import { stepFault } from '../fault.js';
import { stepInvalidation } from '../invalidation.js';
import type { Op, WorldState } from '../state.js';
import { isDev, isId } from './checks.js';

function stepOp(w: WorldState, op: Op, choice: Choice): Result {
  return op.family === 'invalidation' ? stepInvalidation(w, op, choice) : stepFault(w, op);
}

/** `step`: the op's next step; `choice` (default `sync`) answers an update step. */
export function step(w: WorldState, c: Step): Result {
  if (!isId(c.op) || (c.choice !== undefined && !isChoice(c.choice))) return err('EINVAL');
  const op = w.ops.get(c.op);
  if (op === undefined) return err('ENOENT');
  return stepOp(w, op, (c.choice ?? 'sync') as Choice);
}

/** `finish`: steps with `sync` until the op ends or a step answers EAGAIN without ending it. */
export function finish(w: WorldState, c: Finish): Result {
  if (!isId(c.op)) return err('EINVAL');
  const op = w.ops.get(c.op);
  if (op === undefined) return err('ENOENT');
  for (;;) {
    const result = stepOp(w, op, 'sync');
    if (!w.ops.has(op.id)) return result;
    if ('err' in result && result.err === 'EAGAIN') return result;
  }
}

/** `signal`: the device completes its oldest pending invalidation; the fence becomes `signaled`. */
export function signal(w: WorldState, c: Signal): Result {
  if (!isDev(w, c.dev)) return err('EINVAL');
  const fence = completeOldest(w, c.dev, null);
  return fence === null ? err('ENOENT') : ok(fence);
}

/** `fail`: like `signal`, but the fence becomes `failed` with `code` (not EAGAIN). */
export function fail(w: WorldState, c: Fail): Result {
  if (!isDev(w, c.dev) || typeof c.code !== 'string' || !isFailCode(c.code)) return err('EINVAL');
  const fence = completeOldest(w, c.dev, c.code);
  return fence === null ? err('ENOENT') : ok(fence);
}
