/* SPDX-License-Identifier: MIT */
/*
 * hmm_pt.h - the seed's hmm_pt: a page table as a radix tree of directory pages.
 *
 * SPEC §1: indices (vpns) lie in [0, 2^36), so four levels of 512 entries cover them. Each
 * directory counts its valid entries (a leaf) or its child directories (an upper level),
 * as the kernel counts a pte page's users; a directory whose count drops to 0 is freed at
 * once, so the tree only ever holds paths to valid entries. A walk therefore skips every
 * empty subtree and costs O(valid entries in range), never O(range size): a munmap of 2^36
 * pages with three mapped visits three entries.
 *
 * An entry is a u64, 0 when empty; its bits are the caller's (pte.h packs CPU, mirror and
 * device ptes into it, and the world keeps pointers in it to index pages and ops by id).
 */
#ifndef HMM_PT_H
#define HMM_PT_H

#include "kernel.h"

#define HMM_PT_SHIFT	9
#define HMM_PT_ENTRIES	(1u << HMM_PT_SHIFT)
#define HMM_PT_LEVELS	4
#define HMM_PT_LIMIT	(1ull << (HMM_PT_SHIFT * HMM_PT_LEVELS))	/* 2^36 */

struct hmm_pt_dir;

struct hmm_pt {
	struct hmm_pt_dir *root;	/* NULL while the table is empty */
	u64 nr;				/* valid entries in the whole table */
	size_t bytes;			/* bytes of directories allocated now */
};

void hmm_pt_init(struct hmm_pt *pt);
void hmm_pt_fini(struct hmm_pt *pt);
u64 hmm_pt_get(const struct hmm_pt *pt, u64 idx);
u64 *hmm_pt_slot(struct hmm_pt *pt, u64 idx);
int hmm_pt_set(struct hmm_pt *pt, u64 idx, u64 entry);
void hmm_pt_clear(struct hmm_pt *pt, u64 idx);
bool hmm_pt_next(const struct hmm_pt *pt, u64 *idx, u64 end, u64 *entry);
int hmm_pt_check(const struct hmm_pt *pt, const char *name,
		 void (*breach)(void *arg, const char *msg), void *arg);

/*
 * Visits every valid entry with index in [start, end), in index order. The body may clear
 * or replace the current entry: each step looks the next one up afresh from the root.
 */
#define hmm_pt_for_each(pt, idx, entry, start, end)			\
	for ((idx) = (start); hmm_pt_next((pt), &(idx), (end), &(entry)); (idx)++)

#endif /* HMM_PT_H */
