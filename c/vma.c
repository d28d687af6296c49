// SPDX-License-Identifier: MIT
/*
 * vma.c - vma lookup, split and merge (SPEC §2 vmas; INTERPRETATION 3, 4; the kernel's
 * find_vma(), split_vma(), vma_merge()).
 */
#include "vma.h"

struct vm_area_struct *find_vma(struct list_head *vmas, u64 addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, vmas, list) {
		if (addr < vma->start)
			return NULL;
		if (addr < vma->end)
			return vma;
	}
	return NULL;
}

bool vma_overlaps(struct list_head *vmas, u64 start, u64 end)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, vmas, list)
		if (vma->start < end && start < vma->end)
			return true;
	return false;
}

/* Every page of [start, end) lies in a vma (mprotect's ENOMEM test; prot none counts). */
bool vma_covers(struct list_head *vmas, u64 start, u64 end)
{
	struct vm_area_struct *vma;
	u64 next = start;

	list_for_each_entry(vma, vmas, list) {
		if (vma->end <= next)
			continue;
		if (vma->start > next)
			return false;
		next = vma->end;
		if (next >= end)
			return true;
	}
	return false;
}

/* INTERPRETATION 3: does @prot remove a right from some vma overlapping [start, end)? */
bool vma_loses_right(struct list_head *vmas, u64 start, u64 end, enum vm_prot prot)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, vmas, list)
		if (vma->start < end && start < vma->end && vma->prot > prot)
			return true;
	return false;
}

/* fork's range (SPEC §3): [lowest start, highest end) of the rw vmas; false if none. */
bool vma_rw_span(struct list_head *vmas, u64 *start, u64 *end)
{
	struct vm_area_struct *vma;
	bool found = false;

	list_for_each_entry(vma, vmas, list) {
		if (vma->prot != VM_PROT_RW)
			continue;
		if (!found)
			*start = vma->start;
		*end = vma->end;
		found = true;
	}
	return found;
}

static struct vm_area_struct *vma_alloc(u64 start, u64 end, enum vm_prot prot)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma));

	if (vma) {
		vma->start = start;
		vma->end = end;
		vma->prot = prot;
	}
	return vma;
}

/* Adjacent vmas with the same prot become one (SPEC §2: maximal). */
static void vma_merge(struct list_head *vmas)
{
	struct vm_area_struct *vma, *next;

	if (list_empty(vmas))
		return;
	vma = list_first_entry(vmas, struct vm_area_struct, list);
	while (vma->list.next != vmas) {
		next = list_next_entry(vma, list);
		if (vma->end == next->start && vma->prot == next->prot) {
			vma->end = next->end;
			list_del_init(&next->list);
			kfree(next);
		} else {
			vma = next;
		}
	}
}

/* Splits the vma strictly containing @addr in two at @addr (split_vma()). */
static int split_vma(struct list_head *vmas, u64 addr)
{
	struct vm_area_struct *vma = find_vma(vmas, addr), *tail;

	if (!vma || vma->start == addr)
		return 0;
	tail = vma_alloc(addr, vma->end, vma->prot);
	if (!tail)
		return -ENOMEM;
	vma->end = addr;
	__list_add(&tail->list, &vma->list, vma->list.next);
	return 0;
}

/* Adds [start, end) with @prot; the caller checked it overlaps nothing (mmap's EEXIST). */
int vma_insert(struct list_head *vmas, u64 start, u64 end, enum vm_prot prot)
{
	struct vm_area_struct *new = vma_alloc(start, end, prot), *vma;

	if (!new)
		return -ENOMEM;
	list_for_each_entry(vma, vmas, list)
		if (vma->start > start)
			break;
	list_add_tail(&new->list, &vma->list);	/* before @vma, or at the tail */
	vma_merge(vmas);
	return 0;
}

/*
 * Splits at both ends of [start, end) so every vma lies inside or outside the range. On
 * -ENOMEM the list is merged back: no vma has changed.
 */
static int vma_split_range(struct list_head *vmas, u64 start, u64 end)
{
	int ret = split_vma(vmas, start);

	if (!ret)
		ret = split_vma(vmas, end);
	if (ret)
		vma_merge(vmas);
	return ret;
}

int vma_set_prot(struct list_head *vmas, u64 start, u64 end, enum vm_prot prot)
{
	struct vm_area_struct *vma;
	int ret = vma_split_range(vmas, start, end);

	if (ret)
		return ret;
	list_for_each_entry(vma, vmas, list)
		if (vma->start >= start && vma->end <= end)
			vma->prot = prot;
	vma_merge(vmas);
	return 0;
}

int vma_remove(struct list_head *vmas, u64 start, u64 end)
{
	struct vm_area_struct *vma, *n;
	int ret = vma_split_range(vmas, start, end);

	if (ret)
		return ret;
	list_for_each_entry_safe(vma, n, vmas, list)
		if (vma->start >= start && vma->end <= end) {
			list_del_init(&vma->list);
			kfree(vma);
		}
	return 0;
}

/* Appends a copy of every vma of @src to the empty @dst (fork's dup_mmap()). */
int vma_copy(struct list_head *dst, struct list_head *src)
{
	struct vm_area_struct *vma, *new;

	list_for_each_entry(vma, src, list) {
		new = vma_alloc(vma->start, vma->end, vma->prot);
		if (!new)
			goto unwind;
		list_add_tail(&new->list, dst);
	}
	return 0;

unwind:
	vma_free_all(dst);
	return -ENOMEM;
}

void vma_free_all(struct list_head *vmas)
{
	struct vm_area_struct *vma, *n;

	list_for_each_entry_safe(vma, n, vmas, list) {
		list_del_init(&vma->list);
		kfree(vma);
	}
}
