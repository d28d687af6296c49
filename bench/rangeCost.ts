/**
 * Cost follows what is mapped, not the range: a MUNMAP (create + finish) over a 2^30-page range
 * holding 1,000 mapped pages (CPU, mirror and device ptes of 2 mirrors) against one over the
 * 1,000-page range holding the same pages. Each measured munmap gets a fresh world.
 */
import { createImplWorld, type ImplWorld } from '../impl/index.js';

const X = 123_456_789; // the 1,000 pages: [X, X + 1000), inside [0, 2^30)

function setup(): ImplWorld {
  const w = createImplWorld({ devices: 2 });
  w.apply({ cmd: 'mmap', mm: 0, start: 0, npages: 2 ** 30, prot: 'rw' });
  for (const dev of [0, 1]) {
    w.apply({ cmd: 'register', dev, mm: 0 });
    const r = w.apply({ cmd: 'devFault', dev, mm: 0, start: X, npages: 1000, write: true });
    if (!('op' in r)) throw new Error('bench: devFault gave no op');
    w.apply({ cmd: 'finish', op: r.op });
  }
  return w;
}

/** Time of `batch` munmaps of [start, start + npages), each on its own fresh world. */
function timeBatch(start: number, npages: number, batch: number): number {
  const worlds = Array.from({ length: batch }, setup);
  (globalThis as { gc?: () => void }).gc?.(); // keep collections of the setup out of the timing
  const t0 = performance.now();
  for (const w of worlds) {
    const r = w.apply({ cmd: 'munmap', mm: 0, start, npages });
    if (!('op' in r)) throw new Error('bench: munmap gave no op');
    w.apply({ cmd: 'finish', op: r.op });
  }
  const t = (performance.now() - t0) / batch;
  for (const w of worlds) if (w.core.mms[0].pt.get(X) !== 0) throw new Error('bench: munmap left a pte');
  return t;
}

/**
 * The shared machine makes single timings noisy: batches of 10, alternating, and the best batch
 * of each kind (the least disturbed) gives the figure.
 */
export function benchRangeCost(reps = 15): { rangeCostRatio: number; bigMs: number; smallMs: number } {
  timeBatch(0, 2 ** 30, 10);
  timeBatch(X, 1000, 10);
  let big = Infinity;
  let small = Infinity;
  for (let i = 0; i < reps; i++) {
    big = Math.min(big, timeBatch(0, 2 ** 30, 10));
    small = Math.min(small, timeBatch(X, 1000, 10));
  }
  return { rangeCostRatio: big / small, bigMs: big, smallMs: small };
}
