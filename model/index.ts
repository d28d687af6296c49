/** The model (SPEC §5 statecharts and the reference world of SPEC §2–§7): the public surface of model/. */
export { ModelWorld, createModelWorld, type ModelWorldOptions } from './world/ModelWorld.js';
export { StatechartCoverage, statechartCatalog, type CoverageCount } from './statecharts/catalog.js';
export { faultMachine, fenceMachine, invalidationMachine, mirrorMachine, MACHINES } from './statecharts/machines.js';
export type { MirrorEvent } from './statecharts/mirror.js';
export type { InvalidationEvent, InvalidationFacts } from './statecharts/invalidation.js';
export type { FaultEvent } from './statecharts/fault.js';
export type { FenceEvent } from './statecharts/fence.js';
