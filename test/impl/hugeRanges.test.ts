/**
 * Huge ranges (issue 14; SPEC §1: a range is any [start, start + npages) within 2^36 pages):
 * the implementation must give the model's answer and never allocate in proportion to a
 * range's size. Each range command (mmap, munmap, mprotect, migrate, writeback, reclaim,
 * devFault) is applied over 2^32 pages and more, over all 2^36, past 2^36 (EINVAL) and up to
 * the end of the address space, in a small world (a few small vmas, some near 2^36, a few pages,
 * mirrors with device ptes, maybe a fork and a swapped page), then its op is driven to the end
 * with random driver answers. The model is the oracle, so the states are ones where it finishes:
 * few mapped pages, and a device fault's walk stops at the first page without a vma.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../impl/index.js';
import { createModelWorld } from '../../model/index.js';
import { VPN_LIMIT, type Command, type Prot } from '../../spec/index.js';

const TOP = VPN_LIMIT; // 2^36

interface SmallVma { readonly at: number; readonly len: number; readonly prot: Prot }

const smallVma = fc.record({
  at: fc.oneof(fc.integer({ min: 0, max: TOP - 16 }), fc.constantFrom(0, 2 ** 32 - 4, TOP - 8, TOP - 1)),
  len: fc.integer({ min: 1, max: 8 }),
  prot: fc.constantFrom<Prot>('r', 'rw'),
}).map((v) => ({ ...v, len: Math.min(v.len, TOP - v.at) }));

/** A small world: vmas, pages, mirrors and device ptes, maybe a fork and a swapped page. */
const setupArb = fc.record({
  vmas: fc.array(smallVma, { minLength: 1, maxLength: 4 }),
  /** A vma of up to the whole space (mprotect over a huge range needs one); never with devFault. */
  big: fc.option(fc.record({ at: fc.integer({ min: 0, max: TOP - 1 }), prot: fc.constantFrom<Prot>('r', 'rw') }), { nil: undefined }),
  writes: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 7 }), fc.integer({ min: 1, max: 9 })), { maxLength: 6 }),
  mirrors: fc.subarray([0, 1], { minLength: 1 }),
  fork: fc.boolean(),
  reclaim: fc.boolean(),
});

type Setup = typeof setupArb extends fc.Arbitrary<infer T> ? T : never;

function setupCommands(s: Setup, withBig: boolean): Command[] {
  const out: Command[] = [];
  if (withBig && s.big !== undefined) out.push({ cmd: 'mmap', mm: 0, start: s.big.at, npages: TOP - s.big.at, prot: s.big.prot });
  for (const v of s.vmas) out.push({ cmd: 'mmap', mm: 0, start: v.at, npages: v.len, prot: v.prot });
  for (const [which, offset, value] of s.writes) {
    const v = s.vmas[which % s.vmas.length]!;
    out.push({ cmd: 'write', mm: 0, vpn: v.at + (offset % v.len), value });
  }
  for (const dev of s.mirrors) {
    out.push({ cmd: 'register', dev, mm: 0 });
    const v = s.vmas[dev % s.vmas.length]!;
    out.push({ cmd: 'devFault', dev, mm: 0, start: v.at, npages: v.len, write: false }, { cmd: 'finish', op: -1 });
  }
  if (s.fork) out.push({ cmd: 'fork', mm: 0 }, { cmd: 'finish', op: -1 });
  if (s.reclaim) out.push({ cmd: 'reclaim', mm: 0, start: s.vmas[0]!.at, npages: 1 }, { cmd: 'finish', op: -1 });
  return out;
}

/** Ranges of 2^32 pages and more: ending at 2^36, all of it, past it, or starting at a vma. */
const hugeRange = (s: Setup): fc.Arbitrary<{ start: number; npages: number }> => fc.oneof(
  fc.integer({ min: 0, max: TOP - 1 }).map((start) => ({ start, npages: TOP - start })),
  fc.constant({ start: 0, npages: TOP }),
  fc.record({ start: fc.integer({ min: 0, max: TOP }), npages: fc.integer({ min: TOP, max: 2 * TOP }) }),
  fc.record({ start: fc.integer({ min: 0, max: TOP - 2 ** 32 - 1 }), npages: fc.integer({ min: 2 ** 32 + 1, max: TOP }) })
    .map((r) => ({ start: r.start, npages: Math.min(r.npages, TOP - r.start) })),
  fc.nat().map((i) => s.vmas[i % s.vmas.length]!).map((v) => ({ start: v.at, npages: TOP - v.at })),
  // inside the big vma (mprotect of a covered range), or above every small vma (mmap of free space)
  fc.nat({ max: TOP - 1 }).map((i) => {
    const from = s.big?.at ?? Math.min(TOP - 1, Math.max(...s.vmas.map((v) => v.at + v.len)));
    const start = from + (i % (TOP - from));
    return { start, npages: TOP - start };
  }),
);

