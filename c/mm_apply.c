// SPDX-License-Identifier: MIT
/*
 * mm_apply.c - the CPU change each invalidation makes at its apply step (SPEC §3 table,
 * §4.2 step 5; INTERPRETATION 3, 6, 7, 8). Every walk visits the present ptes of the range
 * only (hmm_pt_for_each), in vpn order, so new pfns come in increasing vpn order (SPEC §1).
 */
#include "world.h"

/* munmap (and its apply only): the vma parts and the ptes in range go. */
int mm_apply_munmap(struct mm_struct *mm, u64 start, u64 end)
{
	int ret = vma_remove(&mm->vmas, start, end);

	if (ret)
		return ret;
	zap_pte_range(mm, start, end);
	return 0;
}

/* mprotect that removed a right: the vmas take @prot, present ptes lose write. */
int mm_apply_mprotect(struct mm_struct *mm, u64 start, u64 end, enum vm_prot prot)
{
	int ret = vma_set_prot(&mm->vmas, start, end, prot);
	struct hmm_pt_walk w;

	if (ret)
		return ret;
	hmm_pt_for_each(&mm->pt, &w, start, end)
		if (pte_present(w.entry))
			*w.slot = w.entry & ~PTE_WRITE;
	return 0;
}

/*
 * COW break: a new writable page for @vpn, dirty with no stored copy, holding @value (a
 * CPU write) or the old data (a device write fault); the old page loses a mapping.
 */
int mm_apply_cow(struct mm_struct *mm, u64 vpn, bool has_value, s64 value)
{
	struct page_pool *pool = &mm->world->pool;
	u64 *slot = hmm_pt_slot(&mm->pt, vpn);
	struct page *old, *new;

	BUG_ON(!slot || !pte_present(*slot));
	old = page_lookup(pool, pte_pfn(*slot));
	new = alloc_page(pool, has_value ? value : old->data, false, 0, true);
	if (!new)
		return -ENOMEM;
	*slot = pte_mk_present(new->pfn, true);
	put_page(pool, old);
	return 0;
}

/* migrate: each unshared present page moves to a new pfn with the same contents. */
int mm_apply_migrate(struct mm_struct *mm, u64 start, u64 end)
{
	struct page_pool *pool = &mm->world->pool;
	struct page *old, *new;
	struct hmm_pt_walk w;
	bool dirty;

	hmm_pt_for_each(&mm->pt, &w, start, end) {
		if (!pte_present(w.entry))
			continue;
		old = page_lookup(pool, pte_pfn(w.entry));
		if (old->mapcount > 1)
			continue;	/* shared pages are skipped */
		dirty = old->dirty;
#ifdef MUTANT_migrate_drops_dirty
		/*
		 * MUTANT: the new page starts clean, as a copy that forgets the source's dirty
		 * state (migrate_page_states() not copying PG_dirty): data written since the last
		 * write-back is then lost at reclaim.
		 */
		dirty = false;
#endif
		new = alloc_page(pool, old->data, old->has_stored, old->stored, dirty);
		if (!new)
			return -ENOMEM;
		*w.slot = pte_mk_present(new->pfn, pte_write(w.entry));
		put_page(pool, old);
	}
	return 0;
}

/* writeback: every present dirty page, shared or not, gets stored = data and is clean. */
int mm_apply_writeback(struct mm_struct *mm, u64 start, u64 end)
{
	struct page_pool *pool = &mm->world->pool;
	struct hmm_pt_walk w;
	struct page *page;

	hmm_pt_for_each(&mm->pt, &w, start, end) {
		if (!pte_present(w.entry))
			continue;
		page = page_lookup(pool, pte_pfn(w.entry));
		if (!page->dirty)
			continue;
		page->stored = page->data;
		page->has_stored = true;
		page->dirty = false;
	}
	return 0;
}

/*
 * reclaim: each unshared present page goes to swap (written first if dirty) and its pte
 * becomes swapped {data: stored}. A clean page without a stored copy cannot arise while
 * dirtyTracked holds; it is written too rather than swapped out as nothing.
 */
int mm_apply_reclaim(struct mm_struct *mm, u64 start, u64 end)
{
	struct page_pool *pool = &mm->world->pool;
	struct hmm_pt_walk w;
	struct page *page;

	hmm_pt_for_each(&mm->pt, &w, start, end) {
		if (!pte_present(w.entry))
			continue;
		page = page_lookup(pool, pte_pfn(w.entry));
		if (page->mapcount > 1)
			continue;
		if (page->dirty || !page->has_stored) {
			page->stored = page->data;
			page->has_stored = true;
		}
		*w.slot = pte_mk_swapped(page->stored);
		put_page(pool, page);
	}
	return 0;
}

/*
 * fork (dup_mmap()): the child gets copies of every vma and pte. Present ptes are shared
 * (mapcount + 1); those in rw vmas become read-only in both, so the next write to either
 * breaks COW. Swapped ptes are copied. The child takes the next mm id only now (SPEC §1).
 */
int mm_apply_fork(struct mm_struct *mm, u64 *child_id)
{
	struct page_pool *pool = &mm->world->pool;
	struct vm_area_struct *vma = NULL;
	struct mm_struct *child;
	struct hmm_pt_walk w;
	int ret = -ENOMEM;
	u64 pte;

	child = mm_alloc(mm->world);
	if (!child)
		return -ENOMEM;
	if (vma_copy(&child->vmas, &mm->vmas))
		goto out_free;
	hmm_pt_for_each(&mm->pt, &w, 0, HMM_PT_LIMIT) {
		pte = w.entry;
		if (pte_present(pte)) {
			if (!vma || w.idx < vma->start || w.idx >= vma->end)
				vma = find_vma(&mm->vmas, w.idx);
			if (vma && vma->prot == VM_PROT_RW)
				pte &= ~PTE_WRITE;
		}
		if (hmm_pt_set(&child->pt, w.idx, pte))
			goto out_unshare;
		if (pte_present(pte)) {
			get_page(page_lookup(pool, pte_pfn(pte)));
			*w.slot = pte;
		}
	}
	ret = world_add_mm(mm->world, child);
	if (ret)
		goto out_unshare;
	*child_id = child->id;
	return 0;

out_unshare:
	/* the parent keeps its ptes read-only: harmless, a write breaks COW in place */
	zap_pte_range(child, 0, HMM_PT_LIMIT);
out_free:
	mm_free(child);
	return ret;
}
