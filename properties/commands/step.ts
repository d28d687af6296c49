/** `step(op, choice?)` (SPEC §3, §4): one atomic step of an op; `choice` is the driver's answer to an update. */
import fc from 'fast-check';
import type { Step } from '../../spec/index.js';
import { IndexedCommand } from './indexedCommand.js';
import { choiceArb, opIndexArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `step` on an op index (newest first) with a driver answer. */
export const stepArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  fc.tuple(opIndexArb(s), choiceArb(s)).map(
    ([opIndex, choice]) =>
      new IndexedCommand('step', { op: opIndex }, ({ op }): Step => (choice === undefined ? { cmd: 'step', op } : { cmd: 'step', op, choice })),
  );
