/**
 * The checker's record of ids handed out, the "model" of fast-check's model-based testing.
 * Generated commands carry indices (SPEC §3): an mm index into all mms ever created, an op
 * index into all ops ever created; this record resolves them to ids at run time, so a shrunk
 * sequence never names a dangling id and ESRCH/ENOENT stay reachable.
 *
 * Ids are counters that never reuse a value (SPEC §1): mms ever created are 0..next.mm-1 and
 * ops ever created are 1..next.op-1, so the observation's `next` is all this record needs
 * (it covers `{op}` results and COW ops created by fault walks alike).
 *
 * It also remembers the last addresses used and the last device access, so that a command
 * drawn with `reuse` works where the run just worked (locality): an invalidation covers the
 * page just written, the device retries its access once its fault is served.
 */
import { VPN_LIMIT, type Command, type CommandName } from '../../spec/index.js';
import type { CommandRefs } from './indexedCommand.js';

/** Index meaning "an id never handed out" (rare, to reach ESRCH/ENOENT on unknown ids). */
export const UNKNOWN_INDEX = -1;

/** Index meaning "an id that is not an integer" (rare, to reach EINVAL on ids, SPEC §3 check 1). */
export const NON_INTEGER_INDEX = -2;

/** The id `NON_INTEGER_INDEX` resolves to. */
const NON_INTEGER_ID = 0.5;

/** How many recent addresses a command may reuse (`Tracker.address`). */
export const RECENT_ADDRESSES = 4;

/** What the system under test tells the tracker after each command. */
export interface IdCounters {
  /** The next mm number (SPEC §7 `next.mm`). */
  readonly mm: number;
  /** The next op id (SPEC §7 `next.op`). */
  readonly op: number;
}

/** What a command's references resolve to: ids, its device and its address (0 where it has none). */
export interface ResolvedRefs {
  readonly mm: number;
  readonly op: number;
  readonly dev: number;
  readonly address: number;
}

/** Ids handed out so far, and the command kinds this run leaves out (swarm mode). */
export class Tracker {
  /** mms ever created: 0..mms-1. */
  mms = 1;
  /** ops ever created: 1..ops. */
  ops = 0;
  /** In-range addresses (a vpn, or a range's start) of the last commands that had one, newest first. */
  private readonly recent: number[] = [];
  /** The mirror `(dev, mm)` and address of the last device access (devRead, devWrite, devFault). */
  private lastDevice: { readonly dev: number; readonly mm: number; readonly address: number } | null = null;

  constructor(readonly leftOut: ReadonlySet<CommandName> = new Set()) {}

  /** An independent copy (a guided run resumed from a kept state goes on from the same ids and addresses). */
  clone(): Tracker {
    const copy = new Tracker(this.leftOut);
    copy.mms = this.mms;
    copy.ops = this.ops;
    copy.recent.push(...this.recent);
    copy.lastDevice = this.lastDevice;
    return copy;
  }

  /** True when this run generates commands of `kind`. */
  allows(kind: CommandName): boolean {
    return !this.leftOut.has(kind);
  }

  /** The mm an index names: index modulo the mms ever created, in creation order. */
  mm(index: number): number {
    if (index === NON_INTEGER_INDEX) return NON_INTEGER_ID;
    return index < 0 ? this.mms : index % this.mms;
  }

  /** The op an index names: newest first (index 0 is the latest op), modulo the ops ever created. */
  op(index: number): number {
    if (index === NON_INTEGER_INDEX) return NON_INTEGER_ID;
    return index < 0 || this.ops === 0 ? 0 : this.ops - (index % this.ops);
  }

  /**
   * The address a command uses: the `reuse`-th most recent address (newest first, modulo those
   * known) when `reuse` is given and one is known, else the `drawn` one. Reuse gives the
   * locality of real programs: an invalidation covers the page just faulted or written.
   */
  address(drawn: number, reuse: number | undefined): number {
    return reuse === undefined || this.recent.length === 0 ? drawn : this.recent[reuse % this.recent.length];
  }

  /**
   * Resolves a command's references. A device access that reuses an address retries the last
   * device access: same mirror `(dev, mm)`, same address (SPEC §4.3: "the device retries a
   * faulted access with a new devRead/devWrite"), so a fault is followed by the access it served.
   */
  resolve(refs: CommandRefs): ResolvedRefs {
    const reuse = refs.address?.reuse;
    const retry = reuse !== undefined && refs.dev !== undefined ? this.lastDevice : null;
    if (retry !== null) return { mm: retry.mm, op: this.op(refs.op ?? 0), dev: retry.dev, address: retry.address };
    return {
      mm: this.mm(refs.mm ?? 0),
      op: this.op(refs.op ?? 0),
      dev: refs.dev ?? 0,
      address: refs.address === undefined ? 0 : this.address(refs.address.drawn, reuse),
    };
  }

  /** Notes what a command that ran used, if its address is within the vpn space: the address, and a device access's mirror. */
  note(c: Command): void {
    const a = 'vpn' in c ? c.vpn : 'start' in c ? c.start : undefined;
    if (a === undefined || !Number.isSafeInteger(a) || a < 0 || a >= VPN_LIMIT) return;
    if (c.cmd === 'devRead' || c.cmd === 'devWrite' || c.cmd === 'devFault') this.lastDevice = { dev: c.dev, mm: c.mm, address: a };
    this.recent.unshift(a);
    if (this.recent.length > RECENT_ADDRESSES) this.recent.pop();
  }

  /** Takes the counters after a command. */
  sync(next: IdCounters): void {
    this.mms = next.mm;
    this.ops = next.op - 1;
  }
}
