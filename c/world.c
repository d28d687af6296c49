// SPDX-License-Identifier: MIT
/*
 * world.c - building and tearing down the world (SPEC §7 initial observation: mm 0 live,
 * every counter at 1), the mm table and the driver's violation log (SPEC §6 driverSaw).
 */
#include <string.h>

#include "world.h"

/* Appends @mm with the next mm id (SPEC §1). */
int world_add_mm(struct hmm_world *world, struct mm_struct *mm)
{
	void *arr = world->mms;
	int ret = krealloc_array(&arr, &world->cap_mms, world->nr_mms + 1, sizeof(*world->mms));

	world->mms = arr;
	if (ret)
		return ret;
	mm->id = world->nr_mms;
	world->mms[world->nr_mms++] = mm;
	return 0;
}

/* The mm with id @id, live or dead, or NULL. */
struct mm_struct *world_mm(struct hmm_world *world, s64 id)
{
	if (id < 0 || (u64)id >= world->nr_mms)
		return NULL;
	return world->mms[id];
}

/* Records "<what> <id>", e.g. "updateNotLive 3" (SPEC §6). */
void world_violation(struct hmm_world *world, const char *what, u64 id)
{
	void *arr = world->violations;
	char *msg = kzalloc(strlen(what) + 24);

	if (!msg || krealloc_array(&arr, &world->cap_violations, world->nr_violations + 1,
				   sizeof(char *))) {
		kfree(msg);
		fprintf(stderr, "hmm-c: out of memory recording %s %llu\n", what,
			(unsigned long long)id);
		abort();	/* a lost violation would pass a broken run */
	}
	world->violations = arr;
	sprintf(msg, "%s %llu", what, (unsigned long long)id);
	world->violations[world->nr_violations++] = msg;
}

int world_init(struct hmm_world *world, unsigned int devices)
{
	struct mm_struct *mm;
	unsigned int i;

	memset(world, 0, sizeof(*world));
	world->ndevices = devices;
	for (i = 0; i < devices; i++)
		dmirror_device_init(&world->devices[i], i, world);
	page_pool_init(&world->pool);
	hmm_pt_init(&world->op_index);
	INIT_LIST_HEAD(&world->ops);
	INIT_LIST_HEAD(&world->mirrors);
	INIT_LIST_HEAD(&world->fences);
	INIT_LIST_HEAD(&world->dead_mirrors);
	INIT_LIST_HEAD(&world->dead_fences);
	world->next_mirror = 1;
	world->next_op = 1;
	world->next_fence = 1;
	mm = mm_alloc(world);
	if (!mm)
		return -ENOMEM;
	if (world_add_mm(world, mm)) {
		mm_free(mm);
		return -ENOMEM;
	}
	return 0;
}

static void world_free_mirrors(struct list_head *list, bool dead)
{
	struct list_head *pos = list->next, *next;
	struct dmirror *dm;

	for (; pos != list; pos = next) {
		next = pos->next;
		dm = dead ? container_of(pos, struct dmirror, grave)
			  : container_of(pos, struct dmirror, mirror.wlist);
		hmm_pt_fini(&dm->mirror.pt);
		hmm_pt_fini(&dm->dpt);
		kfree(dm);
	}
}

static void world_free_fences(struct list_head *list)
{
	struct dfence *df, *n;

	list_for_each_entry_safe(df, n, list, wlist)
		kfree(df);
}

/* Frees everything, whatever state it is in: no step runs, no callback is made. */
void world_fini(struct hmm_world *world)
{
	struct hmm_op *op, *n;
	unsigned int i;
	size_t j;

	list_for_each_entry_safe(op, n, &world->ops, wlist)
		hmm_op_free(op);
	for (i = 0; i < world->ndevices; i++)
		dmirror_device_fini(&world->devices[i]);
	world_free_mirrors(&world->mirrors, false);
	world_free_mirrors(&world->dead_mirrors, true);
	world_free_fences(&world->fences);
	world_free_fences(&world->dead_fences);
	for (j = 0; j < world->nr_mms; j++)
		mm_free(world->mms[j]);
	kfree(world->mms);
	page_pool_fini(&world->pool);
	hmm_pt_fini(&world->op_index);
	for (j = 0; j < world->nr_violations; j++)
		kfree(world->violations[j]);
	kfree(world->violations);
	memset(world, 0, sizeof(*world));
}
