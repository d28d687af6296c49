// SPDX-License-Identifier: MIT
/*
 * hmm_pt_walk.c - walking an hmm_pt in index order, and its structural self-check (SPEC
 * §7 lists ptes sorted by vpn; docs/protocol.md `check`). A walk skips every empty subtree
 * (none exists: a directory is freed when its count drops to 0), so it costs O(valid
 * entries in range), never O(range size).
 */
#include "hmm_pt_dir.h"

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
