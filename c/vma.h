/* SPDX-License-Identifier: MIT */
/*
 * vma.h - an mm's virtual memory areas (SPEC §2: {start, end, prot}, sorted and maximal).
 *
 * A sorted intrusive list, as mm->mmap was before the maple tree: the checker's worlds hold
 * a handful of vmas, and every change ends in vma_merge() so adjacent vmas with the same
 * prot are always one (the kernel's vma_merge()).
 */
#ifndef HMM_VMA_H
#define HMM_VMA_H

#include "list.h"

enum vm_prot {
	VM_PROT_NONE,
	VM_PROT_R,
	VM_PROT_RW,
};

struct vm_area_struct {
	u64 start, end;			/* [start, end), end exclusive */
	enum vm_prot prot;
	struct list_head list;		/* mm->vmas, sorted by start */
};

struct vm_area_struct *find_vma(struct list_head *vmas, u64 addr);
bool vma_overlaps(struct list_head *vmas, u64 start, u64 end);
bool vma_covers(struct list_head *vmas, u64 start, u64 end);
bool vma_loses_right(struct list_head *vmas, u64 start, u64 end, enum vm_prot prot);
bool vma_rw_span(struct list_head *vmas, u64 *start, u64 *end);
int vma_insert(struct list_head *vmas, u64 start, u64 end, enum vm_prot prot);
int vma_set_prot(struct list_head *vmas, u64 start, u64 end, enum vm_prot prot);
int vma_remove(struct list_head *vmas, u64 start, u64 end);
int vma_copy(struct list_head *dst, struct list_head *src);
void vma_free_all(struct list_head *vmas);

#endif /* HMM_VMA_H */
