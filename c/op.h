/* SPDX-License-Identifier: MIT */
/*
 * op.h - ops in flight (SPEC §4): invalidations (struct hmm_event, the seed's name) and
 * device faults (struct hmm_fault), both embedding struct hmm_op, and the result of a
 * command or step (SPEC §3: {ok}, {op} or {err}).
 *
 * Ownership (STYLE 8): the command that creates an op fills kind, mm and range; only the
 * op's own steps change its phase and the fields below it, and the last step frees it.
 */
#ifndef HMM_OP_H
#define HMM_OP_H

#include "mm.h"

enum hmm_op_kind {
	HMM_OP_MUNMAP,
	HMM_OP_MPROTECT,
	HMM_OP_COW,
	HMM_OP_FORK,
	HMM_OP_MIGRATE,
	HMM_OP_WRITEBACK,
	HMM_OP_RECLAIM,
	HMM_OP_RFAULT,
	HMM_OP_WFAULT,
};

/* SPEC §5 phases; HMM_PHASE_END only while the last step hands back the result. */
enum hmm_op_phase {
	HMM_PHASE_CREATED,
	HMM_PHASE_START,
	HMM_PHASE_UPDATE,
	HMM_PHASE_WAIT,
	HMM_PHASE_COMMIT,
	HMM_PHASE_APPLY,
	HMM_PHASE_WALK,
	HMM_PHASE_END,
};

/* SPEC §4.1 event types of the invalidations and their pte_mask */
enum hmm_etype {
	HMM_MUNMAP,
	HMM_MIGRATE,
	HMM_WRITE_PROTECT,
	HMM_ISDIRTY,
};

enum hmm_choice {
	HMM_CHOICE_SYNC,
	HMM_CHOICE_FENCE,
	HMM_CHOICE_ERROR,
};

enum hmm_res_kind {
	HMM_RES_OK,
	HMM_RES_OP,
	HMM_RES_ERR,
};

/* A command's or step's result; for HMM_RES_ERR, val is a negative errno. */
struct hmm_result {
	enum hmm_res_kind kind;
	s64 val;
};

static inline struct hmm_result res_ok(s64 val)
{
	return (struct hmm_result){ HMM_RES_OK, val };
}

static inline struct hmm_result res_op(u64 id)
{
	return (struct hmm_result){ HMM_RES_OP, (s64)id };
}

static inline struct hmm_result res_err(int err)
{
	return (struct hmm_result){ HMM_RES_ERR, err };
}

struct hmm_op {
	u64 id;
	enum hmm_op_kind kind;
	enum hmm_op_phase phase;
	struct mm_struct *mm;
	u64 start, end;			/* the command's range, not clipped to vmas */
	struct list_head wlist;		/* world->ops, id order */
	struct list_head mlist;		/* mm->hmm.ops */
};

struct hmm_event {
	struct hmm_op op;
	enum hmm_etype etype;
	struct hmm_mirror **mirrors;	/* captured at start, each holding a ref */
	unsigned int nmirrors;
	unsigned int updated;		/* update steps done (SPEC §7 updated) */
	struct list_head fences;	/* struct hmm_fence.list, not yet answered */
	enum vm_prot prot;		/* mprotect: the new prot */
	bool has_value;			/* cow from a CPU write: the value written */
	s64 value;
	u64 child;			/* fork: the child mm, known at apply */
};

struct hmm_fault {
	struct hmm_op op;
	struct hmm_mirror *mirror;	/* the faulting mirror, one ref held */
	bool write;
	bool backoff;			/* an invalidation overlapping it started */
	u64 *recs;			/* walk: {pfn, write} per vpn of the range, as mirror ptes */
};

static inline bool hmm_op_is_fault(const struct hmm_op *op)
{
	return op->kind == HMM_OP_RFAULT || op->kind == HMM_OP_WFAULT;
}

static inline struct hmm_event *to_event(struct hmm_op *op)
{
	return container_of(op, struct hmm_event, op);
}

static inline struct hmm_fault *to_fault(struct hmm_op *op)
{
	return container_of(op, struct hmm_fault, op);
}

static inline bool ranges_overlap(u64 s1, u64 e1, u64 s2, u64 e2)
{
	return s1 < e2 && s2 < e1;
}

/* op.c */
struct hmm_op *hmm_op_find(struct hmm_world *world, s64 id);
int hmm_op_add(struct hmm_op *op, struct mm_struct *mm, enum hmm_op_kind kind,
	       u64 start, u64 end);
bool hmm_cpu_busy(struct mm_struct *mm, u64 start, u64 end, bool exclusive);
bool hmm_mm_has_ops(struct mm_struct *mm);
bool hmm_active_overlap(struct mm_struct *mm, u64 start, u64 end);
struct hmm_result hmm_op_step(struct hmm_op *op, enum hmm_choice choice);
struct hmm_result hmm_op_finish(struct hmm_op *op);
void hmm_op_free(struct hmm_op *op);

/* event.c */
struct hmm_event *hmm_event_create(struct mm_struct *mm, enum hmm_op_kind kind,
				   enum hmm_etype etype, u64 start, u64 end);
struct hmm_result hmm_event_step(struct hmm_event *event);
void hmm_event_free(struct hmm_event *event);

/* event_commit.c */
void hmm_event_commit(struct hmm_event *event);
int hmm_event_apply(struct hmm_event *event);

/* fault.c */
struct hmm_fault *hmm_fault_create(struct hmm_mirror *mirror, u64 start, u64 end, bool write);
struct hmm_result hmm_fault_step(struct hmm_fault *fault);
void hmm_fault_free(struct hmm_fault *fault);

#endif /* HMM_OP_H */
