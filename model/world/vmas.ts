/**
 * Vmas (SPEC §2, §3; INTERPRETATION 3, 4): sorted, maximal (adjacent vmas with the same prot are
 * one, as the kernel's `vma_merge` does), split at range boundaries on change.
 */
import type { Prot } from '../../spec/index.js';
import type { Mm, Vma } from './state.js';

/** The vma containing `vpn`, if any. */
export function findVma(mm: Mm, vpn: number): Vma | undefined {
  return mm.vmas.find((vma) => vma.start <= vpn && vpn < vma.end);
}

/** The vmas overlapping `[start, end)`. */
export function vmasOverlapping(mm: Mm, start: number, end: number): Vma[] {
  return mm.vmas.filter((vma) => vma.start < end && start < vma.end);
}

/** True when every page of `[start, end)` lies in some vma (prot `none` counts). */
export function rangeCovered(mm: Mm, start: number, end: number): boolean {
  let covered = start;
  for (const vma of vmasOverlapping(mm, start, end)) {
    if (vma.start > covered) return false;
    covered = vma.end;
  }
  return covered >= end;
}

/**
 * Gives `[start, end)` the prot `prot`, or removes it from every vma when `prot` is null,
 * splitting vmas at the boundaries and merging neighbours after.
 */
export function setVmaRange(mm: Mm, start: number, end: number, prot: Prot | null): void {
  const kept: Vma[] = [];
  for (const vma of mm.vmas) {
    if (vma.end <= start || end <= vma.start) {
      kept.push(vma);
      continue;
    }
    if (vma.start < start) kept.push({ start: vma.start, end: start, prot: vma.prot });
    if (end < vma.end) kept.push({ start: end, end: vma.end, prot: vma.prot });
  }
  if (prot !== null) kept.push({ start, end, prot });
  kept.sort((a, b) => a.start - b.start);
  mm.vmas = mergeVmas(kept);
}

/** Adjacent vmas with the same prot become one (`vma_merge`). */
function mergeVmas(sorted: readonly Vma[]): Vma[] {
  const merged: Vma[] = [];
  for (const vma of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.end === vma.start && last.prot === vma.prot) last.end = vma.end;
    else merged.push({ ...vma });
  }
  return merged;
}
