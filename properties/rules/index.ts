/** The rules of SPEC §6 as values, plus the two that need more than one observation. */
export type { Rule } from './rule.js';
export { RULES, checkRules, type RuleBreach } from './rules.js';
export { rulesFor, type SkippedRule } from './rulesFor.js';
export { mirrorWithinCpu } from './mirrorWithinCpu.js';
export { deviceWithinMirror } from './deviceWithinMirror.js';
export { dirtyImpliesWrite } from './dirtyImpliesWrite.js';
export { dirtyTracked } from './dirtyTracked.js';
export { fenceDiscipline } from './fenceDiscipline.js';
export { mirrorLifecycle } from './mirrorLifecycle.js';
export { driverSaw } from './driverSaw.js';
export { quietBeforeChange } from './quietBeforeChange.js';
export { pendingHoldsFence } from './pendingHoldsFence.js';
export { MemoryIsMemory } from './memoryIsMemory.js';
export { DRAIN_MAX_ROUNDS, checkDrained, drain, drainRound, drainThrough, isDrained, leftInFlight, type DrainOutcome } from './drainable.js';
export { activeInvalidationCovers, pendingCovers } from './observationIndex.js';
