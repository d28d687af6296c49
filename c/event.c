// SPDX-License-Identifier: MIT
/*
 * event.c - an invalidation as atomic steps: start, update per captured mirror, wait per
 * fence, commit, apply, end (SPEC §4.2, §5; the seed's hmm_invalidate_range() split at
 * every point another thread could run). Commit and apply are in event_commit.c.
 */
#include "world.h"

struct hmm_event *hmm_event_create(struct mm_struct *mm, enum hmm_op_kind kind,
				   enum hmm_etype etype, u64 start, u64 end)
{
	struct hmm_event *event = kzalloc(sizeof(*event));

	if (!event)
		return ERR_PTR(-ENOMEM);
	event->etype = etype;
	INIT_LIST_HEAD(&event->fences);
	if (hmm_op_add(&event->op, mm, kind, start, end)) {
		kfree(event);
		return ERR_PTR(-ENOMEM);
	}
	return event;
}

void hmm_event_free(struct hmm_event *event)
{
	kfree(event->mirrors);
	kfree(event);
}

/*
 * Step 1, start: the event becomes active (its phase leaves created), every device fault
 * overlapping it backs off whatever its phase, and it captures the mm's live mirrors in
 * registration order, each holding a ref until the end.
 */
static int event_start(struct hmm_event *event)
{
	struct mm_struct *mm = event->op.mm;
	struct hmm_mirror *mirror;
	struct hmm_op *op;
	unsigned int n = 0;

	list_for_each_entry(mirror, &mm->hmm.mirrors, mlist)
		n++;
	if (n) {
		event->mirrors = kcalloc(n, sizeof(*event->mirrors));
		if (!event->mirrors)
			return -ENOMEM;
	}
	list_for_each_entry(mirror, &mm->hmm.mirrors, mlist) {
		hmm_mirror_get(mirror);
		event->mirrors[event->nmirrors++] = mirror;
	}
	list_for_each_entry(op, &mm->hmm.ops, mlist)
		if (hmm_op_is_fault(op) &&
		    ranges_overlap(op->start, op->end, event->op.start, event->op.end))
			to_fault(op)->backoff = true;
	return 0;
}

/*
 * Step 2, update of the next captured mirror. A mirror no longer live gets no call (the
 * step still counts). The driver's answer: NULL, done; a fence, added to the event's
 * fences with its reference; an error, the mirror is killed at once (never retried).
 */
static void event_update(struct hmm_event *event)
{
	struct hmm_mirror *mirror = event->mirrors[event->updated++];
	struct hmm_fence *fence;

	if (mirror->state != HMM_MIRROR_LIVE)
		return;
	fence = mirror->device->ops->update(mirror, event);
	if (IS_ERR(fence))
		hmm_mirror_kill(mirror);
	else if (fence)
		list_add_tail(&fence->list, &event->fences);
}

/*
 * Step 3, wait on the first fence not yet answered. -EAGAIN: not yet, nothing changes.
 * Any other answer finishes the fence: a code other than -EIO is a driver bug, counted as
 * a warning and taken as -EIO; a failure kills the fence's mirror if still live; then HMM
 * drops its reference, exactly once, and forgets the fence (the driver may free it).
 */
static int event_wait(struct hmm_event *event)
{
	struct hmm_fence *fence = list_first_entry(&event->fences, struct hmm_fence, list);
	struct hmm_mirror *mirror = fence->mirror;
	const struct hmm_device_ops *ops = mirror->device->ops;
	int ret = ops->fence_wait(fence);

#ifdef MUTANT_eagain_done
	/*
	 * MUTANT: -EAGAIN taken as done, as a wait that only tests for failure does
	 * (`if (ret < 0 && ret != -EAGAIN) fail; else done;`): HMM unrefs a pending fence
	 * and commits while the device still maps the pages.
	 */
	if (ret == -EAGAIN)
		ret = 0;
#else
	if (ret == -EAGAIN)
		return -EAGAIN;
#endif
	list_del_init(&fence->list);
#ifdef MUTANT_fail_code_success
	/*
	 * MUTANT: only -EIO is checked for, so any other failure code (-ENOMEM, -ETIMEDOUT...)
	 * passes as success: no warning and the mirror that failed stays live.
	 */
	if (ret != -EIO)
		ret = 0;
#endif
	if (ret && ret != -EIO) {
		mirror->mm->world->warnings++;
		ret = -EIO;
	}
	if (ret && mirror->state == HMM_MIRROR_LIVE)
		hmm_mirror_kill(mirror);
	ops->fence_unref(fence);
#ifdef MUTANT_fence_unref_twice
	/*
	 * MUTANT: the seed's comment says the driver frees the fence itself, and HMM unrefs it
	 * too: the second unref hits a freed fence (found in review of the series).
	 */
	ops->fence_unref(fence);
#endif
	return 0;
}

/* Step 6, end: the event is no longer active; each captured mirror drops its ref. */
static struct hmm_result event_end(struct hmm_event *event)
{
	unsigned int i;

	for (i = 0; i < event->nmirrors; i++)
		hmm_mirror_put(event->mirrors[i]);
	event->op.phase = HMM_PHASE_END;
	return res_ok(event->op.kind == HMM_OP_FORK ? (s64)event->child : 0);
}

/* The step that applies next (SPEC §5 guards: every mirror updated, every fence answered). */
static enum hmm_op_phase event_next(const struct hmm_event *event)
{
	switch (event->op.phase) {
	case HMM_PHASE_CREATED:
		return HMM_PHASE_START;
	case HMM_PHASE_COMMIT:
		return HMM_PHASE_APPLY;
	case HMM_PHASE_APPLY:
		return HMM_PHASE_END;
	default:
		if (event->updated < event->nmirrors)
			return HMM_PHASE_UPDATE;
		if (!list_empty(&event->fences))
			return HMM_PHASE_WAIT;
		return HMM_PHASE_COMMIT;
	}
}

struct hmm_result hmm_event_step(struct hmm_event *event)
{
	enum hmm_op_phase next = event_next(event);
	int ret = 0;

	switch (next) {
	case HMM_PHASE_START:
		ret = event_start(event);
		break;
	case HMM_PHASE_UPDATE:
		event_update(event);
		break;
	case HMM_PHASE_WAIT:
		ret = event_wait(event);
		break;
	case HMM_PHASE_COMMIT:
		hmm_event_commit(event);
		break;
	case HMM_PHASE_APPLY:
		ret = hmm_event_apply(event);
		break;
	default:
		return event_end(event);
	}
	if (ret)
		return res_err(ret);	/* -EAGAIN (or -ENOMEM): the phase stays */
	event->op.phase = next;
	return res_ok(0);
}
