/* SPDX-License-Identifier: MIT */
/*
 * mm.h - an address space (SPEC §2 mm: live or dead, vmas, CPU page table, mirrors) and
 * the CPU-side changes the invalidations of SPEC §3 apply.
 */
#ifndef HMM_MM_H
#define HMM_MM_H

#include "hmm.h"
#include "page.h"
#include "pte.h"
#include "vma.h"

struct mm_struct {
	u64 id;				/* SPEC §1: mm 0 first, a fork child the next at apply */
	bool live;
	struct list_head vmas;		/* struct vm_area_struct, sorted, maximal */
	struct hmm_pt pt;		/* CPU page table: vpn -> present or swapped pte */
	struct hmm hmm;
	struct hmm_world *world;
};

/* mm.c */
struct mm_struct *mm_alloc(struct hmm_world *world);
void mm_free(struct mm_struct *mm);
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma, u64 vpn, u64 *pte);
int mm_mkwrite(struct mm_struct *mm, u64 vpn);
void zap_pte_range(struct mm_struct *mm, u64 start, u64 end);
void exit_mmap(struct mm_struct *mm);

/* mm_apply.c: the apply step of each invalidation (SPEC §3, §4.2 step 5) */
int mm_apply_munmap(struct mm_struct *mm, u64 start, u64 end);
int mm_apply_mprotect(struct mm_struct *mm, u64 start, u64 end, enum vm_prot prot);
int mm_apply_cow(struct mm_struct *mm, u64 vpn, bool has_value, s64 value);
int mm_apply_migrate(struct mm_struct *mm, u64 start, u64 end);
int mm_apply_writeback(struct mm_struct *mm, u64 start, u64 end);
int mm_apply_reclaim(struct mm_struct *mm, u64 start, u64 end);
int mm_apply_fork(struct mm_struct *mm, u64 *child);

#endif /* HMM_MM_H */
