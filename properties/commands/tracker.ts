/**
 * The checker's record of ids handed out, the "model" of fast-check's model-based testing.
 * Generated commands carry indices (SPEC §3): an mm index into all mms ever created, an op
 * index into all ops ever created; this record resolves them to ids at run time, so a shrunk
 * sequence never names a dangling id and ESRCH/ENOENT stay reachable.
 *
 * Ids are counters that never reuse a value (SPEC §1): mms ever created are 0..next.mm-1 and
 * ops ever created are 1..next.op-1, so the observation's `next` is all this record needs
 * (it covers `{op}` results and COW ops created by fault walks alike).
 */
import type { CommandName } from '../../spec/index.js';

/** Index meaning "an id never handed out" (rare, to reach ESRCH/ENOENT on unknown ids). */
export const UNKNOWN_INDEX = -1;

/** What the system under test tells the tracker after each command. */
export interface IdCounters {
  /** The next mm number (SPEC §7 `next.mm`). */
  readonly mm: number;
  /** The next op id (SPEC §7 `next.op`). */
  readonly op: number;
}

/** Ids handed out so far, and the command kinds this run leaves out (swarm mode). */
export class Tracker {
  /** mms ever created: 0..mms-1. */
  mms = 1;
  /** ops ever created: 1..ops. */
  ops = 0;

  constructor(readonly leftOut: ReadonlySet<CommandName> = new Set()) {}

  /** True when this run generates commands of `kind`. */
  allows(kind: CommandName): boolean {
    return !this.leftOut.has(kind);
  }

  /** The mm an index names: index modulo the mms ever created, in creation order. */
  mm(index: number): number {
    return index < 0 ? this.mms : index % this.mms;
  }

  /** The op an index names: newest first (index 0 is the latest op), modulo the ops ever created. */
  op(index: number): number {
    return index < 0 || this.ops === 0 ? 0 : this.ops - (index % this.ops);
  }

  /** Takes the counters after a command. */
  sync(next: IdCounters): void {
    this.mms = next.mm;
    this.ops = next.op - 1;
  }
}
