/** `hmm_pt`: the HMM page table (see hmmPt.ts). */
export * from './pte.js';
export * from './pool.js';
export * from './hmmPt.js';
export * from './range.js';
export * from './check.js';
export * from './clone.js';
