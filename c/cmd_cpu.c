// SPDX-License-Identifier: MIT
/*
 * cmd_cpu.c - the CPU operations of SPEC §3 (mmap .. exit), each checking in the order of
 * SPEC §3: EINVAL, ESRCH, EBUSY, then its own conditions (INTERPRETATION 1-3, 5-9). A
 * refused command changes nothing.
 */
#include "cmd.h"

/* Steps 1-3 shared by the range commands; NULL with *err set when refused. */
static struct mm_struct *cpu_range_checks(struct hmm_world *world, const struct hmm_cmd *cmd,
					  bool prot, int *err)
{
	struct mm_struct *mm;

	*err = -EINVAL;
	if (!cmd->mm.safe || !cmd_range_ok(&cmd->start, &cmd->npages) || (prot && cmd->prot < 0))
		return NULL;
	*err = -ESRCH;
	mm = cmd_live_mm(world, &cmd->mm);
	if (!mm)
		return NULL;
	*err = -EBUSY;
	if (hmm_cpu_busy(mm, cmd->start.v, cmd->start.v + cmd->npages.v, false))
		return NULL;
	return mm;
}

static struct hmm_result event_result(struct hmm_event *event)
{
	return IS_ERR(event) ? res_err(PTR_ERR(event)) : res_op(event->op.id);
}

struct hmm_result cmd_mmap(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	u64 start = cmd->start.v, end = start + cmd->npages.v;
	struct mm_struct *mm;
	int err;

	mm = cpu_range_checks(world, cmd, true, &err);
	if (!mm)
		return res_err(err);
	if (vma_overlaps(&mm->vmas, start, end))
		return res_err(-EEXIST);
	err = vma_insert(&mm->vmas, start, end, cmd->prot);
	return err ? res_err(err) : res_ok(0);
}

/* munmap: {ok: 0} at once when no vma overlaps; otherwise a MUNMAP invalidation. */
struct hmm_result cmd_munmap(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	u64 start = cmd->start.v, end = start + cmd->npages.v;
	struct mm_struct *mm;
	int err;

	mm = cpu_range_checks(world, cmd, false, &err);
	if (!mm)
		return res_err(err);
	if (!vma_overlaps(&mm->vmas, start, end))
		return res_ok(0);
	return event_result(hmm_event_create(mm, HMM_OP_MUNMAP, HMM_MUNMAP, start, end));
}

/*
 * mprotect: ENOMEM if a page has no vma. A prot that removes no right applies at once;
 * otherwise an invalidation: MUNMAP on the mirrors for none, WRITE_PROTECT for r.
 */
struct hmm_result cmd_mprotect(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	u64 start = cmd->start.v, end = start + cmd->npages.v;
	struct hmm_event *event;
	struct mm_struct *mm;
	int err;

	mm = cpu_range_checks(world, cmd, true, &err);
	if (!mm)
		return res_err(err);
	if (!vma_covers(&mm->vmas, start, end))
		return res_err(-ENOMEM);
	if (!vma_loses_right(&mm->vmas, start, end, cmd->prot)) {
		err = vma_set_prot(&mm->vmas, start, end, cmd->prot);
		return err ? res_err(err) : res_ok(0);
	}
	event = hmm_event_create(mm, HMM_OP_MPROTECT,
				 cmd->prot == VM_PROT_NONE ? HMM_MUNMAP : HMM_WRITE_PROTECT,
				 start, end);
	if (!IS_ERR(event))
		event->prot = cmd->prot;
	return event_result(event);
}

/* migrate (MIGRATE), writeback (ISDIRTY), reclaim (MIGRATE): always an op. */
struct hmm_result cmd_invalidate(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	u64 start = cmd->start.v, end = start + cmd->npages.v;
	enum hmm_op_kind kind = HMM_OP_MIGRATE;
	enum hmm_etype etype = HMM_MIGRATE;
	struct mm_struct *mm;
	int err;

	mm = cpu_range_checks(world, cmd, false, &err);
	if (!mm)
		return res_err(err);
	if (cmd->op == CMD_WRITEBACK) {
		kind = HMM_OP_WRITEBACK;
		etype = HMM_ISDIRTY;
	} else if (cmd->op == CMD_RECLAIM) {
		kind = HMM_OP_RECLAIM;
	}
	return event_result(hmm_event_create(mm, kind, etype, start, end));
}

/* fork: WRITE_PROTECT over the rw vmas' span, or the child at once if there is none. */
struct hmm_result cmd_fork(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	struct mm_struct *mm;
	u64 start, end, child;
	int err;

	if (!cmd->mm.safe)
		return res_err(-EINVAL);
	mm = cmd_live_mm(world, &cmd->mm);
	if (!mm)
		return res_err(-ESRCH);
	if (hmm_cpu_busy(mm, 0, HMM_PT_LIMIT, true))
		return res_err(-EBUSY);
	if (vma_rw_span(&mm->vmas, &start, &end))
		return event_result(hmm_event_create(mm, HMM_OP_FORK, HMM_WRITE_PROTECT,
						     start, end));
	err = mm_apply_fork(mm, &child);
	return err ? res_err(err) : res_ok((s64)child);
}

/*
 * exit: EBUSY while any op of the mm is in flight. The live mirrors are released in
 * registration order, then every pte and vma goes; the mm stays, dead.
 */
struct hmm_result cmd_exit(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	struct mm_struct *mm;

	if (!cmd->mm.safe)
		return res_err(-EINVAL);
	mm = cmd_live_mm(world, &cmd->mm);
	if (!mm)
		return res_err(-ESRCH);
	if (hmm_mm_has_ops(mm))
		return res_err(-EBUSY);
	while (!list_empty(&mm->hmm.mirrors))
		hmm_mirror_release(list_first_entry(&mm->hmm.mirrors, struct hmm_mirror, mlist));
	exit_mmap(mm);
	return res_ok(0);
}
