/**
 * Issue 11, "name every broken rule": when the two worlds' results or observations differ and a
 * rule also breaks on either side, the failure names the rule; when a rule breaks, every other
 * rule broken by the same command is named with it.
 */
import { describe, expect, it } from 'vitest';
import { createImplWorld } from '../../../impl/index.js';
import { mutantByName } from '../../../impl/mutants/index.js';
import { createModelWorld } from '../../../model/index.js';
import { MemoryIsMemory, RULES } from '../../../properties/rules/index.js';
import type { Rule } from '../../../properties/rules/rule.js';
import { ConformanceFailure, Lockstep } from '../../../properties/runner/index.js';
import type { Command } from '../../../spec/index.js';
import { ToyWorld } from './toyWorld.js';

function failureOf(lockstep: Lockstep, commands: readonly Command[]): ConformanceFailure {
  try {
    for (const c of commands) lockstep.apply(c);
  } catch (e) {
    if (e instanceof ConformanceFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('broken rules', () => {
  it('names the rule the implementation breaks when the results differ', () => {
    // SPEC §4.2 wait: a pending fence answers -EAGAIN and stays HMM's. eagainTakenAsDone unrefs it
    // instead (freed while the device's queue still names it): pendingHoldsFence breaks on the impl.
    const impl = createImplWorld({ devices: 2 }, mutantByName('eagainTakenAsDone')!.apply);
    const lockstep = new Lockstep(createModelWorld({ devices: 2 }), impl, RULES, new MemoryIsMemory());
    const f = failureOf(lockstep, [
      { cmd: 'register', dev: 0, mm: 0 },
      { cmd: 'migrate', mm: 0, start: 0, npages: 1 },
      { cmd: 'step', op: 1 },
      { cmd: 'step', op: 1, choice: 'fence' },
      { cmd: 'step', op: 1 },
    ]);
    expect(f.details.kind).toBe('result');
    expect(f.details.brokenRules?.map((b) => [b.rule, b.side])).toEqual([['pendingHoldsFence', 'impl']]);
  });

  it('names every rule a command breaks, the first as the failure\'s rule', () => {
    const rule = (id: string): Rule => ({ id, rule: id, source: 'test', reads: ['ops'], check: (o) => (o.ops.length > 0 ? [`${id}: an op in flight`] : []) });
    const lockstep = new Lockstep(new ToyWorld(), new ToyWorld(), [rule('first'), rule('second')]);
    const f = failureOf(lockstep, [{ cmd: 'munmap', mm: 0, start: 0, npages: 1 }]);
    expect(f.details).toMatchObject({ kind: 'rule', rule: 'first', side: 'both' });
    expect(f.details.brokenRules?.map((b) => b.rule)).toEqual(['first', 'second']);
  });
});
