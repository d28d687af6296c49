// SPDX-License-Identifier: MIT
/*
 * hmm_pt.c - the radix tree of hmm_pt.h (the seed's hmm_pt; SPEC §2 page tables, §1 vpn
 * space). Level 3 is the root, level 0 the leaves that hold entries.
 */
#include "hmm_pt_dir.h"


/*
 * Freed directories are kept for reuse (a kmem_cache of directory pages): tables grow and
 * shrink with every fault and invalidation, and a directory freed by a count dropping to
 * 0 is all zeroes already, so reuse costs neither malloc() nor clearing. The sanitizer
 * build keeps no cache, so ASan sees every use of a freed directory.
 */
#ifdef __SANITIZE_ADDRESS__
#define PT_CACHE	false
#else
#define PT_CACHE	true
#endif
#define PT_CACHE_MAX	1024

static struct hmm_pt_dir *pt_cache;	/* linked through e[0].dir */
static unsigned int pt_cache_nr;


void hmm_pt_init(struct hmm_pt *pt)
{
	pt->root = NULL;
	pt->nr = 0;
	pt->bytes = 0;
	pt->gen = 0;
	pt->hint = NULL;
}

static void pt_free_dir(struct hmm_pt_dir *dir, int level)
{
	unsigned int i;

	if (level > 0)
		for (i = 0; i < HMM_PT_ENTRIES && dir->count; i++)
			if (dir->e[i].dir) {
				pt_free_dir(dir->e[i].dir, level - 1);
				dir->count--;
			}
	kfree(dir);
}

/* Frees every directory: O(directories), whatever the table maps. */
void hmm_pt_fini(struct hmm_pt *pt)
{
	unsigned long gen = pt->gen + 1;

	if (pt->root)
		pt_free_dir(pt->root, HMM_PT_LEVELS - 1);
	hmm_pt_init(pt);
	pt->gen = gen;
}

/*
 * The leaf holding @idx, or NULL when no entry of its 512 is valid. Walks, faults and fork
 * go through tables in vpn order, so the last leaf found is remembered (a one-entry TLB):
 * it stays valid until some directory of the table is freed, which bumps pt->gen.
 */
static struct hmm_pt_dir *pt_leaf(struct hmm_pt *pt, u64 idx)
{
	struct hmm_pt_dir *dir = pt->root;
	u64 base = idx & ~PT_LEAF_MASK;
	int level;

	if (pt->hint && pt->hint_gen == pt->gen && pt->hint_base == base)
		return pt->hint;
	if (idx >= HMM_PT_LIMIT)
		return NULL;
	for (level = HMM_PT_LEVELS - 1; dir && level > 0; level--)
		dir = dir->e[pt_index(idx, level)].dir;
	if (dir) {
		pt->hint = dir;
		pt->hint_base = base;
		pt->hint_gen = pt->gen;
	}
	return dir;
}

u64 hmm_pt_get(struct hmm_pt *pt, u64 idx)
{
	struct hmm_pt_dir *leaf = pt_leaf(pt, idx);

	return leaf ? leaf->e[pt_index(idx, 0)].pte : 0;
}

/* The slot of a valid entry, to change it in place (it must stay non-zero), or NULL. */
u64 *hmm_pt_slot(struct hmm_pt *pt, u64 idx)
{
	struct hmm_pt_dir *leaf = pt_leaf(pt, idx);
	u64 *slot;

	if (!leaf)
		return NULL;
	slot = &leaf->e[pt_index(idx, 0)].pte;
	return *slot ? slot : NULL;
}

static struct hmm_pt_dir *pt_alloc_dir(struct hmm_pt *pt)
{
	struct hmm_pt_dir *dir = pt_cache;

	if (dir) {
		pt_cache = dir->e[0].dir;
		dir->e[0].dir = NULL;
		pt_cache_nr--;
	} else {
		dir = kzalloc(sizeof(*dir));
		if (!dir)
			return NULL;
	}
	pt->bytes += sizeof(*dir);
	return dir;
}

