/* SPDX-License-Identifier: MIT */
/*
 * page.h - physical pages (SPEC §2 page: pfn, data, dirty, stored, mapcount).
 *
 * The struct pages live in a memory map indexed by pfn, cut into sections of 512 as the
 * kernel's SPARSEMEM mem_map: pfn_to_page() is an array index, and a section whose pages
 * are all freed is given back once the pfn counter has moved past it (pfns are never
 * reused, SPEC §1), so memory follows the live pages, not every pfn ever handed out.
 *
 * mapcount counts the CPU ptes that map the page (page_mapcount()); get_page()/put_page()
 * move it, and the put that drops it to 0 frees the page (SPEC §2). Mirror and device
 * ptes hold no count: a pfn they name may be gone, and page_lookup() says so.
 */
#ifndef HMM_PAGE_H
#define HMM_PAGE_H

#include "kernel.h"

#define PAGES_PER_SECTION	512

struct page {
	s64 data;
	s64 stored;		/* the copy on swap, meaningful when has_stored */
	bool has_stored;
	bool dirty;		/* data newer than the stored copy */
	bool in_use;		/* allocated and not yet freed */
	unsigned int mapcount;
	u64 pfn;
};

struct mem_section {
	unsigned int nr_used;	/* pages of the section in use */
	struct page pages[PAGES_PER_SECTION];
};

struct page_pool {
	struct mem_section **sections;	/* by pfn / PAGES_PER_SECTION; NULL once emptied */
	size_t nr_sections, cap_sections;
	u64 next_pfn;			/* SPEC §1: from 1, never reused */
	u64 nr_pages;			/* pages in use */
	size_t bytes;			/* bytes of sections allocated now */
};

void page_pool_init(struct page_pool *pool);
void page_pool_fini(struct page_pool *pool);
struct page *alloc_page(struct page_pool *pool, s64 data, bool has_stored, s64 stored,
			bool dirty);
struct page *page_lookup(struct page_pool *pool, u64 pfn);
struct page *page_next(struct page_pool *pool, u64 pfn);
void get_page(struct page *page);
void put_page(struct page_pool *pool, struct page *page);
void page_mkdirty_pfn(struct page_pool *pool, u64 pfn);
void page_cache_shrink(void);

/* Every page in use, in pfn order. */
#define for_each_page(pool, page) \
	for ((page) = page_next((pool), 0); (page); (page) = page_next((pool), (page)->pfn + 1))

#endif /* HMM_PAGE_H */
