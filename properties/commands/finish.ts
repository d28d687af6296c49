/** `finish(op)` (SPEC §3): steps an op with `sync` until it ends or a step answers EAGAIN. */
import type fc from 'fast-check';
import { IndexedCommand } from './indexedCommand.js';
import { opIndexArb } from './domains.js';
import type { GenerationScope } from './scope.js';

/** Generates `finish` on an op index (newest first). */
export const finishArbitrary = (s: GenerationScope): fc.Arbitrary<IndexedCommand> =>
  opIndexArb(s).map((opIndex) => new IndexedCommand('finish', { op: opIndex }, ({ op }) => ({ cmd: 'finish', op })));
