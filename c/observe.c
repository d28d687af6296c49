// SPDX-License-Identifier: MIT
/*
 * observe.c - the observation of SPEC §7, all nine parts, written canonically: keys in
 * SPEC §7's order, entities sorted by their first field, no whitespace; the bytes
 * JSON.stringify() prints for the model's observation (docs/protocol.md). Entities come
 * out sorted without sorting: mms, ops, mirrors and fences are kept in id order, pages and
 * ptes in radix trees walked in index order. Only the violations are sorted, as strings.
 */
#include <string.h>

#include "observe.h"

static const char *const prot_names[] = { "none", "r", "rw" };
static const char *const mirror_states[] = { "live", "unregistered", "released", "killed" };
static const char *const fence_states[] = { "pending", "signaled", "failed" };
static const char *const op_kinds[] = {
	"munmap", "mprotect", "cow", "fork", "migrate", "writeback", "reclaim", "rfault", "wfault",
};
static const char *const op_phases[] = {
	"created", "start", "update", "wait", "commit", "apply", "walk", "end",
};

/* [[start, end, prot]], then [[vpn, "P", pfn, write] | [vpn, "S", data]] */
static void observe_mm(struct mm_struct *mm, struct obuf *ob)
{
	struct vm_area_struct *vma;
	struct hmm_pt_walk w;
	const char *sep = "";

	ob_putc(ob, '[');
	ob_u64(ob, mm->id);
	ob_puts(ob, mm->live ? ",\"live\",[" : ",\"dead\",[");
	list_for_each_entry(vma, &mm->vmas, list) {
		ob_puts(ob, sep);
		ob_putc(ob, '[');
		ob_u64(ob, vma->start);
		ob_putc(ob, ',');
		ob_u64(ob, vma->end);
		ob_puts(ob, ",\"");
		ob_puts(ob, prot_names[vma->prot]);
		ob_puts(ob, "\"]");
		sep = ",";
	}
	ob_puts(ob, "],[");
	sep = "";
	hmm_pt_for_each(&mm->pt, &w, 0, HMM_PT_LIMIT) {
		ob_puts(ob, sep);
		ob_putc(ob, '[');
		ob_u64(ob, w.idx);
		if (pte_present(w.entry)) {
			ob_puts(ob, ",\"P\",");
			ob_u64(ob, pte_pfn(w.entry));
			ob_putc(ob, ',');
			ob_bool(ob, pte_write(w.entry));
		} else {
			ob_puts(ob, ",\"S\",");
			ob_s64(ob, pte_swapped_data(w.entry));
		}
		ob_putc(ob, ']');
		sep = ",";
	}
	ob_puts(ob, "]]");
}

static void observe_pages(struct page_pool *pool, struct obuf *ob)
{
	const char *sep = "";
	struct page *page;

	for_each_page(pool, page) {
		ob_puts(ob, sep);
		ob_putc(ob, '[');
		ob_u64(ob, page->pfn);
		ob_putc(ob, ',');
		ob_s64(ob, page->data);
		ob_putc(ob, ',');
		ob_bool(ob, page->dirty);
		ob_putc(ob, ',');
		if (page->has_stored)
			ob_s64(ob, page->stored);
		else
			ob_puts(ob, "null");
		ob_putc(ob, ',');
		ob_u64(ob, page->mapcount);
		ob_putc(ob, ']');
		sep = ",";
	}
}

/* [[vpn, pfn, write, dirty]] of a mirror or device page table */
static void observe_hpt(struct hmm_pt *pt, struct obuf *ob)
{
	struct hmm_pt_walk w;
	const char *sep = "";

	ob_putc(ob, '[');
	hmm_pt_for_each(pt, &w, 0, HMM_PT_LIMIT) {
		ob_puts(ob, sep);
		ob_putc(ob, '[');
		ob_u64(ob, w.idx);
		ob_putc(ob, ',');
		ob_u64(ob, hpte_pfn(w.entry));
		ob_putc(ob, ',');
		ob_bool(ob, hpte_write(w.entry));
		ob_putc(ob, ',');
		ob_bool(ob, hpte_dirty(w.entry));
		ob_putc(ob, ']');
		sep = ",";
	}
	ob_putc(ob, ']');
}

static void observe_mirror(struct hmm_mirror *mirror, struct obuf *ob)
{
	ob_putc(ob, '[');
	ob_u64(ob, mirror->id);
	ob_putc(ob, ',');
	ob_u64(ob, mirror->device->id);
	ob_putc(ob, ',');
	ob_u64(ob, mirror->mm->id);
	ob_puts(ob, ",\"");
	ob_puts(ob, mirror_states[mirror->state]);
	ob_puts(ob, "\",");
	ob_u64(ob, mirror->refs);
	ob_putc(ob, ',');
	observe_hpt(&mirror->pt, ob);
	ob_putc(ob, ',');
	observe_hpt(&to_dmirror(mirror)->dpt, ob);
	ob_putc(ob, ']');
}