/* Gives every cached directory back (at exit, so leak checkers see a clean heap). */
void hmm_pt_cache_shrink(void)
{
	struct hmm_pt_dir *dir;

	while ((dir = pt_cache)) {
		pt_cache = dir->e[0].dir;
		kfree(dir);
	}
	pt_cache_nr = 0;
}

/* A directory whose count dropped to 0: every entry is 0, ready for reuse as is. */
static void pt_release_dir(struct hmm_pt *pt, struct hmm_pt_dir *dir)
{
	pt->bytes -= sizeof(*dir);
	pt->gen++;
	if (!PT_CACHE || pt_cache_nr >= PT_CACHE_MAX) {
		kfree(dir);
		return;
	}
	dir->e[0].dir = pt_cache;
	pt_cache = dir;
	pt_cache_nr++;
}

/*
 * Sets the entry at @idx to @entry (non-zero), allocating the directories on its path.
 * Returns 0 or -ENOMEM; on -ENOMEM the table is as before (a directory allocated on the
 * way holds nothing yet and is freed by the unwinding).
 */
int hmm_pt_set(struct hmm_pt *pt, u64 idx, u64 entry)
{
	struct hmm_pt_dir *path[HMM_PT_LEVELS];
	struct hmm_pt_dir **link = &pt->root;
	int level, fresh = 0;
	u64 *slot;

	BUG_ON(!entry || idx >= HMM_PT_LIMIT);
	path[0] = pt_leaf(pt, idx);
	if (path[0])
		goto set;
	for (level = HMM_PT_LEVELS - 1; level >= 0; level--) {
		if (!*link) {
			*link = pt_alloc_dir(pt);
			if (!*link)
				goto unwind;
			if (level < HMM_PT_LEVELS - 1)
				path[level + 1]->count++;
			fresh++;
		}
		path[level] = *link;
		if (level > 0)
			link = &path[level]->e[pt_index(idx, level)].dir;
	}
set:
	slot = &path[0]->e[pt_index(idx, 0)].pte;
	if (!*slot) {
		path[0]->count++;
		pt->nr++;
	}
	*slot = entry;
	return 0;

unwind:
	/* the fresh directories are the lowest ones built so far, each empty but for its child */
	for (level++; fresh > 0; level++, fresh--) {
		pt_release_dir(pt, path[level]);
		if (level == HMM_PT_LEVELS - 1) {
			pt->root = NULL;
		} else {
			path[level + 1]->e[pt_index(idx, level + 1)].dir = NULL;
			path[level + 1]->count--;
		}
	}
	return -ENOMEM;
}

/* Empties the entry at @idx; every directory left with no valid entry below it is freed. */
void hmm_pt_clear(struct hmm_pt *pt, u64 idx)
{
	struct hmm_pt_dir *path[HMM_PT_LEVELS];
	struct hmm_pt_dir *dir = pt_leaf(pt, idx);
	int level;

	if (!dir)
		return;
	if (dir->count > 1) {	/* the leaf stays: no path needed */
		if (dir->e[pt_index(idx, 0)].pte) {
			dir->e[pt_index(idx, 0)].pte = 0;
#ifndef MUTANT_pt_clear_keeps_count
			/*
			 * MUTANT (when compiled out): the fast path forgets the leaf's count, so
			 * an emptied leaf is never freed, a leak only the self-check sees (the
			 * kernel's page-table leaks were of this kind: a pte page count not
			 * dropped on one unmap path).
			 */
			dir->count--;
#endif
			pt->nr--;
		}
		return;
	}
	dir = pt->root;
	for (level = HMM_PT_LEVELS - 1; level > 0; level--) {
		if (!dir)
			return;
		path[level] = dir;
		dir = dir->e[pt_index(idx, level)].dir;
	}
	if (!dir || !dir->e[pt_index(idx, 0)].pte)
		return;
	dir->e[pt_index(idx, 0)].pte = 0;
	pt->nr--;
	path[0] = dir;
	for (level = 0; level < HMM_PT_LEVELS && --path[level]->count == 0; level++) {
		pt_release_dir(pt, path[level]);
		if (level == HMM_PT_LEVELS - 1)
			pt->root = NULL;
		else
			path[level + 1]->e[pt_index(idx, level + 1)].dir = NULL;
	}
}
