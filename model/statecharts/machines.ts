/** The four lifecycle machines of SPEC §5, in one list for the catalog and for diagram generators. */
import { faultMachine } from './fault.js';
import { fenceMachine } from './fence.js';
import { invalidationMachine } from './invalidation.js';
import { mirrorMachine } from './mirror.js';

export { faultMachine, fenceMachine, invalidationMachine, mirrorMachine };

/** Every lifecycle machine, in SPEC §5 order. */
export const MACHINES = [mirrorMachine, invalidationMachine, faultMachine, fenceMachine] as const;

/** One of the lifecycle machines. */
export type LifecycleMachine = (typeof MACHINES)[number];
