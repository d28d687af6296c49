// SPDX-License-Identifier: MIT
/*
 * ddevice.c - a simulated device: its answers to HMM (the ops table), its FIFO of pending
 * invalidations and their completion by signal and fail (SPEC §2 device, §3 signal/fail,
 * §4.2 update, §5, §6 driverSaw; INTERPRETATION 12).
 */
#include "world.h"

static struct hmm_world *mirror_world(struct hmm_mirror *mirror)
{
	return mirror->device->world;
}

/*
 * update(): the command's choice says how the driver answers (SPEC §3 step). sync drops
 * the device ptes now; fence queues their invalidation and returns a new pending fence,
 * the device keeping the ptes usable until it completes; error fails.
 */
static struct hmm_fence *dmirror_update(struct hmm_mirror *mirror, const struct hmm_event *event)
{
	struct hmm_world *world = mirror_world(mirror);
	struct dmirror *dm = to_dmirror(mirror);
	struct dmirror_device *ddev;
	struct dinval *inval;
	struct dfence *df;

	if (dm->freed)
		world_violation(world, "callbackFreedMirror", mirror->id);
	else if (mirror->state != HMM_MIRROR_LIVE)
		world_violation(world, "updateNotLive", mirror->id);
	switch (world->answer) {
	case HMM_CHOICE_SYNC:
		dmirror_drop_range(dm, event->op.start, event->op.end);
		return NULL;
	case HMM_CHOICE_FENCE:
		break;
	default:
		return ERR_PTR(-EIO);
	}
	inval = kzalloc(sizeof(*inval));
	if (!inval)
		goto fail;
	df = dfence_create(dm, event->op.id);
	if (!df)
		goto fail_inval;
	inval->fence = df;
	inval->dmirror = dm;
	inval->start = event->op.start;
	inval->end = event->op.end;
	ddev = container_of(mirror->device, struct dmirror_device, device);
	list_add_tail(&inval->list, &ddev->pending);
	return &df->fence;

fail_inval:
	kfree(inval);
fail:
	return ERR_PTR(-ENOMEM);
}

/* release(): released or killed; the device lets go of every page of the mirror. */
static void dmirror_release(struct hmm_mirror *mirror)
{
	struct hmm_world *world = mirror_world(mirror);
	struct dmirror *dm = to_dmirror(mirror);

	if (dm->freed) {
		world_violation(world, "callbackFreedMirror", mirror->id);
		return;
	}
	if (dm->released) {
		world_violation(world, "releaseTwice", mirror->id);
		return;
	}
	dm->released = true;
	dmirror_drop_range(dm, 0, HMM_PT_LIMIT);
}

/* free(): HMM is done with the mirror; it goes to the quarantine. */
static void dmirror_free(struct hmm_mirror *mirror)
{
	struct hmm_world *world = mirror_world(mirror);
	struct dmirror *dm = to_dmirror(mirror);

	if (dm->freed) {
		world_violation(world, "callbackFreedMirror", mirror->id);
		return;
	}
	dm->freed = true;
	hmm_pt_fini(&dm->dpt);
	list_add_tail(&dm->grave, &world->dead_mirrors);
}

static const struct hmm_device_ops dmirror_ops = {
	.update		= dmirror_update,
	.fence_wait	= dfence_wait,
	.fence_ref	= dfence_ref,
	.fence_unref	= dfence_unref,
	.release	= dmirror_release,
	.free		= dmirror_free,
};

void dmirror_device_init(struct dmirror_device *ddev, unsigned int id, struct hmm_world *world)
{
	ddev->device.id = id;
	ddev->device.ops = &dmirror_ops;
	ddev->device.world = world;
	INIT_LIST_HEAD(&ddev->pending);
}

void dmirror_device_fini(struct dmirror_device *ddev)
{
	struct dinval *inval, *n;

	list_for_each_entry_safe(inval, n, &ddev->pending, list) {
		list_del_init(&inval->list);
		kfree(inval);
	}
}

/*
 * SPEC §3 signal (@error 0) and fail: the device completes its oldest pending
 * invalidation. The mirror's device ptes in its range go only if the mirror is still live
 * (a torn-down mirror has none); the fence is completed either way. -ENOENT: queue empty.
 */
int dmirror_device_complete(struct dmirror_device *ddev, int error, u64 *fence)
{
	struct dinval *inval;
	struct dmirror *dm;
	struct dfence *df;

	if (list_empty(&ddev->pending))
		return -ENOENT;
	inval = list_first_entry(&ddev->pending, struct dinval, list);
	list_del_init(&inval->list);
	dm = inval->dmirror;
	df = inval->fence;
	if (!dm->freed && dm->mirror.state == HMM_MIRROR_LIVE)
		dmirror_drop_range(dm, inval->start, inval->end);
	df->state = error ? DFENCE_FAILED : DFENCE_SIGNALED;
	df->error = error;
	*fence = df->id;
	kfree(inval);
	return 0;
}
