// SPDX-License-Identifier: MIT
/*
 * mirror.c - mirror registration, teardown and references (SPEC §3 register/unregister,
 * §5 mirror lifecycle; the seed's hmm_mirror_register()/hmm_mirror_unregister()).
 *
 * A mirror is live from register until unregister, its mm's exit (released) or a failed
 * update or fence (killed). Leaving live tears it down at once: off its mm's list, device
 * ptes dropped by the driver (reporting their dirty bits), then its mirror page table
 * emptied with the dirty bits moved to pages. It is freed when it is not live and no op
 * holds it (refs 0), at once if none does.
 */
#include "world.h"

void hmm_init(struct hmm *hmm)
{
	INIT_LIST_HEAD(&hmm->mirrors);
	INIT_LIST_HEAD(&hmm->ops);
}

/* The live mirror of device @dev on @mm, or NULL (ENOENT at the command's step 2). */
struct hmm_mirror *hmm_mirror_find(struct mm_struct *mm, unsigned int dev)
{
	struct hmm_mirror *mirror;

	list_for_each_entry(mirror, &mm->hmm.mirrors, mlist)
		if (mirror->device->id == dev)
			return mirror;
	return NULL;
}

/* SPEC §3 register: a new live mirror with an empty table, last on the mm's list. */
void hmm_mirror_register(struct hmm_mirror *mirror, struct hmm_device *device,
			 struct mm_struct *mm)
{
	struct hmm_world *world = mm->world;

	mirror->id = world->next_mirror++;
	mirror->device = device;
	mirror->mm = mm;
	mirror->state = HMM_MIRROR_LIVE;
	mirror->refs = 0;
	hmm_pt_init(&mirror->pt);
	list_add_tail(&mirror->mlist, &mm->hmm.mirrors);
	list_add_tail(&mirror->wlist, &world->mirrors);
}

/*
 * SPEC §2 reporting rule, HMM's half: the driver dropped (or replaced) a dirty device pte
 * mapping @pfn at @vpn. The dirty bit goes to the mirror pte if that maps the same pfn
 * (commit or teardown will move it on), otherwise straight to the page.
 */
void hmm_mirror_report_dirty(struct hmm_mirror *mirror, u64 vpn, u64 pfn)
{
	u64 *slot = hmm_pt_slot(&mirror->pt, vpn);

	if (slot && hpte_pfn(*slot) == pfn)
		*slot |= HPTE_DIRTY;
	else
		page_mkdirty_pfn(&mirror->mm->world->pool, pfn);
}

/* Empties the mirror page table in vpn order, dirty bits to pages (INTERPRETATION 10). */
static void hmm_mirror_clear(struct hmm_mirror *mirror)
{
	struct page_pool *pool = &mirror->mm->world->pool;
	struct hmm_pt_walk w;

	hmm_pt_for_each(&mirror->pt, &w, 0, HMM_PT_LIMIT) {
		if (hpte_dirty(w.entry))
			page_mkdirty_pfn(pool, hpte_pfn(w.entry));
		hmm_pt_clear(&mirror->pt, w.idx);
	}
}

/* SPEC §5: not live and refs 0. The driver gets it back and no callback follows. */
static void hmm_mirror_free(struct hmm_mirror *mirror)
{
	BUG_ON(mirror->state == HMM_MIRROR_LIVE || mirror->refs);
	list_del_init(&mirror->wlist);
	hmm_pt_fini(&mirror->pt);
	mirror->device->ops->free(mirror);
}

/*
 * Takes a live mirror out of service. For release and kill the driver's release() drops
 * its device ptes: it is the one callback HMM has for that, and it runs before the mirror
 * table is emptied, so the reporting rule still finds the mirror ptes (INTERPRETATION 10's
 * order: device ptes, then mirror ptes). For unregister the driver dropped them itself
 * before calling in (dmirror_unregister()).
 */
static void hmm_mirror_teardown(struct hmm_mirror *mirror, enum hmm_mirror_state state)
{
	BUG_ON(mirror->state != HMM_MIRROR_LIVE);
	list_del_init(&mirror->mlist);
	mirror->state = state;
	if (state != HMM_MIRROR_UNREGISTERED)
		mirror->device->ops->release(mirror);
	hmm_mirror_clear(mirror);
	if (!mirror->refs)
		hmm_mirror_free(mirror);
}

/* SPEC §3 unregister: no driver callback (the driver is the caller). */
void hmm_mirror_unregister(struct hmm_mirror *mirror)
{
	hmm_mirror_teardown(mirror, HMM_MIRROR_UNREGISTERED);
}

/* SPEC §3 exit: every live mirror of the mm is released. */
void hmm_mirror_release(struct hmm_mirror *mirror)
{
	hmm_mirror_teardown(mirror, HMM_MIRROR_RELEASED);
}

/* SPEC §4.2: an update answered an error, or a fence of this mirror failed. */
void hmm_mirror_kill(struct hmm_mirror *mirror)
{
	hmm_mirror_teardown(mirror, HMM_MIRROR_KILLED);
}

/* An op in flight holds the mirror (SPEC §4: captured by an event, or faulting). */
void hmm_mirror_get(struct hmm_mirror *mirror)
{
	mirror->refs++;
}

void hmm_mirror_put(struct hmm_mirror *mirror)
{
	BUG_ON(!mirror->refs);
	if (--mirror->refs == 0 && mirror->state != HMM_MIRROR_LIVE)
		hmm_mirror_free(mirror);
}
