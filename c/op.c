// SPDX-License-Identifier: MIT
/*
 * op.c - ops in flight: their ids and lists, the overlap questions other commands ask of
 * them (SPEC §3 EBUSY, §4.3 start), and driving them by step and finish (SPEC §3, §4).
 */
#include "world.h"

/* The op in flight with id @id, or NULL (ENOENT). Ids index a page table: O(1). */
struct hmm_op *hmm_op_find(struct hmm_world *world, s64 id)
{
	if (id < 1 || (u64)id >= HMM_PT_LIMIT)
		return NULL;
	return (struct hmm_op *)(uintptr_t)hmm_pt_get(&world->op_index, (u64)id);
}

/* Gives @op the next op id (SPEC §1) and puts it in flight in phase created. */
int hmm_op_add(struct hmm_op *op, struct mm_struct *mm, enum hmm_op_kind kind,
	       u64 start, u64 end)
{
	struct hmm_world *world = mm->world;
	int ret;

	op->id = world->next_op;
	op->kind = kind;
	op->phase = HMM_PHASE_CREATED;
	op->mm = mm;
	op->start = start;
	op->end = end;
	ret = hmm_pt_set(&world->op_index, op->id, (u64)(uintptr_t)op);
	if (ret)
		return ret;
	world->next_op++;
	list_add_tail(&op->wlist, &world->ops);
	list_add_tail(&op->mlist, &mm->hmm.ops);
	return 0;
}

/*
 * Is a CPU operation of @mm in flight that [start, end) must wait for (SPEC §3 EBUSY;
 * INTERPRETATION 2)? The CPU operations are the invalidations, whatever their phase; a
 * fork holds the mm exclusively (dup_mmap() holds mmap_lock for writing), so it conflicts
 * with everything, and a fork (@exclusive) with every CPU op.
 */
bool hmm_cpu_busy(struct mm_struct *mm, u64 start, u64 end, bool exclusive)
{
	struct hmm_op *op;

	list_for_each_entry(op, &mm->hmm.ops, mlist) {
		if (hmm_op_is_fault(op))
			continue;
		if (exclusive || op->kind == HMM_OP_FORK ||
		    ranges_overlap(op->start, op->end, start, end))
			return true;
	}
	return false;
}

/* exit's EBUSY: any op of the mm, device faults included. */
bool hmm_mm_has_ops(struct mm_struct *mm)
{
	return !list_empty(&mm->hmm.ops);
}

/* SPEC §4.3 start: an active invalidation (started, not ended) overlaps [start, end). */
bool hmm_active_overlap(struct mm_struct *mm, u64 start, u64 end)
{
	struct hmm_op *op;

	list_for_each_entry(op, &mm->hmm.ops, mlist)
		if (!hmm_op_is_fault(op) && op->phase != HMM_PHASE_CREATED &&
		    ranges_overlap(op->start, op->end, start, end))
			return true;
	return false;
}

/* Takes a finished (or, at reset, abandoned) op out of flight and frees it. */
void hmm_op_free(struct hmm_op *op)
{
	struct hmm_world *world = op->mm->world;

	hmm_pt_clear(&world->op_index, op->id);
	list_del_init(&op->wlist);
	list_del_init(&op->mlist);
	if (hmm_op_is_fault(op))
		hmm_fault_free(to_fault(op));
	else
		hmm_event_free(to_event(op));
}

/*
 * One atomic step (SPEC §4). @choice is how the driver answers if the step is an update.
 * *ended says the step ended the op; it has been freed then and its result is returned.
 */
static struct hmm_result op_step(struct hmm_op *op, enum hmm_choice choice, bool *ended)
{
	struct hmm_result res;

	op->mm->world->answer = choice;
	if (hmm_op_is_fault(op))
		res = hmm_fault_step(to_fault(op));
	else
		res = hmm_event_step(to_event(op));
	*ended = op->phase == HMM_PHASE_END;
	if (*ended)
		hmm_op_free(op);
	return res;
}

/* SPEC §3 step. */
struct hmm_result hmm_op_step(struct hmm_op *op, enum hmm_choice choice)
{
	bool ended;

	return op_step(op, choice, &ended);
}

/*
 * SPEC §3 finish: step with sync until the op ends or a step answers without ending it
 * anything but {ok: 0} (that is -EAGAIN: a fault's start, an event's wait; INTERPRETATION 19).
 */
struct hmm_result hmm_op_finish(struct hmm_op *op)
{
	struct hmm_result res;
	bool ended;

	do
		res = op_step(op, HMM_CHOICE_SYNC, &ended);
	while (!ended && res.kind == HMM_RES_OK);
	return res;
}
