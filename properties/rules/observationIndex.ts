/**
 * Look-ups over an observation (SPEC §7) shared by the rules of SPEC §6: the CPU pte of a vpn,
 * a mirror's ptes, and the two exemptions ("an active invalidation covers", "a pending
 * invalidation covers").
 */
import { INVALIDATION_KINDS, type CpuPteObs, type MirrorObs, type Observation, type PteObs } from '../../spec/index.js';

const INVALIDATION: ReadonlySet<string> = new Set(INVALIDATION_KINDS);

/** The CPU pte of `vpn` in `mm`, or undefined if absent (or the mm is unknown). */
export function cpuPte(o: Observation, mm: number, vpn: number): CpuPteObs | undefined {
  const entry = o.mms.find((m) => m[0] === mm);
  return entry?.[3].find((p) => p[0] === vpn);
}

/** The state of `mm` (`live`/`dead`), or undefined when the mm does not exist. */
export function mmState(o: Observation, mm: number): string | undefined {
  return o.mms.find((m) => m[0] === mm)?.[1];
}

/** The pte of `vpn` in a mirror or device page table, or undefined. */
export function pteAt(table: readonly PteObs[], vpn: number): PteObs | undefined {
  return table.find((p) => p[0] === vpn);
}

/**
 * True when an active invalidation of `mm` covers `vpn`: an invalidation op (kinds munmap,
 * mprotect, cow, fork, migrate, writeback, reclaim) of that mm whose phase is not `created`
 * and whose range [start, end) holds vpn (SPEC §6).
 */
export function activeInvalidationCovers(o: Observation, mm: number, vpn: number): boolean {
  return o.ops.some(([, kind, opMm, start, end, phase]) =>
    INVALIDATION.has(kind) && opMm === mm && phase !== 'created' && start <= vpn && vpn < end);
}

/** True when some device's pending FIFO holds an entry of `mirror` with start <= vpn < end (SPEC §6). */
export function pendingCovers(o: Observation, mirror: number, vpn: number): boolean {
  return o.pending.some(([, queue]) => queue.some(([, m, start, end]) => m === mirror && start <= vpn && vpn < end));
}

/** Every pte of every listed mirror, with which table it sits in. */
export function* allMirrorPtes(o: Observation): Generator<{ mirror: MirrorObs; table: 'mirror' | 'device'; pte: PteObs }> {
  for (const mirror of o.mirrors) {
    for (const pte of mirror[5]) yield { mirror, table: 'mirror', pte };
    for (const pte of mirror[6]) yield { mirror, table: 'device', pte };
  }
}
