/** Generated commands of SPEC §3 for the conformance checker: indices, scope, weights, printing. */
export { COMMAND_CATALOG, type CommandArbitraryBuilder } from './catalog.js';
export { commandArbitrary } from './commandArbitrary.js';
export { formatCommand, hex } from './format.js';
export { IndexedCommand, type CommandRefs, type CommandSystem, type CommandTemplate } from './indexedCommand.js';
export { DEFAULT_SCOPE, FAR_WINDOW_CENTRES, type GenerationScope } from './scope.js';
export { NON_INTEGER_INDEX, Tracker, UNKNOWN_INDEX, type IdCounters } from './tracker.js';
