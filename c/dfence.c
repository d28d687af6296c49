// SPDX-License-Identifier: MIT
/*
 * dfence.c - the simulated driver's fences (SPEC §2 fence, §4.2 wait, §5 fence lifecycle,
 * §6 driverSaw): created pending with one reference that passes to HMM, completed by the
 * device (signal, fail), answered by fence_wait, freed at the last unref. Calls on a freed
 * fence, and any fence_ref, are recorded as violations.
 */
#include "world.h"

/* A new pending fence for @dm's update of the event @op, id from the fence counter. */
struct dfence *dfence_create(struct dmirror *dm, u64 op)
{
	struct hmm_world *world = dm->mirror.mm->world;
	struct dfence *df = kzalloc(sizeof(*df));

	if (!df)
		return NULL;
	df->fence.mirror = &dm->mirror;
	INIT_LIST_HEAD(&df->fence.list);
	df->id = world->next_fence++;
	df->dev = dm->mirror.device->id;
	df->mirror = dm->mirror.id;
	df->op = op;
	df->state = DFENCE_PENDING;
	df->refs = 1;
	list_add_tail(&df->wlist, &world->fences);
	return df;
}

static struct hmm_world *dfence_world(struct dfence *df)
{
	return df->fence.mirror->device->world;
}

/* pending: -EAGAIN; signalled: 0; failed: its error (-EIO or another code). */
int dfence_wait(struct hmm_fence *fence)
{
	struct dfence *df = to_dfence(fence);

	if (df->freed)
		world_violation(dfence_world(df), "waitFreedFence", df->id);
	switch (df->state) {
	case DFENCE_PENDING:
		return -EAGAIN;
	case DFENCE_FAILED:
		return df->error;
	default:
		return 0;
	}
}

void dfence_ref(struct hmm_fence *fence)
{
	struct dfence *df = to_dfence(fence);

	world_violation(dfence_world(df), "fenceRef", df->id);
	if (!df->freed)
		df->refs++;
}

/* The last reference frees the fence: it leaves the world's list for the quarantine. */
void dfence_unref(struct hmm_fence *fence)
{
	struct dfence *df = to_dfence(fence);
	struct hmm_world *world = dfence_world(df);

	if (df->freed) {
		world_violation(world, "unrefFreedFence", df->id);
		return;
	}
	if (--df->refs)
		return;
	df->freed = true;
	list_del_init(&df->wlist);
	list_add_tail(&df->wlist, &world->dead_fences);
}
