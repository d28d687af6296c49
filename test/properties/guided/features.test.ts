/**
 * The feature map of guided generation (properties/guided/features.ts) on a scenario built by
 * hand from SPEC §3–§4: a device fault created and started while a migrate of the same page is
 * created, then the migrate's start (the fault backs off), then the fault's walk.
 */
import { describe, expect, it } from 'vitest';
import { createModelWorld } from '../../../model/index.js';
import { featuresOf } from '../../../properties/guided/index.js';
import type { Command, Observation, Result } from '../../../spec/index.js';

/** Runs the commands on a model; the features of each. */
function features(commands: readonly Command[]): string[][] {
  const world = createModelWorld({ devices: 2 });
  return commands.map((c) => {
    const before: Observation = world.observe();
    const result: Result = world.apply(c);
    return featuresOf(before, c, result, world.observe());
  });
}

describe('featuresOf', () => {
  const f = features([
    { cmd: 'mmap', mm: 0, start: 0, npages: 1, prot: 'rw' },
    { cmd: 'register', dev: 0, mm: 0 },
    { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, // no device pte: rfault op 1
    { cmd: 'step', op: 1 }, // fault start: nothing active
    { cmd: 'migrate', mm: 0, start: 0, npages: 1 }, // op 2, created
    { cmd: 'step', op: 2 }, // migrate start: the fault backs off
    { cmd: 'step', op: 1 }, // the fault walks: populates the page (absent before)
    { cmd: 'read', mm: 0, vpn: 9 }, // no vma: EFAULT, refused
  ]);

  it('names a command by its kind and result, a refusal by nothing else', () => {
    expect(f[0]).toEqual(['mmap>ok|inv:-/fault:-|-|']);
    expect(f[7]).toEqual(['read>EFAULT']);
  });

  it('gives the phases of the other ops of the mm overlapping the range, and the pte states', () => {
    // The migrate's start: the fault (started, not yet backing off) overlaps; the page is absent in the
    // CPU table, the mirror has no mirror or device pte there.
    expect(f[5]).toEqual(['step:migrate:created→start:u0:f>ok|inv:-/fault:start|-|-/-']);
    // The fault's walk: it backs off (!), the migrate overlaps in phase start.
    expect(f[6]).toEqual(['step:rfault:start!→walk>ok|inv:start/fault:-|-|-/-']);
  });
});
