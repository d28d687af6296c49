/**
 * Creating ops (SPEC §3/§4): an invalidation event (the seed's hmm_event, with its type of
 * SPEC §4.1) or a device fault. An invalidation is a CPU operation in flight from creation
 * (it joins mm.cpuOps, the EBUSY set); a fault joins the mm's fault registry and holds a ref on
 * its mirror. Ids come from the op counter (next.op).
 */
import type { EventType, InvalidationKind, Prot } from '../../spec/index.js';
import type { Mm } from '../cpu/mm.js';
import type { Core } from '../world/core.js';
import type { Mirror } from './mirror.js';
import { Op } from './op.js';

/** The event type of an invalidation kind (SPEC §4.1). */
export function eventType(kind: InvalidationKind, prot: Prot | null): EventType {
  switch (kind) {
    case 'munmap': return 'MUNMAP';
    case 'mprotect': return prot === 'none' ? 'MUNMAP' : 'WRITE_PROTECT';
    case 'fork': return 'WRITE_PROTECT';
    case 'writeback': return 'ISDIRTY';
    default: return 'MIGRATE'; // cow, migrate, reclaim
  }
}

/** A new invalidation op in phase `created`. */
export function createOp(
  core: Core, mm: Mm, kind: InvalidationKind, start: number, end: number, value: number | null, prot: Prot | null,
): Op {
  const op = new Op(core.nextOp++, kind, mm, start, end, eventType(kind, prot), null, value, prot);
  core.ops.set(op.id, op);
  mm.cpuOps.add(op);
  if (kind === 'fork') mm.forkOp = op;
  return op;
}

/** A new device fault op (rfault/wfault) of mirror m on [start, end), phase `created`. */
export function createFault(core: Core, m: Mirror, write: boolean, start: number, end: number): Op {
  const op = new Op(core.nextOp++, write ? 'wfault' : 'rfault', m.mm, start, end, write ? 'DEVICE_WFAULT' : 'DEVICE_RFAULT', m, null, null);
  core.ops.set(op.id, op);
  m.mm.faults.push(op);
  m.refs++;
  return op;
}
