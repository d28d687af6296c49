/**
 * The device fault lifecycle (SPEC §4.3, §5): created → start → walk → end.
 *
 * Kernel reference: the series' `hmm_mirror_fault` with its `hmm_device_fault_start` registration,
 * the page walk, and the commit under the mirror's lock. Start answers -EAGAIN and stays in
 * `created` while an active invalidation overlaps; the walk may end the fault early (EFAULT,
 * EPERM, EAGAIN); the commit is the transition walk → end (ok, EAGAIN on backoff, ENODEV).
 */
import { not, setup } from 'xstate';

/** Events of the device fault lifecycle, one per step of SPEC §4.3, with their guards' facts. */
export type FaultEvent =
  | { type: 'START'; activeInvalidationOverlaps: boolean }
  | { type: 'WALK'; walkGotThrough: boolean }
  | { type: 'COMMIT'; backoff: boolean; mirrorLive: boolean };

const named = (): void => {};

/** The device fault statechart: observed fault `phase` names are its state names. */
export const faultMachine = setup({
  types: { events: {} as FaultEvent },
  guards: {
    activeInvalidationOverlaps: ({ event }) => event.type === 'START' && event.activeInvalidationOverlaps,
    walkGotThrough: ({ event }) => event.type === 'WALK' && event.walkGotThrough,
    backoff: ({ event }) => event.type === 'COMMIT' && event.backoff,
    mirrorLive: ({ event }) => event.type === 'COMMIT' && event.mirrorLive,
    /** The faulting mirror was unregistered, released or killed since the fault began. */
    mirrorNotLive: not('mirrorLive'),
  },
  actions: {
    answerEagain: named,
    /** `backoff = false`; the fault is registered with the mm. */
    clearBackoff: named,
    /** The walk recorded `{pfn, write}` of each CPU pte of the range. */
    recordPfns: named,
    /** The walk ended the fault early: EFAULT, EPERM or EAGAIN (after a COW break). */
    endWalk: named,
    answerEnodev: named,
    /** Replace mirror ptes with the records and set the device ptes. */
    mapDevicePtes: named,
  },
}).createMachine({
  id: 'fault',
  initial: 'created',
  states: {
    created: {
      on: {
        START: [
          { guard: 'activeInvalidationOverlaps', actions: 'answerEagain' },
          { target: 'start', actions: 'clearBackoff' },
        ],
      },
    },
    start: {
      on: {
        WALK: [
          { guard: 'walkGotThrough', target: 'walk', actions: 'recordPfns' },
          { target: 'end', actions: 'endWalk' },
        ],
      },
    },
    walk: {
      on: {
        COMMIT: [
          { guard: 'backoff', target: 'end', actions: 'answerEagain' },
          { guard: 'mirrorNotLive', target: 'end', actions: 'answerEnodev' },
          { target: 'end', actions: 'mapDevicePtes' },
        ],
      },
    },
    end: { type: 'final' },
  },
});
