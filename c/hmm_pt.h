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
	unsigned long gen;		/* bumped whenever a directory is freed */
	struct hmm_pt_dir *hint;	/* the last leaf looked up: a one-entry TLB, */
	u64 hint_base;			/* valid while gen == hint_gen */
	unsigned long hint_gen;
};

/*
 * A walk over the valid entries of [start, end) in index order (hmm_pt_for_each). It keeps
 * the leaf it is in and goes back to the root only to change leaves or after a directory
 * was freed (pt->gen moved): the body may clear the current entry with hmm_pt_clear(), or
 * change it in place through *slot to another non-zero value.
 */
struct hmm_pt_walk {
	u64 idx;			/* the current entry's index */
	u64 entry;			/* its value when visited */
	u64 *slot;			/* where it lives */
	u64 next, end;			/* private: the walk's position and bound */
	struct hmm_pt_dir *leaf;
	unsigned long gen;
};

void hmm_pt_init(struct hmm_pt *pt);
void hmm_pt_fini(struct hmm_pt *pt);
void hmm_pt_cache_shrink(void);
u64 hmm_pt_get(struct hmm_pt *pt, u64 idx);
u64 *hmm_pt_slot(struct hmm_pt *pt, u64 idx);
int hmm_pt_set(struct hmm_pt *pt, u64 idx, u64 entry);
void hmm_pt_clear(struct hmm_pt *pt, u64 idx);
bool hmm_pt_next(const struct hmm_pt *pt, u64 *idx, u64 end, u64 *entry);
void hmm_pt_walk_init(struct hmm_pt_walk *w, u64 start, u64 end);
bool hmm_pt_walk_next(const struct hmm_pt *pt, struct hmm_pt_walk *w);
int hmm_pt_check(const struct hmm_pt *pt, const char *name,
		 void (*breach)(void *arg, const char *msg), void *arg);

/* Visits every valid entry with index in [start, end), in index order (struct hmm_pt_walk). */
#define hmm_pt_for_each(pt, w, start, end)				\
	for (hmm_pt_walk_init((w), (start), (end)); hmm_pt_walk_next((pt), (w)); )

#endif /* HMM_PT_H */
