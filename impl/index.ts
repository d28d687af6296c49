/** The optimized implementation of SPEC.md (see world/implWorld.ts). */
export { ImplWorld, createImplWorld, type ImplOptions } from './world/implWorld.js';
export { defaultOps, bindOps, type HmmOps } from './hmm/ops.js';
export type { Core } from './world/core.js';
