// SPDX-License-Identifier: MIT
/*
 * page.c - the page pool of page.h (SPEC §1 pfn identities, §2 pages).
 */
#include "page.h"

void page_pool_init(struct page_pool *pool)
{
	hmm_pt_init(&pool->pages);
	pool->next_pfn = 1;
}

void page_pool_fini(struct page_pool *pool)
{
	u64 pfn, entry;

	hmm_pt_for_each(&pool->pages, pfn, entry, 0, HMM_PT_LIMIT)
		kfree((struct page *)(uintptr_t)entry);
	hmm_pt_fini(&pool->pages);
}

/*
 * A new page with mapcount 1 and the next pfn (SPEC §1: a step that allocates several pages
 * does so in increasing vpn order, which its caller's walk order gives). NULL on -ENOMEM.
 */
struct page *alloc_page(struct page_pool *pool, s64 data, bool has_stored, s64 stored,
			bool dirty)
{
	struct page *page = kzalloc(sizeof(*page));

	if (!page)
		return NULL;
	page->pfn = pool->next_pfn;
	page->data = data;
	page->has_stored = has_stored;
	page->stored = stored;
	page->dirty = dirty;
	page->mapcount = 1;
	if (hmm_pt_set(&pool->pages, page->pfn, (u64)(uintptr_t)page)) {
		kfree(page);
		return NULL;
	}
	pool->next_pfn++;
	return page;
}

struct page *page_lookup(struct page_pool *pool, u64 pfn)
{
	return (struct page *)(uintptr_t)hmm_pt_get(&pool->pages, pfn);
}

void get_page(struct page *page)
{
	page->mapcount++;
}

void put_page(struct page_pool *pool, struct page *page)
{
	BUG_ON(page->mapcount == 0);
	if (--page->mapcount)
		return;
	hmm_pt_clear(&pool->pages, page->pfn);
	kfree(page);
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
