/**
 * The fence lifecycle (SPEC §5, §4.2): pending → signaled | failed → freed.
 *
 * Kernel reference: the series' `hmm_fence` with the driver's `fence_wait` / `fence_unref`.
 * A wait on a pending fence answers -EAGAIN and leaves it pending; a finished fence is waited
 * once and then unreferenced by HMM, which frees it (HMM never calls `fence_ref`, so the
 * unref always reaches 0; an unref that would not is a breach the machine refuses).
 */
import { setup } from 'xstate';

/** Events of the fence lifecycle. `UNREF` carries the refs left after the unref. */
export type FenceEvent =
  | { type: 'SIGNAL' }
  | { type: 'FAIL' }
  | { type: 'WAIT' }
  | { type: 'UNREF'; refs: number };

const named = (): void => {};

/** The fence statechart: observed fence `state` names are its state names. */
export const fenceMachine = setup({
  types: { events: {} as FenceEvent },
  guards: {
    refsZero: ({ event }) => event.type === 'UNREF' && event.refs === 0,
  },
  actions: {
    /** The device completed the invalidation: its device ptes in range are dropped. */
    dropDevicePtes: named,
    /** `fence_wait` answers -EAGAIN. */
    answerEagain: named,
    /** `fence_wait` answers 0 or the failure code. */
    answerWait: named,
    freeFence: named,
  },
}).createMachine({
  id: 'fence',
  initial: 'pending',
  states: {
    pending: {
      on: {
        WAIT: { actions: 'answerEagain' },
        SIGNAL: { target: 'signaled', actions: 'dropDevicePtes' },
        FAIL: { target: 'failed', actions: 'dropDevicePtes' },
      },
    },
    signaled: {
      on: {
        WAIT: { actions: 'answerWait' },
        UNREF: { guard: 'refsZero', target: 'freed', actions: 'freeFence' },
      },
    },
    failed: {
      on: {
        WAIT: { actions: 'answerWait' },
        UNREF: { guard: 'refsZero', target: 'freed', actions: 'freeFence' },
      },
    },
    freed: { type: 'final' },
  },
});
