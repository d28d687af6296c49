// SPDX-License-Identifier: MIT
/*
 * dmirror.c - the simulated driver's per-mirror state: the device page table, what the
 * hardware reads and writes through (SPEC §2, §3 devRead/devWrite, reporting rule;
 * INTERPRETATION 11, 13), as lib/test_hmm.c's struct dmirror.
 */
#include "world.h"

/* SPEC §3 register, the driver's side: its struct, then HMM's registration. */
struct dmirror *dmirror_create(struct dmirror_device *ddev, struct mm_struct *mm)
{
	struct dmirror *dm = kzalloc(sizeof(*dm));

	if (!dm)
		return NULL;
	hmm_pt_init(&dm->dpt);
	INIT_LIST_HEAD(&dm->grave);
	hmm_mirror_register(&dm->mirror, &ddev->device, mm);
	return dm;
}

/*
 * Drops the device ptes in [start, end) in vpn order. Each dirty one is reported to HMM
 * (SPEC §2 reporting rule): the device wrote the page and only this bit says so.
 */
void dmirror_drop_range(struct dmirror *dm, u64 start, u64 end)
{
	struct hmm_pt_walk w;

	hmm_pt_for_each(&dm->dpt, &w, start, end) {
		hmm_pt_clear(&dm->dpt, w.idx);
#ifdef MUTANT_device_dirty_lost
		/*
		 * MUTANT: the driver forgets to report the dirty bit of the ptes it drops (an
		 * invalidation callback that clears the device table without a
		 * set_page_dirty()): the device's writes are lost at reclaim.
		 */
#else
		if (hpte_dirty(w.entry))
			hmm_mirror_report_dirty(&dm->mirror, w.idx, hpte_pfn(w.entry));
#endif
	}
}

/* SPEC §3 unregister: the driver stops the device first, then leaves HMM. */
void dmirror_unregister(struct dmirror *dm)
{
	dmirror_drop_range(dm, 0, HMM_PT_LIMIT);
	hmm_mirror_unregister(&dm->mirror);
}

/*
 * A device read through the device pte: 0 with the page's data, or -EFAULT when the
 * device pte is absent and the device must fault. A page freed under a device pte (only
 * after a broken invalidation, which the rules report) reads as 0.
 */
int dmirror_read(struct dmirror *dm, u64 vpn, s64 *data)
{
	u64 dpte = hmm_pt_get(&dm->dpt, vpn);
	struct page *page;

	if (!dpte)
		return -EFAULT;
	page = page_lookup(&dm->mirror.mm->world->pool, hpte_pfn(dpte));
	*data = page ? page->data : 0;
	return 0;
}

/*
 * A device write through a writable device pte: the page's data changes and the device
 * pte becomes dirty; the page's own dirty bit is HMM's to set (INTERPRETATION 13).
 * -EFAULT when the device pte is absent or read-only.
 */
int dmirror_write(struct dmirror *dm, u64 vpn, s64 value)
{
	u64 *slot = hmm_pt_slot(&dm->dpt, vpn);
	struct page *page;

	if (!slot || !hpte_write(*slot))
		return -EFAULT;
	page = page_lookup(&dm->mirror.mm->world->pool, hpte_pfn(*slot));
	if (page)
		page->data = value;
	*slot |= HPTE_DIRTY;
	return 0;
}

/* After a fault's commit: the device maps what HMM's mirror ptes map, clean. */
int dmirror_map_range(struct dmirror *dm, u64 start, u64 end)
{
	struct hmm_pt_walk w;
	int ret;

	hmm_pt_for_each(&dm->mirror.pt, &w, start, end) {
		ret = hmm_pt_set(&dm->dpt, w.idx, w.entry & ~HPTE_DIRTY);
		if (ret)
			return ret;
	}
	return 0;
}
