/**
 * The mirror lifecycle (SPEC §5): live → unregistered | released | killed → freed when refs reach 0.
 *
 * Kernel reference: the 2014 series' `hmm_mirror_unregister`, `hmm_mirror_release` and the kill path
 * on a failed update or fence. The machine is pure and context-free; the world owns the mirror's
 * data and performs each named action's effect. Events carry the facts their guards need.
 */
import { setup } from 'xstate';

/** Events of the mirror lifecycle. `FREE` carries the mirror's current `refs`. */
export type MirrorEvent =
  | { type: 'UNREGISTER' }
  | { type: 'RELEASE' }
  | { type: 'KILL' }
  | { type: 'FREE'; refs: number };

/** Actions only name the effect; the world performs it on its own records. */
const named = (): void => {};

/** The mirror statechart: observed `state` names are its state names. */
export const mirrorMachine = setup({
  types: { events: {} as MirrorEvent },
  guards: {
    refsZero: ({ event }) => event.type === 'FREE' && event.refs === 0,
  },
  actions: {
    /** Drop device ptes (reporting rule), empty the mirror page table, leave the mm's list. */
    teardown: named,
    /** The driver's `release(mirror)`, called exactly once for released and killed mirrors. */
    callRelease: named,
    freeMirror: named,
  },
}).createMachine({
  id: 'mirror',
  initial: 'live',
  states: {
    live: {
      on: {
        UNREGISTER: { target: 'unregistered', actions: 'teardown' },
        RELEASE: { target: 'released', actions: ['teardown', 'callRelease'] },
        KILL: { target: 'killed', actions: ['teardown', 'callRelease'] },
      },
    },
    unregistered: { on: { FREE: { guard: 'refsZero', target: 'freed', actions: 'freeMirror' } } },
    released: { on: { FREE: { guard: 'refsZero', target: 'freed', actions: 'freeMirror' } } },
    killed: { on: { FREE: { guard: 'refsZero', target: 'freed', actions: 'freeMirror' } } },
    freed: { type: 'final' },
  },
});
