/**
 * A fence (SPEC §2, §5): returned by the driver's update, owned by the event it was added to.
 * `state` changes at signal/fail and at the unref that frees it; `refs` at fence_unref.
 */
import type { FenceState } from '../../spec/index.js';
import type { Mirror } from '../hmm/mirror.js';

export class Fence {
  state: FenceState = 'pending';
  /** The reference passes to HMM on return from update (SPEC §4.2). */
  refs = 1;
  /** fail's code once failed. */
  code = '';

  constructor(readonly id: number, readonly dev: number, readonly mirror: Mirror, readonly op: number) {}
}
