/**
 * Near the machine's limit: the commit step of a MUNMAP over 1,000,000 densely mapped mirror
 * ptes (1% dirty, harvested to their pages), against a raw loop over a Uint32Array of the same
 * length that tests a valid bit, marks dirty entries and zeroes the entry. Figure: raw time /
 * commit time (the commit's speed as a fraction of the raw loop's). Best of 3 each.
 */
import { createImplWorld, type ImplWorld } from '../impl/index.js';

const N = 1_000_000;

function setup(): { w: ImplWorld; op: number } {
  const w = createImplWorld({ devices: 1 });
  w.apply({ cmd: 'mmap', mm: 0, start: 0, npages: N, prot: 'rw' });
  w.apply({ cmd: 'register', dev: 0, mm: 0 });
  for (let s = 0; s < N; s += 512) {
    const r = w.apply({ cmd: 'devFault', dev: 0, mm: 0, start: s, npages: Math.min(512, N - s), write: true });
    if ('op' in r) w.apply({ cmd: 'finish', op: r.op });
  }
  for (let v = 0; v < N; v += 100) w.apply({ cmd: 'devWrite', dev: 0, mm: 0, vpn: v, value: v + 1 });
  const r = w.apply({ cmd: 'munmap', mm: 0, start: 0, npages: N });
  if (!('op' in r)) throw new Error('bench: munmap gave no op');
  w.apply({ cmd: 'step', op: r.op }); // start
  w.apply({ cmd: 'step', op: r.op }); // update (sync): device dirty bits reported into mirror ptes
  return { w, op: r.op };
}

function timeCommit(): number {
  const { w, op } = setup();
  const t0 = performance.now();
  w.apply({ cmd: 'step', op });
  const t = performance.now() - t0;
  const o = w.core.ops.get(op);
  if (o === undefined || o.phase !== 'commit') throw new Error('bench: the timed step was not the commit');
  const dirty = w.core.pages.dirty;
  let n = 0;
  for (let pfn = 1; pfn < w.core.pages.next; pfn++) n += dirty[pfn];
  if (n !== N / 100) throw new Error(`bench: ${n} dirty pages after commit, expected ${N / 100}`);
  return t;
}

function timeRaw(): number {
  const a = new Uint32Array(N);
  const dirty = new Uint8Array(N + 1);
  for (let i = 0; i < N; i++) a[i] = (((i + 1) * 8) | 3 | (i % 100 === 0 ? 4 : 0)) >>> 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const e = a[i];
    if ((e & 1) !== 0) {
      if ((e & 4) !== 0) dirty[e >>> 3] = 1;
      a[i] = 0;
    }
  }
  const t = performance.now() - t0;
  if (a[N - 1] !== 0 || dirty[1] !== 1) throw new Error('bench: raw loop did nothing');
  return t;
}

export function benchClearVsRaw(): { clearVsRawLoop: number; commitMs: number; rawMs: number } {
  let commit = Infinity;
  let raw = Infinity;
  for (let i = 0; i < 3; i++) {
    raw = Math.min(raw, timeRaw());
    commit = Math.min(commit, timeCommit());
  }
  return { clearVsRawLoop: raw / commit, commitMs: commit, rawMs: raw };
}
