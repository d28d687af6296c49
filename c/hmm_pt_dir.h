/* SPDX-License-Identifier: MIT */
/*
 * hmm_pt_dir.h - the directory page of hmm_pt, shared by hmm_pt.c (lookup, set, clear)
 * and hmm_pt_walk.c (walks, self-check) only.
 */
#ifndef HMM_PT_DIR_H
#define HMM_PT_DIR_H

#include "hmm_pt.h"

struct hmm_pt_dir {
	unsigned int count;	/* valid entries (leaf) or child directories (upper) */
	union {
		u64 pte;			/* level 0 */
		struct hmm_pt_dir *dir;		/* levels 1..3 */
	} e[HMM_PT_ENTRIES];
};

#define PT_LEAF_MASK	((u64)HMM_PT_ENTRIES - 1)

static inline unsigned int pt_index(u64 idx, int level)
{
	return (idx >> (level * HMM_PT_SHIFT)) & (HMM_PT_ENTRIES - 1);
}

#endif /* HMM_PT_DIR_H */
