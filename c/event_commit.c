// SPDX-License-Identifier: MIT
/*
 * event_commit.c - an invalidation's commit (mirror ptes harvested and masked, SPEC §4.1,
 * §4.2 step 4; INTERPRETATION 16) and apply (the CPU change, step 5).
 */
#include "world.h"

/* The bits of a valid mirror pte that stay (SPEC §4.1); 0: the entry is removed. */
static u64 pte_mask(enum hmm_etype etype)
{
	switch (etype) {
	case HMM_WRITE_PROTECT:
		return ~(HPTE_WRITE | HPTE_DIRTY);
	case HMM_ISDIRTY:
		return ~HPTE_DIRTY;
	default:
		return 0;	/* MUNMAP, MIGRATE */
	}
}

/*
 * Dirty first, then the mask: a mirror pte's dirty bit is the only record of a device
 * write HMM has, so it must reach the page before the mask can clear it.
 */
static void commit_mirror(struct hmm_mirror *mirror, u64 start, u64 end, u64 mask)
{
	struct page_pool *pool = &mirror->mm->world->pool;
	struct hmm_pt_walk w;

	hmm_pt_for_each(&mirror->pt, &w, start, end) {
#ifdef MUTANT_harvest_after_mask
		/*
		 * MUTANT: the mask is applied before the dirty bit is read, so every mask
		 * (none, VALID, VALID|WRITE) loses it and the page stays clean.
		 */
		w.entry &= mask;
		if (w.entry)
			*w.slot = w.entry;
		else
			hmm_pt_clear(&mirror->pt, w.idx);
		if (hpte_dirty(w.entry))
			page_mkdirty_pfn(pool, hpte_pfn(w.entry));
#else
		if (hpte_dirty(w.entry))
			page_mkdirty_pfn(pool, hpte_pfn(w.entry));
		if (mask)
			*w.slot = w.entry & mask;
		else
			hmm_pt_clear(&mirror->pt, w.idx);
#endif
	}
}

/* Captured mirrors in capture order; those no longer live were emptied at teardown. */
void hmm_event_commit(struct hmm_event *event)
{
	u64 mask = pte_mask(event->etype);
	unsigned int i;

	for (i = 0; i < event->nmirrors; i++)
		if (event->mirrors[i]->state == HMM_MIRROR_LIVE)
			commit_mirror(event->mirrors[i], event->op.start, event->op.end, mask);
}

/* The CPU change of SPEC §3; the pages it touches are present, no CPU op overlaps. */
int hmm_event_apply(struct hmm_event *event)
{
	struct mm_struct *mm = event->op.mm;
	u64 start = event->op.start, end = event->op.end;

	switch (event->op.kind) {
	case HMM_OP_MUNMAP:
		return mm_apply_munmap(mm, start, end);
	case HMM_OP_MPROTECT:
		return mm_apply_mprotect(mm, start, end, event->prot);
	case HMM_OP_COW:
		return mm_apply_cow(mm, start, event->has_value, event->value);
	case HMM_OP_FORK:
		return mm_apply_fork(mm, &event->child);
	case HMM_OP_MIGRATE:
		return mm_apply_migrate(mm, start, end);
	case HMM_OP_WRITEBACK:
		return mm_apply_writeback(mm, start, end);
	case HMM_OP_RECLAIM:
		return mm_apply_reclaim(mm, start, end);
	default:
		BUG_ON(1);
		return -EINVAL;
	}
}
