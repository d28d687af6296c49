/**
 * What the world keeps that its observation (SPEC §7) does not show, rebuilt from the command
 * history so that the explorer's state hash determines the future (TLC hashes every variable).
 *
 * - **Fault walk records** (SPEC §4.3 walk): a device fault that got through its walk holds
 *   `{pfn, write}` of each CPU pte in its range, and its commit installs those. They can differ
 *   from the CPU ptes shown later: a CPU `write` makes a read-only pte of mapcount 1 writable
 *   in place with no event (SPEC §3 write), so no backoff. Two states with equal observations
 *   but different records have different futures. Records of a fault with `backoff` set are
 *   irrelevant (its commit changes no table) and `canonical.ts` leaves them out.
 * - **Captured mirrors** (SPEC §4.2 start): the live mirrors an invalidation captured. `refs`
 *   shows them only up to which op holds which reference; recording them keeps the hash sound
 *   when several ops are in flight.
 *
 * Both are read from the observation after the `step` that enters the phase, so they need one
 * atomic step per command: the explorer never generates `finish`.
 */
import { isFaultKind, type Command, type Observation, type OpObs } from '../../spec/index.js';

/** `[vpn, pfn, write]`: one page a fault's walk recorded. */
export type WalkRecord = readonly [vpn: number, pfn: number, write: boolean];

/** The hidden part of a state; immutable, shared between states while unchanged. */
export interface HiddenState {
  /** op id → its walk records, for faults past their walk. */
  readonly walks: ReadonlyMap<number, readonly WalkRecord[]>;
  /** op id → captured mirror ids in capture order, for invalidations past their start. */
  readonly captured: ReadonlyMap<number, readonly number[]>;
}

/** The hidden state of a fresh world. */
export const NO_HIDDEN_STATE: HiddenState = { walks: new Map(), captured: new Map() };

/** The hidden state after `command`, given the observation it left; `h` itself when unchanged. */
export function advanceHidden(h: HiddenState, command: Command, o: Observation): HiddenState {
  if (command.cmd !== 'step' && command.cmd !== 'finish') return h;
  const id = command.op;
  const op = o.ops.find((x) => x[0] === id);
  if (op === undefined) return forget(h, id);
  if (isFaultKind(op[1])) {
    if (op[5] !== 'walk' || h.walks.has(id)) return h;
    return { walks: new Map(h.walks).set(id, walkRecords(o, op)), captured: h.captured };
  }
  if (op[5] === 'created' || h.captured.has(id)) return h;
  return { walks: h.walks, captured: new Map(h.captured).set(id, liveMirrorsOf(o, op[2])) };
}

/** Drops what an ended op held. */
function forget(h: HiddenState, op: number): HiddenState {
  if (!h.walks.has(op) && !h.captured.has(op)) return h;
  const walks = new Map(h.walks);
  const captured = new Map(h.captured);
  walks.delete(op);
  captured.delete(op);
  return { walks, captured };
}

/** `{pfn, write}` of each present CPU pte in the fault's range, in vpn order (SPEC §4.3 walk). */
function walkRecords(o: Observation, op: OpObs): WalkRecord[] {
  const [, , mm, start, end] = op;
  const records: WalkRecord[] = [];
  const ptes = o.mms.find((m) => m[0] === mm)?.[3] ?? [];
  for (const pte of ptes) {
    if (pte[0] >= start && pte[0] < end && pte[1] === 'P') records.push([pte[0], pte[2], pte[3]]);
  }
  return records;
}

/** The mm's live mirrors in registration order, which is id order (ids only grow, SPEC §1). */
function liveMirrorsOf(o: Observation, mm: number): number[] {
  return o.mirrors.filter((m) => m[2] === mm && m[3] === 'live').map((m) => m[0]);
}
