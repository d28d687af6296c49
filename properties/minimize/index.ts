/** 1-minimal counterexamples: delta debugging over a failing program, with ids as references. */
export { ddmin } from './ddmin.js';
export { minimizeFailure, runCandidate, symbolicRun, type MinimizeOptions, type MinimizeSystem, type Minimized } from './minimizeFailure.js';
export { failureOf, needsDrain, sameFailure } from './sameFailure.js';
export { IdLedger, resolveCommand, symbolize, withoutChoice, type Counters, type IdRef, type SymbolicCommand } from './symbolicProgram.js';
