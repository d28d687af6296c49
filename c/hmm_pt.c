// SPDX-License-Identifier: MIT
/*
 * hmm_pt.c - the radix tree of hmm_pt.h (the seed's hmm_pt; SPEC §2 page tables, §1 vpn
 * space). Level 3 is the root, level 0 the leaves that hold entries.
 */
#include "hmm_pt.h"

struct hmm_pt_dir {
	unsigned int count;	/* valid entries (leaf) or child directories (upper) */
	union {
		u64 pte;			/* level 0 */
		struct hmm_pt_dir *dir;		/* levels 1..3 */
	} e[HMM_PT_ENTRIES];
};

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

static inline unsigned int pt_index(u64 idx, int level)
{
	return (idx >> (level * HMM_PT_SHIFT)) & (HMM_PT_ENTRIES - 1);
}

void hmm_pt_init(struct hmm_pt *pt)
{
	pt->root = NULL;
	pt->nr = 0;
	pt->bytes = 0;
	pt->gen = 0;
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

/* The leaf holding @idx, or NULL when no entry of its 512 is valid. */
static struct hmm_pt_dir *pt_leaf(const struct hmm_pt *pt, u64 idx)
{
	struct hmm_pt_dir *dir = pt->root;
	int level;

	if (idx >= HMM_PT_LIMIT)
		return NULL;
	for (level = HMM_PT_LEVELS - 1; dir && level > 0; level--)
		dir = dir->e[pt_index(idx, level)].dir;
	return dir;
}

u64 hmm_pt_get(const struct hmm_pt *pt, u64 idx)
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
	struct hmm_pt_dir *dir = pt->root;
	int level;

	if (idx >= HMM_PT_LIMIT)
		return;
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

/*
 * First valid entry with index in [*idx, end) below @dir, a directory at @level whose
 * first index is @base. Every child directory holds at least one valid entry, so the
 * search never descends into an empty subtree.
 */
static bool pt_next(struct hmm_pt_dir *dir, int level, u64 base,
		    u64 *idx, u64 end, struct hmm_pt_dir **leaf)
{
	unsigned int shift = level * HMM_PT_SHIFT;
	unsigned int slot;

	for (slot = pt_index(*idx, level); slot < HMM_PT_ENTRIES; slot++) {
		u64 sbase = base + ((u64)slot << shift);

		if (sbase >= end)
			return false;
		if (level == 0) {
			if (dir->e[slot].pte) {
				*idx = sbase;
				*leaf = dir;
				return true;
			}
			continue;
		}
		if (!dir->e[slot].dir)
			continue;
		if (*idx < sbase)
			*idx = sbase;
		if (pt_next(dir->e[slot].dir, level - 1, sbase, idx, end, leaf))
			return true;
	}
	return false;
}

/*
 * Finds the first valid entry with index in [*idx, end): true with *idx and *entry set,
 * false when there is none.
 */
bool hmm_pt_next(const struct hmm_pt *pt, u64 *idx, u64 end, u64 *entry)
{
	struct hmm_pt_dir *leaf;

	if (end > HMM_PT_LIMIT)
		end = HMM_PT_LIMIT;
	if (!pt->root || *idx >= end ||
	    !pt_next(pt->root, HMM_PT_LEVELS - 1, 0, idx, end, &leaf))
		return false;
	*entry = leaf->e[pt_index(*idx, 0)].pte;
	return true;
}

void hmm_pt_walk_init(struct hmm_pt_walk *w, u64 start, u64 end)
{
	w->next = start;
	w->end = end < HMM_PT_LIMIT ? end : HMM_PT_LIMIT;
	w->leaf = NULL;
}

/* Scans the cached leaf from w->next; false when the rest of the leaf holds nothing. */
static bool pt_walk_leaf(struct hmm_pt_walk *w)
{
	u64 base = w->next & ~(u64)(HMM_PT_ENTRIES - 1);
	unsigned int i;

	for (i = pt_index(w->next, 0); i < HMM_PT_ENTRIES && base + i < w->end; i++)
		if (w->leaf->e[i].pte) {
			w->idx = base + i;
			return true;
		}
	w->next = base + HMM_PT_ENTRIES;
	return false;
}

/* The next valid entry of the walk: true with idx, entry and slot set. */
bool hmm_pt_walk_next(const struct hmm_pt *pt, struct hmm_pt_walk *w)
{
	u64 mask = ~(u64)(HMM_PT_ENTRIES - 1);

	if (w->leaf && w->gen == pt->gen && (w->next & mask) == (w->idx & mask) &&
	    pt_walk_leaf(w))
		goto found;
	if (!pt->root || w->next >= w->end)
		return false;
	w->idx = w->next;
	if (!pt_next(pt->root, HMM_PT_LEVELS - 1, 0, &w->idx, w->end, &w->leaf))
		return false;
	w->gen = pt->gen;
found:
	w->slot = &w->leaf->e[pt_index(w->idx, 0)].pte;
	w->entry = *w->slot;
	w->next = w->idx + 1;
	return true;
}

/* Counts what lies below @dir and reports every directory whose count disagrees. */
static u64 pt_check_dir(const struct hmm_pt_dir *dir, int level, const char *name,
			void (*breach)(void *arg, const char *msg), void *arg, int *bad)
{
	unsigned int i, used = 0;
	u64 valid = 0;
	char msg[160];

	for (i = 0; i < HMM_PT_ENTRIES; i++) {
		if (level == 0) {
			used += dir->e[i].pte != 0;
			continue;
		}
		if (!dir->e[i].dir)
			continue;
		used++;
		valid += pt_check_dir(dir->e[i].dir, level - 1, name, breach, arg, bad);
	}
	if (used != dir->count || used == 0) {
		snprintf(msg, sizeof(msg), "%s: a level-%d directory counts %u entries but holds %u",
			 name, level, dir->count, used);
		breach(arg, msg);
		(*bad)++;
	}
	return level == 0 ? used : valid;
}

/* Structural self-check (protocol `check`): counts, no empty directory, the total. */
int hmm_pt_check(const struct hmm_pt *pt, const char *name,
		 void (*breach)(void *arg, const char *msg), void *arg)
{
	int bad = 0;
	u64 valid = 0;
	char msg[160];

	if (pt->root)
		valid = pt_check_dir(pt->root, HMM_PT_LEVELS - 1, name, breach, arg, &bad);
	if (valid != pt->nr) {
		snprintf(msg, sizeof(msg), "%s: %llu valid entries but the table counts %llu",
			 name, (unsigned long long)valid, (unsigned long long)pt->nr);
		breach(arg, msg);
		bad++;
	}
	return bad;
}