static void observe_fence(struct dfence *df, struct obuf *ob)
{
	ob_putc(ob, '[');
	ob_u64(ob, df->id);
	ob_putc(ob, ',');
	ob_u64(ob, df->dev);
	ob_putc(ob, ',');
	ob_u64(ob, df->mirror);
	ob_putc(ob, ',');
	ob_u64(ob, df->op);
	ob_puts(ob, ",\"");
	ob_puts(ob, fence_states[df->state]);
	ob_puts(ob, "\",");
	ob_u64(ob, df->refs);
	ob_putc(ob, ']');
}

/* [[dev, [[fence, mirror, start, end]]]] for every device, oldest first */
static void observe_pending(struct hmm_world *world, struct obuf *ob)
{
	struct dinval *inval;
	const char *sep;
	unsigned int i;

	for (i = 0; i < world->ndevices; i++) {
		ob_puts(ob, i ? ",[" : "[");
		ob_u64(ob, i);
		ob_puts(ob, ",[");
		sep = "";
		list_for_each_entry(inval, &world->devices[i].pending, list) {
			ob_puts(ob, sep);
			ob_putc(ob, '[');
			ob_u64(ob, inval->fence->id);
			ob_putc(ob, ',');
			ob_u64(ob, inval->dmirror->mirror.id);
			ob_putc(ob, ',');
			ob_u64(ob, inval->start);
			ob_putc(ob, ',');
			ob_u64(ob, inval->end);
			ob_putc(ob, ']');
			sep = ",";
		}
		ob_puts(ob, "]]");
	}
}

/* [op, kind, mm, start, end, phase, updated, backoff, mirror|null] */
static void observe_op(struct hmm_op *op, struct obuf *ob)
{
	bool fault = hmm_op_is_fault(op);

	ob_putc(ob, '[');
	ob_u64(ob, op->id);
	ob_puts(ob, ",\"");
	ob_puts(ob, op_kinds[op->kind]);
	ob_puts(ob, "\",");
	ob_u64(ob, op->mm->id);
	ob_putc(ob, ',');
	ob_u64(ob, op->start);
	ob_putc(ob, ',');
	ob_u64(ob, op->end);
	ob_puts(ob, ",\"");
	ob_puts(ob, op_phases[op->phase]);
	ob_puts(ob, "\",");
	ob_u64(ob, fault ? 0 : to_event(op)->updated);
	ob_putc(ob, ',');
	ob_bool(ob, fault && to_fault(op)->backoff);
	ob_putc(ob, ',');
	if (fault)
		ob_u64(ob, to_fault(op)->mirror->id);
	else
		ob_puts(ob, "null");
	ob_putc(ob, ']');
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted as JavaScript's default sort does: by UTF-16 code units, here plain ASCII. */
static void observe_violations(struct hmm_world *world, struct obuf *ob)
{
	size_t i;

	if (world->nr_violations > 1)	/* qsort() wants a non-NULL array even for 0 */
		qsort(world->violations, world->nr_violations, sizeof(char *), cmp_str);
	for (i = 0; i < world->nr_violations; i++) {
		if (i)
			ob_putc(ob, ',');
		ob_str(ob, world->violations[i]);
	}
}

void hmm_observe(struct hmm_world *world, struct obuf *ob)
{
	struct hmm_mirror *mirror;
	struct dfence *df;
	struct hmm_op *op;
	size_t i;

	ob_puts(ob, "{\"mms\":[");
	for (i = 0; i < world->nr_mms; i++) {
		if (i)
			ob_putc(ob, ',');
		observe_mm(world->mms[i], ob);
	}
	ob_puts(ob, "],\"pages\":[");
	observe_pages(&world->pool, ob);
	ob_puts(ob, "],\"mirrors\":[");
	list_for_each_entry(mirror, &world->mirrors, wlist) {
		if (&mirror->wlist != world->mirrors.next)
			ob_putc(ob, ',');
		observe_mirror(mirror, ob);
	}
	ob_puts(ob, "],\"fences\":[");
	list_for_each_entry(df, &world->fences, wlist) {
		if (&df->wlist != world->fences.next)
			ob_putc(ob, ',');
		observe_fence(df, ob);
	}
	ob_puts(ob, "],\"pending\":[");
	observe_pending(world, ob);
	ob_puts(ob, "],\"ops\":[");
	list_for_each_entry(op, &world->ops, wlist) {
		if (&op->wlist != world->ops.next)
			ob_putc(ob, ',');
		observe_op(op, ob);
	}
	ob_puts(ob, "],\"warnings\":");
	ob_u64(ob, world->warnings);
	ob_puts(ob, ",\"violations\":[");
	observe_violations(world, ob);
	ob_puts(ob, "],\"next\":{\"pfn\":");
	ob_u64(ob, world->pool.next_pfn);
	ob_puts(ob, ",\"mirror\":");
	ob_u64(ob, world->next_mirror);
	ob_puts(ob, ",\"op\":");
	ob_u64(ob, world->next_op);
	ob_puts(ob, ",\"fence\":");
	ob_u64(ob, world->next_fence);
	ob_puts(ob, ",\"mm\":");
	ob_u64(ob, world->nr_mms);
	ob_puts(ob, "}}");
}
