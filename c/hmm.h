/* SPDX-License-Identifier: MIT */
/*
 * hmm.h - the HMM core of the 2014 series: the per-mm struct hmm, mirrors, fences and the
 * driver's ops table (SPEC §2, §4, §5).
 *
 * The driver embeds struct hmm_mirror and struct hmm_fence in its own structures and hands
 * HMM an ops table, as the seed's hmm_device_ops; HMM never sees device page tables, only
 * what the driver reports through hmm_mirror_report_dirty().
 */
#ifndef HMM_HMM_H
#define HMM_HMM_H

#include "hmm_pt.h"
#include "list.h"

struct hmm_event;
struct hmm_world;
struct mm_struct;

/* SPEC §5 mirror lifecycle; `freed` is the struct leaving the world (ops->free). */
enum hmm_mirror_state {
	HMM_MIRROR_LIVE,
	HMM_MIRROR_UNREGISTERED,
	HMM_MIRROR_RELEASED,
	HMM_MIRROR_KILLED,
};

/* HMM's side of an mm: its mirrors and the ops in flight on it. */
struct hmm {
	struct list_head mirrors;	/* live mirrors, registration order (SPEC §2) */
	struct list_head ops;		/* struct hmm_op.mlist: ops of this mm in flight */
};

struct hmm_device;

struct hmm_mirror {
	u64 id;
	struct hmm_device *device;
	struct mm_struct *mm;
	enum hmm_mirror_state state;
	unsigned int refs;		/* ops in flight holding it (SPEC §4, §7 refs) */
	struct hmm_pt pt;		/* the mirror page table: mirror ptes (pte.h) */
	struct list_head mlist;		/* mm->hmm.mirrors, only while live */
	struct list_head wlist;		/* world->mirrors, id order, until freed */
};

/*
 * The HMM-visible part of a driver's fence (the seed's struct hmm_fence): the mirror whose
 * update returned it and the event's list of fences not yet answered.
 */
struct hmm_fence {
	struct hmm_mirror *mirror;
	struct list_head list;		/* hmm_event.fences, in the order added */
};

/*
 * What the driver does for HMM (the seed's hmm_device_ops). Each callback's contract is
 * SPEC §4.2 and §5; the driver simulator records a violation (SPEC §6 driverSaw) for every
 * call that breaks it.
 *
 * update:	invalidate the mirror's device ptes in the event's range. NULL: done now;
 *		a fence: done when the fence completes (its one reference passes to HMM);
 *		ERR_PTR(-errno): failed, HMM kills the mirror. Never called for a mirror that
 *		is not live, never retried.
 * fence_wait:	0 (signalled), -EAGAIN (not yet) or the failure (-EIO, or another code).
 * fence_ref:	take a reference. HMM never calls it (SPEC §4.2).
 * fence_unref:	drop a reference; the driver frees the fence at 0. HMM calls it exactly
 *		once per fence, after a wait answered something other than -EAGAIN.
 * release:	the mirror was released (exit) or killed: stop using it and drop every
 *		device pte, reporting dirty bits. Called exactly once per such mirror.
 * free:	the mirror is no longer live and no op holds it: the driver may free it. No
 *		callback concerns it afterwards.
 */
struct hmm_device_ops {
	struct hmm_fence *(*update)(struct hmm_mirror *mirror, const struct hmm_event *event);
	int (*fence_wait)(struct hmm_fence *fence);
	void (*fence_ref)(struct hmm_fence *fence);
	void (*fence_unref)(struct hmm_fence *fence);
	void (*release)(struct hmm_mirror *mirror);
	void (*free)(struct hmm_mirror *mirror);
};

struct hmm_device {
	unsigned int id;		/* 0 .. devices-1 (SPEC §1) */
	const struct hmm_device_ops *ops;
	struct hmm_world *world;
};

/* mirror.c */
void hmm_init(struct hmm *hmm);
struct hmm_mirror *hmm_mirror_find(struct mm_struct *mm, unsigned int dev);
void hmm_mirror_register(struct hmm_mirror *mirror, struct hmm_device *device,
			 struct mm_struct *mm);
void hmm_mirror_unregister(struct hmm_mirror *mirror);
void hmm_mirror_release(struct hmm_mirror *mirror);
void hmm_mirror_kill(struct hmm_mirror *mirror);
void hmm_mirror_get(struct hmm_mirror *mirror);
void hmm_mirror_put(struct hmm_mirror *mirror);
void hmm_mirror_report_dirty(struct hmm_mirror *mirror, u64 vpn, u64 pfn);

#endif /* HMM_HMM_H */
