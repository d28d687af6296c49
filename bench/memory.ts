/**
 * Memory of hmm_pt: bytes per mapped pte of one mirror page table, measured as the growth of
 * heap plus ArrayBuffer memory after a forced GC (node --expose-gc), not computed from array
 * sizes. Dense: 1,000,000 consecutive pages; sparse: 10,000 pages one per 2^16.
 */
import { DirPool, HmmPt, makePte, PTE_WRITE } from '../impl/pagetable/index.js';

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g === undefined) throw new Error('bench: run node with --expose-gc');
  g();
  g();
}

function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Bytes per pte of a table holding `count` ptes at vpn = base + i * stride. */
export function bytesPerPte(count: number, stride: number, base = 0): number {
  let keep: HmmPt | null = null;
  gc();
  const before = used();
  const pt = new HmmPt(new DirPool());
  for (let i = 0; i < count; i++) pt.set(base + i * stride, makePte(i + 1, PTE_WRITE));
  keep = pt;
  gc();
  const after = used();
  if (keep.get(base) === 0) throw new Error('bench: table lost');
  return (after - before) / count;
}

export function benchMemory(): { bytesPerPteDense: number; bytesPerPteSparse: number } {
  bytesPerPte(10_000, 1); // warm-up, so code and feedback are not counted
  return {
    bytesPerPteDense: bytesPerPte(1_000_000, 1),
    bytesPerPteSparse: bytesPerPte(10_000, 2 ** 16),
  };
}
