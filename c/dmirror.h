/* SPDX-License-Identifier: MIT */
/*
 * dmirror.h - the driver simulator (SPEC §2 device, §6 driverSaw): the device side that
 * lib/test_hmm.c plays for upstream HMM. Each device keeps a device page table per mirror
 * and a FIFO of pending invalidations; its fences are its own; and, like KASAN, it records
 * a violation for every call that breaks HMM's contract instead of trusting it.
 *
 * Freed mirrors and fences are not given back to malloc but kept, marked freed, until the
 * world is reset (KASAN's quarantine): a late call on one is recorded as a violation, not a
 * use-after-free.
 */
#ifndef HMM_DMIRROR_H
#define HMM_DMIRROR_H

#include "hmm.h"

enum dfence_state {
	DFENCE_PENDING,
	DFENCE_SIGNALED,
	DFENCE_FAILED,
};

struct dfence {
	struct hmm_fence fence;		/* HMM's part */
	u64 id;
	unsigned int dev;
	u64 mirror;			/* id of the mirror whose update returned it */
	u64 op;				/* id of the event it answers */
	enum dfence_state state;
	bool freed;
	unsigned int refs;
	int error;			/* failed: -EIO, or -EPROTO standing for any other code */
	struct list_head wlist;		/* world->fences until freed, then the quarantine */
};

struct dmirror {
	struct hmm_mirror mirror;	/* HMM's part */
	struct hmm_pt dpt;		/* the device page table: device ptes (pte.h) */
	bool released;
	bool freed;
	struct list_head grave;		/* the quarantine, once freed */
};

/* One pending invalidation {fence, mirror, start, end} (SPEC §2, §7 pending). */
struct dinval {
	struct dfence *fence;
	struct dmirror *dmirror;
	u64 start, end;
	struct list_head list;		/* dmirror_device.pending, oldest first */
};

struct dmirror_device {
	struct hmm_device device;
	struct list_head pending;
};

static inline struct dmirror *to_dmirror(struct hmm_mirror *mirror)
{
	return container_of(mirror, struct dmirror, mirror);
}

static inline struct dfence *to_dfence(struct hmm_fence *fence)
{
	return container_of(fence, struct dfence, fence);
}

/* dmirror.c: the device page table */
struct dmirror *dmirror_create(struct dmirror_device *ddev, struct mm_struct *mm);
void dmirror_unregister(struct dmirror *dm);
void dmirror_drop_range(struct dmirror *dm, u64 start, u64 end);
int dmirror_read(struct dmirror *dm, u64 vpn, s64 *data);
int dmirror_write(struct dmirror *dm, u64 vpn, s64 value);
int dmirror_map_range(struct dmirror *dm, u64 start, u64 end);

/* ddevice.c: the device, its pending FIFO and the ops table */
void dmirror_device_init(struct dmirror_device *ddev, unsigned int id, struct hmm_world *world);
void dmirror_device_fini(struct dmirror_device *ddev);
int dmirror_device_complete(struct dmirror_device *ddev, int error, u64 *fence);

/* dfence.c: the driver's fences, and their callbacks of the ops table */
struct dfence *dfence_create(struct dmirror *dm, u64 op);
int dfence_wait(struct hmm_fence *fence);
void dfence_ref(struct hmm_fence *fence);
void dfence_unref(struct hmm_fence *fence);

#endif /* HMM_DMIRROR_H */
