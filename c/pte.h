/* SPDX-License-Identifier: MIT */
/*
 * pte.h - bit-packed page table entries, 8 bytes each (the seed's hmm_pt entries).
 *
 * A CPU pte (SPEC §2) is present {pfn, write} or swapped {data}; data is any safe integer,
 * so it is kept signed above the three flag bits (54 bits of magnitude and sign fit).
 * A mirror or device pte (SPEC §2) is {pfn, write, dirty} and valid.
 */
#ifndef HMM_PTE_H
#define HMM_PTE_H

#include "kernel.h"

#define PTE_SHIFT	3

/* CPU ptes */
#define PTE_PRESENT	1ull
#define PTE_SWAPPED	2ull
#define PTE_WRITE	4ull

static inline u64 pte_mk_present(u64 pfn, bool write)
{
	return pfn << PTE_SHIFT | (write ? PTE_WRITE : 0) | PTE_PRESENT;
}

static inline u64 pte_mk_swapped(s64 data)
{
	return (u64)data << PTE_SHIFT | PTE_SWAPPED;
}

static inline bool pte_present(u64 pte)
{
	return pte & PTE_PRESENT;
}

static inline bool pte_write(u64 pte)
{
	return pte & PTE_WRITE;
}

static inline u64 pte_pfn(u64 pte)
{
	return pte >> PTE_SHIFT;
}

static inline s64 pte_swapped_data(u64 pte)
{
	return (s64)pte >> PTE_SHIFT;	/* arithmetic shift keeps the sign */
}

/* mirror and device ptes (HMM_PTE_* as the seed's hmm_pte bits) */
#define HPTE_VALID	1ull
#define HPTE_WRITE	2ull
#define HPTE_DIRTY	4ull

static inline u64 hpte_mk(u64 pfn, bool write, bool dirty)
{
	return pfn << PTE_SHIFT | (dirty ? HPTE_DIRTY : 0) | (write ? HPTE_WRITE : 0) | HPTE_VALID;
}

static inline u64 hpte_pfn(u64 hpte)
{
	return hpte >> PTE_SHIFT;
}

static inline bool hpte_write(u64 hpte)
{
	return hpte & HPTE_WRITE;
}

static inline bool hpte_dirty(u64 hpte)
{
	return hpte & HPTE_DIRTY;
}

#endif /* HMM_PTE_H */
