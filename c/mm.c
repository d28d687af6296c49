// SPDX-License-Identifier: MIT
/*
 * mm.c - an address space's CPU page table: populating on a fault, making a pte writable,
 * tearing ptes down (SPEC §3 read/write populate, exit; INTERPRETATION 5, 9).
 */
#include "world.h"

/* A live mm with no vmas and an empty page table; its id is given by world_add_mm(). */
struct mm_struct *mm_alloc(struct hmm_world *world)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->live = true;
	INIT_LIST_HEAD(&mm->vmas);
	hmm_pt_init(&mm->pt);
	hmm_init(&mm->hmm);
	mm->world = world;
	return mm;
}

/* Frees the struct only: the pages its ptes map belong to the world's pool. */
void mm_free(struct mm_struct *mm)
{
	vma_free_all(&mm->vmas);
	hmm_pt_fini(&mm->pt);
	kfree(mm);
}

/*
 * Populates the pte of @vpn in @vma as a CPU fault does (SPEC §3 read; INTERPRETATION 5):
 * an absent pte gets a new zero page (data 0, clean, stored 0), a swapped one a new page
 * read back from swap (data = stored = the swapped data, clean). The pte is writable iff
 * the vma is rw. A present pte is left alone. Returns 0 with *pte set, or -ENOMEM.
 */
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma, u64 vpn, u64 *pte)
{
	struct page_pool *pool = &mm->world->pool;
	u64 old = hmm_pt_get(&mm->pt, vpn);
	s64 data = 0;
	struct page *page;

	if (pte_present(old)) {
		*pte = old;
		return 0;
	}
	if (old & PTE_SWAPPED)
		data = pte_swapped_data(old);
	page = alloc_page(pool, data, true, data, false);
	if (!page)
		return -ENOMEM;
	*pte = pte_mk_present(page->pfn, vma->prot == VM_PROT_RW);
	if (hmm_pt_set(&mm->pt, vpn, *pte)) {
		put_page(pool, page);
		return -ENOMEM;
	}
	return 0;
}

/* A read-only present pte of mapcount 1 in an rw vma becomes writable in place. */
int mm_mkwrite(struct mm_struct *mm, u64 vpn)
{
	u64 *slot = hmm_pt_slot(&mm->pt, vpn);

	BUG_ON(!slot || !pte_present(*slot));
	*slot |= PTE_WRITE;
	return 0;
}

/* Removes every pte in [start, end) in vpn order; present ones drop their page's mapcount. */
void zap_pte_range(struct mm_struct *mm, u64 start, u64 end)
{
	struct page_pool *pool = &mm->world->pool;
	struct hmm_pt_walk w;

	hmm_pt_for_each(&mm->pt, &w, start, end) {
		hmm_pt_clear(&mm->pt, w.idx);
		if (pte_present(w.entry))
			put_page(pool, page_lookup(pool, pte_pfn(w.entry)));
	}
}

/* SPEC §3 exit, after the mirrors are released: every pte, then every vma, go. */
void exit_mmap(struct mm_struct *mm)
{
	zap_pte_range(mm, 0, HMM_PT_LIMIT);
	vma_free_all(&mm->vmas);
	mm->live = false;
}
