// SPDX-License-Identifier: MIT
/*
 * check.c - the implementation's own structural self-check (docs/protocol.md `check`,
 * reported by the checker as rule ptStructure): every radix tree's directory counts, every
 * page's mapcount against the CPU ptes that map it, and the mem_map's counts of pages. It reads nothing SPEC §7 shows
 * the checker already, so it finds what the observation cannot: a count gone wrong that
 * would free a directory or a mem_map section too early, or leak one.
 */
#include "observe.h"

struct check_ctx {
	struct obuf *ob;
	int n;
};

static void breach(void *arg, const char *msg)
{
	struct check_ctx *ctx = arg;

	if (ctx->n++)
		ob_putc(ctx->ob, ',');
	ob_str(ctx->ob, msg);
}

static void check_tables(struct hmm_world *world, struct check_ctx *ctx)
{
	struct hmm_mirror *mirror;
	char name[64];
	size_t i;

	for (i = 0; i < world->nr_mms; i++) {
		snprintf(name, sizeof(name), "mm %zu page table", i);
		hmm_pt_check(&world->mms[i]->pt, name, breach, ctx);
	}
	list_for_each_entry(mirror, &world->mirrors, wlist) {
		snprintf(name, sizeof(name), "mirror %llu page table",
			 (unsigned long long)mirror->id);
		hmm_pt_check(&mirror->pt, name, breach, ctx);
		snprintf(name, sizeof(name), "mirror %llu device page table",
			 (unsigned long long)mirror->id);
		hmm_pt_check(&to_dmirror(mirror)->dpt, name, breach, ctx);
	}
	hmm_pt_check(&world->op_index, "op index", breach, ctx);
}

/* Counts the CPU ptes mapping each pfn into @counts (pfn -> count). */
static void count_mappings(struct hmm_world *world, struct hmm_pt *counts, struct check_ctx *ctx)
{
	struct hmm_pt_walk w;
	char msg[128];
	size_t i;
	u64 pfn;

	for (i = 0; i < world->nr_mms; i++)
		hmm_pt_for_each(&world->mms[i]->pt, &w, 0, HMM_PT_LIMIT) {
			if (!pte_present(w.entry))
				continue;
			pfn = pte_pfn(w.entry);
			if (page_lookup(&world->pool, pfn)) {
				if (!hmm_pt_set(counts, pfn, hmm_pt_get(counts, pfn) + 1))
					continue;
				snprintf(msg, sizeof(msg), "out of memory counting mappings");
			} else {
				snprintf(msg, sizeof(msg), "mm %zu vpn %llu maps pfn %llu, not allocated",
					 i, (unsigned long long)w.idx, (unsigned long long)pfn);
			}
			breach(ctx, msg);
		}
}

static void check_mapcounts(struct hmm_world *world, struct check_ctx *ctx)
{
	struct hmm_pt counts;
	struct page *page;
	char msg[128];
	u64 n;

	hmm_pt_init(&counts);
	count_mappings(world, &counts, ctx);
	for_each_page(&world->pool, page) {
		n = hmm_pt_get(&counts, page->pfn);
		if (n == page->mapcount)
			continue;
		snprintf(msg, sizeof(msg), "page %llu has mapcount %u but %llu CPU ptes map it",
			 (unsigned long long)page->pfn, page->mapcount, (unsigned long long)n);
		breach(ctx, msg);
	}
	hmm_pt_fini(&counts);
}

/* Each mem_map section's count of pages in use, and the pool's total (page.h). */
static void check_pool(struct page_pool *pool, struct check_ctx *ctx)
{
	unsigned int used, i;
	char msg[128];
	u64 total = 0;
	size_t s;

	for (s = 0; s < pool->nr_sections; s++) {
		if (!pool->sections[s])
			continue;
		for (i = 0, used = 0; i < PAGES_PER_SECTION; i++)
			used += pool->sections[s]->pages[i].in_use;
		total += used;
		if (used == pool->sections[s]->nr_used)
			continue;
		snprintf(msg, sizeof(msg), "mem_map section %zu counts %u pages in use but holds %u",
			 s, pool->sections[s]->nr_used, used);
		breach(ctx, msg);
	}
	if (total != pool->nr_pages) {
		snprintf(msg, sizeof(msg), "%llu pages in use but the pool counts %llu",
			 (unsigned long long)total, (unsigned long long)pool->nr_pages);
		breach(ctx, msg);
	}
}

void hmm_self_check(struct hmm_world *world, struct obuf *ob)
{
	struct check_ctx ctx = { ob, 0 };

	ob_puts(ob, "{\"breaches\":[");
	check_tables(world, &ctx);
	check_mapcounts(world, &ctx);
	check_pool(&world->pool, &ctx);
	ob_puts(ob, "]}");
}
