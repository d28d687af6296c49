/**
 * The invalidation lifecycle (SPEC §4.2, §5): created → start → update* → wait* → commit → apply → end.
 *
 * Kernel reference: the series' `hmm_invalidate_range_start` / `hmm_mirror_update` / `hmm_fence_wait`
 * batch. Guarded: no wait before every captured mirror is updated, no commit before every fence is
 * finished, a wait only when the event has fences. Each event carries the facts of its guards as
 * the world sees them just before the step.
 */
import { and, not, setup } from 'xstate';

/** Facts about the event's progress, computed by the world before the step. */
export interface InvalidationFacts {
  /** Every captured mirror has had its update step. */
  readonly allMirrorsUpdated: boolean;
  /** The event collected at least one fence. */
  readonly hasFences: boolean;
  /** Every fence has answered a wait with something other than -EAGAIN. */
  readonly allFencesDone: boolean;
}

/** Events of the invalidation lifecycle, one per step of SPEC §4.2. */
export type InvalidationEvent =
  | { type: 'START' }
  | ({ type: 'UPDATE' } & Pick<InvalidationFacts, 'allMirrorsUpdated'>)
  | ({ type: 'WAIT' } & InvalidationFacts)
  | ({ type: 'COMMIT' } & Pick<InvalidationFacts, 'allMirrorsUpdated' | 'allFencesDone'>)
  | { type: 'APPLY' }
  | { type: 'END' };

const named = (): void => {};

/** The invalidation statechart: observed invalidation `phase` names are its state names. */
export const invalidationMachine = setup({
  types: { events: {} as InvalidationEvent },
  guards: {
    allMirrorsUpdated: ({ event }) => 'allMirrorsUpdated' in event && event.allMirrorsUpdated,
    hasFences: ({ event }) => 'hasFences' in event && event.hasFences,
    allFencesDone: ({ event }) => 'allFencesDone' in event && event.allFencesDone,
    /** A captured mirror has not had its update step yet. */
    mirrorLeftToUpdate: not('allMirrorsUpdated'),
    /** Every mirror is updated and a fence is still unfinished. */
    fenceLeftToWait: and(['allMirrorsUpdated', 'hasFences', not('allFencesDone')]),
    /** Every mirror is updated and every fence finished. */
    readyToCommit: and(['allMirrorsUpdated', 'allFencesDone']),
  },
  actions: {
    /** Every in-flight device fault of the mm overlapping the range gets `backoff`. */
    markBackoff: named,
    /** The op takes a ref on each live mirror of the mm, in registration order. */
    captureMirrors: named,
    /** The driver's `update(mirror, event)` for the next captured mirror. */
    updateMirror: named,
    /** `fence_wait` on the first unfinished fence, then `fence_unref`. */
    waitFence: named,
    /** Harvest dirty bits of valid mirror ptes in range, then apply the event's `pte_mask`. */
    propagateDirty: named,
    /** The CPU page-table change of SPEC §3. */
    applyCpuChange: named,
    /** The event stops being active; each captured mirror drops its ref. */
    releaseMirrors: named,
  },
}).createMachine({
  id: 'invalidation',
  initial: 'created',
  states: {
    created: { on: { START: { target: 'start', actions: ['markBackoff', 'captureMirrors'] } } },
    start: {
      on: {
        UPDATE: { guard: 'mirrorLeftToUpdate', target: 'update', actions: 'updateMirror' },
        COMMIT: { guard: 'readyToCommit', target: 'commit', actions: 'propagateDirty' },
      },
    },
    update: {
      on: {
        UPDATE: { guard: 'mirrorLeftToUpdate', target: 'update', actions: 'updateMirror' },
        WAIT: { guard: 'fenceLeftToWait', target: 'wait', actions: 'waitFence' },
        COMMIT: { guard: 'readyToCommit', target: 'commit', actions: 'propagateDirty' },
      },
    },
    wait: {
      on: {
        WAIT: { guard: 'fenceLeftToWait', target: 'wait', actions: 'waitFence' },
        COMMIT: { guard: 'readyToCommit', target: 'commit', actions: 'propagateDirty' },
      },
    },
    commit: { on: { APPLY: { target: 'apply', actions: 'applyCpuChange' } } },
    apply: { on: { END: { target: 'end', actions: 'releaseMirrors' } } },
    end: { type: 'final' },
  },
});
