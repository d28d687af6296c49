/* SPDX-License-Identifier: MIT */
/*
 * kernel.h - the few kernel helpers the C implementation leans on: fixed-width integer
 * types, container_of(), ERR_PTR() for the driver's update() answer (the seed's
 * hmm_device_ops->update() returns a fence, NULL or an ERR_PTR), BUG_ON() for our own
 * invariants, and kzalloc()/kfree().
 *
 * Errors are negative errno values from <errno.h> everywhere inside; proto.c maps them to
 * the SPEC §3 codes at the protocol edge.
 */
#ifndef HMM_KERNEL_H
#define HMM_KERNEL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef uint64_t u64;
typedef int64_t s64;
typedef uint32_t u32;
typedef uint16_t u16;

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define MAX_ERRNO 4095

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}

/*
 * Our own invariant broke: there is no sane way on, so stop the process. The checker
 * reports the exit as a `crash` counterexample with the message below from stderr.
 */
#define BUG_ON(cond)							\
	do {								\
		if (cond) {						\
			fprintf(stderr, "hmm-c: BUG at %s:%d: %s\n",	\
				__FILE__, __LINE__, #cond);		\
			abort();					\
		}							\
	} while (0)

static inline void *kzalloc(size_t size)
{
	return calloc(1, size);
}

static inline void *kcalloc(size_t n, size_t size)
{
	return calloc(n, size);
}

static inline void kfree(void *p)
{
	free(p);
}

/*
 * Grows an array to hold at least @want elements of @size bytes, doubling so appends cost
 * O(1) amortised. Returns 0 or -ENOMEM (the array is untouched then).
 */
static inline int krealloc_array(void **arr, size_t *cap, size_t want, size_t size)
{
	size_t n = *cap ? *cap : 4;
	void *p;

	if (want <= *cap)
		return 0;
	while (n < want)
		n *= 2;
	p = realloc(*arr, n * size);
	if (!p)
		return -ENOMEM;
	*arr = p;
	*cap = n;
	return 0;
}

#endif /* HMM_KERNEL_H */
