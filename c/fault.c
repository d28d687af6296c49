// SPDX-License-Identifier: MIT
/*
 * fault.c - a device fault as atomic steps: start, walk, commit (SPEC §4.3, §5;
 * INTERPRETATION 17, 18). It is the seed's hmm_mirror_fault() with the driver's handler
 * around its commit: the driver drops the device ptes of the range, HMM fills its mirror
 * ptes, then the driver programs the device from them.
 *
 * The fault holds a ref on its mirror from creation to its end. backoff is set by any
 * invalidation that starts over the range and cleared by the fault's own start; the walk
 * ignores it and the commit obeys it, which is how a fault that raced an invalidation
 * never maps what the invalidation took away.
 */
#include "world.h"

struct hmm_fault *hmm_fault_create(struct hmm_mirror *mirror, u64 start, u64 end, bool write)
{
	struct hmm_fault *fault = kzalloc(sizeof(*fault));

	if (!fault)
		return ERR_PTR(-ENOMEM);
	fault->mirror = mirror;
	fault->write = write;
	if (hmm_op_add(&fault->op, mirror->mm, write ? HMM_OP_WFAULT : HMM_OP_RFAULT,
		       start, end)) {
		kfree(fault);
		return ERR_PTR(-ENOMEM);
	}
	hmm_mirror_get(mirror);
	return fault;
}

void hmm_fault_free(struct hmm_fault *fault)
{
	kfree(fault->recs);
	kfree(fault);
}

/*
 * A shared read-only page under a write fault: break COW with an op of its own (no value:
 * the new page keeps the old data) unless a CPU op overlapping the vpn is in flight, which
 * will change the pte anyway. Either way the device retries later.
 */
static int fault_cow(struct hmm_fault *fault, u64 vpn)
{
	struct mm_struct *mm = fault->op.mm;
	struct hmm_event *cow;

	if (!hmm_cpu_busy(mm, vpn, vpn + 1, false)) {
		cow = hmm_event_create(mm, HMM_OP_COW, HMM_MIGRATE, vpn, vpn + 1);
		if (IS_ERR(cow))
			return PTR_ERR(cow);
	}
	return -EAGAIN;
}

/* One page of the walk: its CPU pte made present (and writable for a write fault). */
static int fault_walk_page(struct hmm_fault *fault, struct vm_area_struct *vma, u64 vpn,
			   u64 *pte)
{
	struct mm_struct *mm = fault->op.mm;
	struct page *page;
	int ret;

	if (!vma || vma->prot == VM_PROT_NONE)
		return -EFAULT;
	if (fault->write && vma->prot != VM_PROT_RW)
		return -EPERM;
	ret = handle_mm_fault(mm, vma, vpn, pte);
	if (ret || !fault->write || pte_write(*pte))
		return ret;
	page = page_lookup(&mm->world->pool, pte_pfn(*pte));
	if (page->mapcount > 1)
		return fault_cow(fault, vpn);
	*pte |= PTE_WRITE;
	return mm_mkwrite(mm, vpn);
}

/*
 * Step 2, walk: one pass over the range in vpn order; an error ends the fault (pages
 * populated before stay). The records grow with the pages walked, so a huge range that
 * fails early costs nothing. A read fault on a writable pte records it writable.
 */
static int fault_walk(struct hmm_fault *fault)
{
	struct mm_struct *mm = fault->op.mm;
	struct vm_area_struct *vma = NULL;
	size_t cap = 0, n = 0;
	u64 vpn, pte;
	int ret;

	for (vpn = fault->op.start; vpn < fault->op.end; vpn++, n++) {
		if (!vma || vpn >= vma->end)
			vma = find_vma(&mm->vmas, vpn);
		ret = fault_walk_page(fault, vma, vpn, &pte);
		if (!ret)
			ret = krealloc_array((void **)&fault->recs, &cap, n + 1, sizeof(u64));
		if (ret)
			return ret;
		fault->recs[n] = hpte_mk(pte_pfn(pte), pte_write(pte), false);
	}
	return 0;
}

/*
 * HMM's half of the commit for one vpn: the mirror pte becomes the record. It keeps its
 * dirty bit only if it maps the same pfn and the record is writable; otherwise that bit
 * goes to the page it mapped.
 */
static int fault_set_mirror_pte(struct hmm_mirror *mirror, u64 vpn, u64 rec)
{
	u64 old = hmm_pt_get(&mirror->pt, vpn);

	if (old && hpte_pfn(old) == hpte_pfn(rec) && hpte_write(rec))
		rec |= old & HPTE_DIRTY;
	else if (hpte_dirty(old))
		page_mkdirty_pfn(&mirror->mm->world->pool, hpte_pfn(old));
	return hmm_pt_set(&mirror->pt, vpn, rec);
}

/*
 * Step 3, commit, atomic. Per vpn the order is device pte dropped (reporting rule), mirror
 * pte replaced, device pte set clean; each touches only its own vpn and sets dirty bits,
 * so doing each of the three over the whole range in turn gives the same state.
 */
static int fault_commit(struct hmm_fault *fault)
{
	struct hmm_mirror *mirror = fault->mirror;
	struct dmirror *dm = to_dmirror(mirror);
	u64 start = fault->op.start, i;
	int ret;

	if (fault->backoff)
		return -EAGAIN;
	if (mirror->state != HMM_MIRROR_LIVE)
		return -ENODEV;
	dmirror_drop_range(dm, start, fault->op.end);
	for (i = 0; i < fault->op.end - start; i++) {
		ret = fault_set_mirror_pte(mirror, start + i, fault->recs[i]);
		if (ret)
			return ret;
	}
	return dmirror_map_range(dm, start, fault->op.end);
}

static struct hmm_result fault_end(struct hmm_fault *fault, int ret)
{
	fault->op.phase = HMM_PHASE_END;
	hmm_mirror_put(fault->mirror);
	return ret ? res_err(ret) : res_ok(0);
}

struct hmm_result hmm_fault_step(struct hmm_fault *fault)
{
	struct hmm_op *op = &fault->op;
	int ret;

	switch (op->phase) {
	case HMM_PHASE_CREATED:
		/* step 1: wait for an active invalidation over the range to end */
		if (hmm_active_overlap(op->mm, op->start, op->end))
			return res_err(-EAGAIN);
		fault->backoff = false;
		op->phase = HMM_PHASE_START;
		return res_ok(0);
	case HMM_PHASE_START:
		ret = fault_walk(fault);
		if (ret)
			return fault_end(fault, ret);
		op->phase = HMM_PHASE_WALK;
		return res_ok(0);
	default:
		return fault_end(fault, fault_commit(fault));
	}
}