type RangeKind = 'mmap' | 'munmap' | 'mprotect' | 'migrate' | 'writeback' | 'reclaim' | 'devFault';

function rangeCommand(kind: RangeKind, r: { start: number; npages: number }, prot: Prot, dev: number, write: boolean): Command {
  const base = { mm: 0, start: r.start, npages: r.npages };
  switch (kind) {
    case 'mmap': return { cmd: 'mmap', ...base, prot };
    case 'mprotect': return { cmd: 'mprotect', ...base, prot };
    case 'devFault': return { cmd: 'devFault', dev, ...base, write };
    default: return { cmd: kind, ...base };
  }
}

/** What drives the op after the huge command: steps with a driver answer, device completions, finish. */
const driveArb = fc.array(fc.oneof(
  fc.constantFrom('sync', 'fence', 'error').map((choice) => ({ kind: 'step' as const, choice })),
  fc.integer({ min: 0, max: 1 }).map((dev) => ({ kind: 'signal' as const, dev })),
  fc.integer({ min: 0, max: 1 }).map((dev) => ({ kind: 'fail' as const, dev })),
  fc.constant({ kind: 'finish' as const }),
), { maxLength: 12 });

/** Applies `command` to both worlds; their results and observations must agree and the impl stay sound. */
function both(model: ReturnType<typeof createModelWorld>, impl: ReturnType<typeof createImplWorld>, command: Command, trail: Command[]): void {
  trail.push(command);
  const want = model.apply(command);
  const got = impl.apply(command);
  expect({ trail, result: got }).toEqual({ trail, result: want });
  expect(impl.observe()).toEqual(model.observe());
  expect(impl.checkStructure()).toEqual([]);
}

/** `finish` of op -1 means the last op created. */
function resolveOp(c: Command, lastOp: number): Command {
  return (c.cmd === 'finish' || c.cmd === 'step') && c.op === -1 ? { ...c, op: lastOp } : c;
}

function checkKind(kind: RangeKind): void {
  const prop = fc.property(
    setupArb.chain((s) => fc.tuple(fc.constant(s), hugeRange(s), fc.constantFrom<Prot>('none', 'r', 'rw'), fc.nat({ max: 1 }), fc.boolean(), driveArb)),
    ([setup, range, prot, dev, write, drive]) => {
      const model = createModelWorld();
      const impl = createImplWorld();
      const trail: Command[] = [];
      let lastOp = 0;
      const run = (c: Command): void => {
        const before = model.observe().next.op;
        both(model, impl, resolveOp(c, lastOp), trail);
        if (model.observe().next.op > before) lastOp = model.observe().next.op - 1;
      };
      for (const c of setupCommands(setup, kind !== 'devFault' && kind !== 'mmap')) run(c);
      const huge = rangeCommand(kind, range, prot, dev, write);
      run(huge);
      const op = model.observe().ops.at(-1)?.[0];
      for (const d of drive) {
        if (d.kind === 'signal') run({ cmd: 'signal', dev: d.dev });
        else if (d.kind === 'fail') run({ cmd: 'fail', dev: d.dev, code: 'EIO' });
        else if (op !== undefined) run(d.kind === 'finish' ? { cmd: 'finish', op } : { cmd: 'step', op, choice: d.choice });
      }
      for (let round = 0; round < 10 && model.observe().ops.length > 0; round++) {
        for (const [d, queue] of model.observe().pending) for (let i = 0; i < queue.length; i++) run({ cmd: 'signal', dev: d });
        for (const [id] of model.observe().ops) run({ cmd: 'finish', op: id });
      }
    },
  );
  fc.assert(prop, { numRuns: 40, seed: 14 });
}

describe('huge ranges: the implementation gives the model\'s answer (issue 14)', () => {
  it('the issue\'s case: devFault over more than 2^32 pages stops at the first page without a vma, as the model does', () => {
    const model = createModelWorld();
    const impl = createImplWorld();
    const trail: Command[] = [];
    for (const c of [
      { cmd: 'mmap', mm: 0, start: 0, npages: 4, prot: 'rw' },
      { cmd: 'register', dev: 0, mm: 0 },
      { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 2 ** 33, write: false },
      { cmd: 'finish', op: 1 },
    ] as Command[]) both(model, impl, c, trail);
    // SPEC §4.3: the walk populates vpns 0..3, then vpn 4 has no vma: EFAULT, pages stay populated.
    expect(model.observe().mms[0]![3].map((p) => p[0])).toEqual([0, 1, 2, 3]);
  });

  for (const kind of ['mmap', 'munmap', 'mprotect', 'migrate', 'writeback', 'reclaim', 'devFault'] as const) {
    it(`${kind} over 2^32 pages and more, up to and past 2^36`, () => checkKind(kind));
  }
});
