/**
 * Address spaces and the CPU operations in flight on them (SPEC §2, §3 EBUSY; INTERPRETATION 2).
 *
 * Kernel reference: `mmap_lock` and the mmu notifier range of each CPU operation. A fork holds
 * its mm exclusively, as `dup_mmap` holds `mmap_lock` for writing.
 */
import type { Invalidation, Mm, WorldState } from './state.js';

/** The mm `id` if it exists and is live. */
export function liveMm(w: WorldState, id: number): Mm | undefined {
  const mm = w.mms.get(id);
  return mm !== undefined && mm.state === 'live' ? mm : undefined;
}

/** The CPU operations (invalidation ops) of `mm` in flight, whatever their phase. */
export function cpuOpsInFlight(w: WorldState, mm: number): Invalidation[] {
  const found: Invalidation[] = [];
  for (const op of w.ops.values()) if (op.family === 'invalidation' && op.mm === mm) found.push(op);
  return found;
}

/**
 * EBUSY for a CPU operation on `[start, end)` of `mm`: a fork of mm is in flight, or a CPU
 * operation of mm overlapping the range is.
 */
export function cpuBusy(w: WorldState, mm: number, start: number, end: number): boolean {
  return cpuOpsInFlight(w, mm).some((op) => op.kind === 'fork' || (op.start < end && start < op.end));
}

/** EBUSY for fork: any CPU operation of `mm` is in flight. */
export function forkBusy(w: WorldState, mm: number): boolean {
  return cpuOpsInFlight(w, mm).length > 0;
}

/** EBUSY for exit: any op of `mm`, CPU operation or device fault, is in flight. */
export function anyOpInFlight(w: WorldState, mm: number): boolean {
  for (const op of w.ops.values()) if (op.mm === mm) return true;
  return false;
}

/** An active invalidation (phase not `created`) of `mm` overlaps `[start, end)`. */
export function activeInvalidationOverlaps(w: WorldState, mm: number, start: number, end: number): boolean {
  return cpuOpsInFlight(w, mm).some(
    (op) => op.lifecycle.value !== 'created' && op.start < end && start < op.end,
  );
}
