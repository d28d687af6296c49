/**
 * The device simulator as a sanitizer (SPEC §6 driverSaw): each contract breach it receives is
 * recorded as `<kind> <id>`. Breaches are provoked through the ops-table seam (as a mutant
 * would) or by calling the driver directly.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../spec/index.js';
import { createImplWorld, defaultOps, type ImplWorld } from '../../impl/index.js';

function all(w: ImplWorld, cmds: Command[]): void {
  for (const c of cmds) w.apply(c);
}
/** mm 0 with vpn 0 mapped by mirror 1 (dev 0); munmap op 2 started and answered with fence 1. */
const FENCED: Command[] = [
  { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' },
  { cmd: 'register', dev: 0, mm: 0 },
  { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 },
  { cmd: 'finish', op: 1 },
  { cmd: 'munmap', mm: 0, start: 0, npages: 1 },
  { cmd: 'step', op: 2 },
  { cmd: 'step', op: 2, choice: 'fence' },
  { cmd: 'signal', dev: 0 },
];

describe('driver sanitizer', () => {
  it('the default ops give no violation', () => {
    const w = createImplWorld();
    all(w, [...FENCED, { cmd: 'finish', op: 2 }]);
    expect(w.observe().violations).toEqual([]);
  });
  it('a second fence_unref after the final one is unrefFreedFence', () => {
    const w = createImplWorld(undefined, {
      ops: {
        waitFence(core, op) {
          const f = op.fences[op.waited];
          const r = defaultOps.waitFence(core, op);
          if (f.state === 'freed') core.driver.fenceUnref(core, f);
          return r;
        },
      },
    });
    all(w, [...FENCED, { cmd: 'finish', op: 2 }]);
    expect(w.observe().violations).toEqual(['unrefFreedFence 1']);
  });
  it('records fenceRef, releaseTwice, updateNotLive and callbackFreedMirror', () => {
    const w = createImplWorld();
    all(w, FENCED);
    const core = w.core;
    const op = core.ops.get(2)!;
    const m = core.mirrors.get(1)!;
    core.driver.fenceRef(op.fences[0]);
    core.driver.release(core, m);
    core.driver.release(core, m);
    // unregister while op 2 holds a ref: not live, not freed
    w.apply({ cmd: 'unregister', dev: 0, mm: 0 });
    core.driver.update(core, m, op, 'sync');
    w.apply({ cmd: 'finish', op: 2 }); // end drops the last ref: freed
    core.driver.update(core, m, op, 'sync');
    expect(w.observe().violations).toEqual([
      'callbackFreedMirror 1', 'fenceRef 1', 'releaseTwice 1', 'updateNotLive 1',
    ]);
  });
  it('fence_ref is recorded and otherwise ignored: no reference is taken (as in the model)', () => {
    const w = createImplWorld();
    all(w, FENCED);
    const f = w.core.ops.get(2)!.fences[0];
    w.core.driver.fenceRef(f);
    expect(f.refs).toBe(1);
    w.apply({ cmd: 'finish', op: 2 });
    expect(f.state).toBe('freed');
    expect(w.observe().violations).toEqual(['fenceRef 1']);
  });
});
