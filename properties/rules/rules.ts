/** The observation rules of SPEC §6, in SPEC order (memoryIsMemory and drainable are run apart). */
import { deviceWithinMirror } from './deviceWithinMirror.js';
import { dirtyImpliesWrite } from './dirtyImpliesWrite.js';
import { dirtyTracked } from './dirtyTracked.js';
import { driverSaw } from './driverSaw.js';
import { fenceDiscipline } from './fenceDiscipline.js';
import { mirrorLifecycle } from './mirrorLifecycle.js';
import { mirrorWithinCpu } from './mirrorWithinCpu.js';
import { pendingHoldsFence } from './pendingHoldsFence.js';
import { quietBeforeChange } from './quietBeforeChange.js';
import type { Observation } from '../../spec/index.js';
import type { Rule } from './rule.js';

/** Every rule that is a predicate over one observation. */
export const RULES: readonly Rule[] = [
  mirrorWithinCpu, deviceWithinMirror, dirtyImpliesWrite, dirtyTracked, fenceDiscipline, mirrorLifecycle, driverSaw, quietBeforeChange,
  pendingHoldsFence,
];

/** One breach of a rule: which rule, and its message. */
export interface RuleBreach {
  readonly rule: string;
  readonly message: string;
}

/** Runs every rule of `RULES` over an observation; empty when all hold. */
export function checkRules(o: Observation): RuleBreach[] {
  return RULES.flatMap((r) => r.check(o).map((message) => ({ rule: r.id, message })));
}
