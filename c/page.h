/* SPDX-License-Identifier: MIT */
/*
 * page.h - physical pages (SPEC §2 page: pfn, data, dirty, stored, mapcount).
 *
 * Pages live in a table indexed by pfn (an hmm_pt of pointers), so a pfn read from a pte
 * finds its page in four steps and the observation lists pages in pfn order. mapcount
 * counts the CPU ptes that map the page (page_mapcount()); get_page()/put_page() move it,
 * and the put that drops it to 0 frees the page (SPEC §2: "a page whose mapcount drops to
 * 0 is freed"). Mirror and device ptes hold no count: a pfn they name may be gone, and
 * page_lookup() says so.
 */
#ifndef HMM_PAGE_H
#define HMM_PAGE_H

#include "hmm_pt.h"

struct page {
	u64 pfn;
	s64 data;
	s64 stored;		/* the copy on swap, meaningful when has_stored */
	bool has_stored;
	bool dirty;		/* data newer than the stored copy */
	unsigned int mapcount;
};

struct page_pool {
	struct hmm_pt pages;	/* pfn -> struct page * */
	u64 next_pfn;		/* SPEC §1: from 1, never reused */
};

void page_pool_init(struct page_pool *pool);
void page_pool_fini(struct page_pool *pool);
struct page *alloc_page(struct page_pool *pool, s64 data, bool has_stored, s64 stored,
			bool dirty);
struct page *page_lookup(struct page_pool *pool, u64 pfn);
void get_page(struct page *page);
void put_page(struct page_pool *pool, struct page *page);
void page_mkdirty_pfn(struct page_pool *pool, u64 pfn);

#endif /* HMM_PAGE_H */
