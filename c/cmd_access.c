// SPDX-License-Identifier: MIT
/*
 * cmd_access.c - CPU read and write of one page (SPEC §3 read, write; INTERPRETATION 5, 6):
 * CPU operations on [vpn, vpn + 1) that populate the pte as a CPU fault would.
 */
#include "cmd.h"

/* Steps 1-3 and the vma checks; NULL with *err set when refused. */
static struct mm_struct *access_checks(struct hmm_world *world, const struct hmm_cmd *cmd,
				       bool write, struct vm_area_struct **vma, int *err)
{
	struct mm_struct *mm;

	*err = -EINVAL;
	if (!cmd->mm.safe || !cmd_vpn_ok(&cmd->vpn) || (write && !cmd->value.safe))
		return NULL;
	*err = -ESRCH;
	mm = cmd_live_mm(world, &cmd->mm);
	if (!mm)
		return NULL;
	*err = -EBUSY;
	if (hmm_cpu_busy(mm, cmd->vpn.v, cmd->vpn.v + 1, false))
		return NULL;
	*vma = find_vma(&mm->vmas, cmd->vpn.v);
	*err = -EFAULT;
	if (!*vma || (*vma)->prot == VM_PROT_NONE)
		return NULL;
	*err = -EPERM;
	if (write && (*vma)->prot != VM_PROT_RW)
		return NULL;
	return mm;
}

struct hmm_result cmd_read(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	u64 pte;
	int err;

	mm = access_checks(world, cmd, false, &vma, &err);
	if (!mm)
		return res_err(err);
	err = handle_mm_fault(mm, vma, cmd->vpn.v, &pte);
	if (err)
		return res_err(err);
	return res_ok(page_lookup(&world->pool, pte_pfn(pte))->data);
}

/*
 * write: populate, then write and mark the page dirty. A read-only pte (an rw vma after
 * fork or mprotect) is made writable in place if the page is not shared, otherwise the
 * write goes through a COW break op that carries the value.
 */
struct hmm_result cmd_write(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	struct vm_area_struct *vma;
	struct hmm_event *cow;
	struct mm_struct *mm;
	struct page *page;
	u64 vpn = cmd->vpn.v, pte;
	int err;

	mm = access_checks(world, cmd, true, &vma, &err);
	if (!mm)
		return res_err(err);
	err = handle_mm_fault(mm, vma, vpn, &pte);
	if (err)
		return res_err(err);
	page = page_lookup(&world->pool, pte_pfn(pte));
	if (!pte_write(pte)) {
		if (page->mapcount > 1) {
			cow = hmm_event_create(mm, HMM_OP_COW, HMM_MIGRATE, vpn, vpn + 1);
			if (IS_ERR(cow))
				return res_err(PTR_ERR(cow));
			cow->has_value = true;
			cow->value = cmd->value.v;
			return res_op(cow->op.id);
		}
		mm_mkwrite(mm, vpn);
	}
	page->data = cmd->value.v;
	page->dirty = true;
	return res_ok(0);
}
