/** SPEC.md's vocabulary as types and a few constants. Imports nothing of model/, impl/ or properties/. */
export * from './address.js';
export * from './command.js';
export * from './observation.js';
export * from './sameObservation.js';
export * from './observedParts.js';
export * from './result.js';
export * from './stateSink.js';
export * from './vocabulary.js';
export * from './world.js';
export * from './observationFields.js';
export * from './orderOfChecks.js';
