/* SPDX-License-Identifier: MIT */
/*
 * world.h - the whole simulated system (SPEC §2): mms and pages, HMM's ops and mirrors,
 * the devices and their fences, the warning counter, the driver's violations, and the
 * identity counters of SPEC §1.
 */
#ifndef HMM_WORLD_H
#define HMM_WORLD_H

#include "dmirror.h"
#include "op.h"

#define HMM_MAX_DEVICES 8

struct hmm_world {
	unsigned int ndevices;			/* SPEC §1 config: 1 to 8 */
	struct dmirror_device devices[HMM_MAX_DEVICES];
	struct mm_struct **mms;			/* by mm id, live and dead */
	size_t nr_mms, cap_mms;
	struct page_pool pool;
	struct hmm_pt op_index;			/* op id -> struct hmm_op * in flight */
	struct list_head ops;			/* ops in flight, id order */
	struct list_head mirrors;		/* mirrors until freed, id order */
	struct list_head fences;		/* fences until freed, id order */
	struct list_head dead_mirrors;		/* the driver's quarantine (dmirror.h) */
	struct list_head dead_fences;
	u64 next_mirror, next_op, next_fence;
	u64 warnings;				/* waits answered other than 0, -EIO, -EAGAIN */
	enum hmm_choice answer;			/* the driver's answer to the next update */
	char **violations;			/* SPEC §6 driverSaw, in the order seen */
	size_t nr_violations, cap_violations;
};

int world_init(struct hmm_world *world, unsigned int devices);
void world_fini(struct hmm_world *world);
struct mm_struct *world_mm(struct hmm_world *world, s64 id);
int world_add_mm(struct hmm_world *world, struct mm_struct *mm);
void world_violation(struct hmm_world *world, const char *what, u64 id);

#endif /* HMM_WORLD_H */
