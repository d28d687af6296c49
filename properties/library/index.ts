/** The library API of hmm-model: the conformance check as a function. */
export { checkConformance, type CheckOptions } from './checkConformance.js';
