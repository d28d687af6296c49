/**
 * The value checks of step (1) of SPEC §3's order of checks (INTERPRETATION 1): a value outside
 * its domain is EINVAL; ids only have to be safe integers here.
 */
import type { WorldState } from '../state.js';

/** An id (`mm`, `op`) passes step (1) when it is a safe integer; its existence is checked later. */
export function isId(id: number): boolean {
  return Number.isSafeInteger(id);
}

/** A page value written by `write`/`devWrite`: any safe integer. */
export function isValue(value: number): boolean {
  return Number.isSafeInteger(value);
}

/** A device number in `0 .. devices-1`. */
export function isDev(w: WorldState, dev: number): boolean {
  return Number.isSafeInteger(dev) && dev >= 0 && dev < w.devices.length;
}
