/**
 * Rule implClone of the lockstep drain: the explorer builds its states by cloning the
 * implementation, so every checker run also checks that a clone taken before the drain
 * observes the same as the original and still does after the same drain commands. A world
 * whose clone forgets the state breaks it; the real implementation keeps it.
 */
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../../impl/index.js';
import { createModelWorld } from '../../../model/index.js';
import { MemoryIsMemory, RULES } from '../../../properties/rules/index.js';
import { ConformanceFailure, IMPL_CLONE, Lockstep } from '../../../properties/runner/index.js';
import type { Command, World } from '../../../spec/index.js';

/** mmap 4 pages rw, write vpn 1, register dev 0, device write of vpn 2 (a fault left in flight). */
const SETUP: Command[] = [
  { cmd: 'mmap', mm: 0, start: 0, npages: 4, prot: 'rw' },
  { cmd: 'write', mm: 0, vpn: 1, value: 2 },
  { cmd: 'register', dev: 0, mm: 0 },
  { cmd: 'devWrite', dev: 0, mm: 0, vpn: 2, value: 1 },
];

function run(impl: World): ConformanceFailure | null {
  const lockstep = new Lockstep(createModelWorld({ devices: 2 }), impl, RULES, new MemoryIsMemory());
  try {
    for (const c of SETUP) lockstep.apply(c);
    lockstep.drain();
    return null;
  } catch (e) {
    if (e instanceof ConformanceFailure) return e;
    throw e;
  }
}

describe('rule implClone', () => {
  it('holds for the implementation: its clone observes and drains as the original', () => {
    expect(run(createImplWorld({ devices: 2 }))).toBeNull();
  });

  it('breaks for a world whose clone forgets the state, naming the first difference', () => {
    const real = createImplWorld({ devices: 2 });
    const forgetful: World = {
      apply: (c) => real.apply(c),
      observe: () => real.observe(),
      checkStructure: () => real.checkStructure(),
      clone: () => createImplWorld({ devices: 2 }),
    };
    const failure = run(forgetful);
    expect(failure?.details.rule).toBe(IMPL_CLONE);
    expect(failure?.details.message).toMatch(/before the drain/);
    // The first difference: the original's mm 0 has its vma, a fresh world's has none.
    expect(failure?.details.entities?.[0]).toMatch(/^\s*mms\[0\]/);
  });
});
