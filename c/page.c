// SPDX-License-Identifier: MIT
/*
 * page.c - the page pool of page.h (SPEC §1 pfn identities, §2 pages).
 */
#include <string.h>

#include "page.h"

/*
 * Emptied sections are kept for reuse, as hmm_pt keeps directories: pages die in runs
 * (migrate, reclaim, exit) and are born in runs (faults), and a section freed with no page
 * in use has every in_use flag clear already, so reuse needs no clearing. The sanitizer
 * build keeps none, so ASan sees every use of a freed section.
 */
#ifdef __SANITIZE_ADDRESS__
#define SECTION_CACHE	false
#else
#define SECTION_CACHE	true
#endif
#define SECTION_CACHE_MAX	16

static struct mem_section *section_cache[SECTION_CACHE_MAX];
static unsigned int section_cache_nr;

/* Gives every cached section back (at exit, so leak checkers see a clean heap). */
void page_cache_shrink(void)
{
	while (section_cache_nr)
		kfree(section_cache[--section_cache_nr]);
}

void page_pool_init(struct page_pool *pool)
{
	memset(pool, 0, sizeof(*pool));
	pool->next_pfn = 1;
}

void page_pool_fini(struct page_pool *pool)
{
	size_t i;

	for (i = 0; i < pool->nr_sections; i++)
		kfree(pool->sections[i]);
	kfree(pool->sections);
	page_pool_init(pool);
}

/* A section with no page in use that the pfn counter has left for good is given back. */
static void section_maybe_free(struct page_pool *pool, size_t idx)
{
	struct mem_section *section = pool->sections[idx];

	if (!section || section->nr_used ||
	    (idx + 1) * PAGES_PER_SECTION > pool->next_pfn)
		return;
	if (SECTION_CACHE && section_cache_nr < SECTION_CACHE_MAX)
		section_cache[section_cache_nr++] = section;
	else
		kfree(section);
	pool->sections[idx] = NULL;
	pool->bytes -= sizeof(*section);
}

/* The section that will hold the next pfn, allocated if need be. */
static struct mem_section *section_for_next(struct page_pool *pool)
{
	size_t idx = pool->next_pfn / PAGES_PER_SECTION;
	void *arr = pool->sections;

	if (idx >= pool->nr_sections) {
		if (krealloc_array(&arr, &pool->cap_sections, idx + 1, sizeof(*pool->sections)))
			return NULL;
		pool->sections = arr;
		memset(pool->sections + pool->nr_sections, 0,
		       (idx + 1 - pool->nr_sections) * sizeof(*pool->sections));
		pool->nr_sections = idx + 1;
	}
	if (!pool->sections[idx]) {
		if (section_cache_nr)
			pool->sections[idx] = section_cache[--section_cache_nr];
		else
			pool->sections[idx] = kzalloc(sizeof(struct mem_section));
		if (pool->sections[idx])
			pool->bytes += sizeof(struct mem_section);
	}
	return pool->sections[idx];
}

/*
 * A new page with mapcount 1 and the next pfn (SPEC §1: a step that allocates several pages
 * does so in increasing vpn order, which its caller's walk order gives). NULL on -ENOMEM.
 */
struct page *alloc_page(struct page_pool *pool, s64 data, bool has_stored, s64 stored,
			bool dirty)
{
	struct mem_section *section = section_for_next(pool);
	struct page *page;
	u64 pfn = pool->next_pfn;

	if (!section)
		return NULL;
	page = &section->pages[pfn % PAGES_PER_SECTION];
	page->pfn = pfn;
	page->data = data;
	page->has_stored = has_stored;
	page->stored = stored;
	page->dirty = dirty;
	page->mapcount = 1;
	page->in_use = true;
	section->nr_used++;
	pool->nr_pages++;
	pool->next_pfn++;
	if (pfn % PAGES_PER_SECTION == PAGES_PER_SECTION - 1)
		section_maybe_free(pool, pfn / PAGES_PER_SECTION);	/* left for good */
	return page;
}

/* pfn_to_page(), for a page in use; NULL for a pfn never handed out or already freed. */
struct page *page_lookup(struct page_pool *pool, u64 pfn)
{
	size_t idx = pfn / PAGES_PER_SECTION;
	struct page *page;

	if (idx >= pool->nr_sections || !pool->sections[idx])
		return NULL;
	page = &pool->sections[idx]->pages[pfn % PAGES_PER_SECTION];
	return page->in_use ? page : NULL;
}

/* The first page in use with pfn >= @pfn, or NULL. */
struct page *page_next(struct page_pool *pool, u64 pfn)
{
	size_t idx;

	for (idx = pfn / PAGES_PER_SECTION; idx < pool->nr_sections;
	     idx++, pfn = idx * PAGES_PER_SECTION) {
		struct mem_section *section = pool->sections[idx];

		if (!section || !section->nr_used)
			continue;
		for (; pfn < (idx + 1) * PAGES_PER_SECTION; pfn++)
			if (section->pages[pfn % PAGES_PER_SECTION].in_use)
				return &section->pages[pfn % PAGES_PER_SECTION];
	}
	return NULL;
}

void get_page(struct page *page)
{
	page->mapcount++;
}

void put_page(struct page_pool *pool, struct page *page)
{
	size_t idx = page->pfn / PAGES_PER_SECTION;

	BUG_ON(!page->in_use || page->mapcount == 0);
	if (--page->mapcount)
		return;
	page->in_use = false;
	pool->nr_pages--;
	pool->sections[idx]->nr_used--;
	section_maybe_free(pool, idx);
}

/*
 * The reporting rule's and commit's last resort (SPEC §2, §4.2): a dirty bit goes to the
 * page. A page already freed loses it (INTERPRETATION 11); the rules then say why.
 */
void page_mkdirty_pfn(struct page_pool *pool, u64 pfn)
{
	struct page *page = page_lookup(pool, pfn);

	if (page)
		page->dirty = true;
}
