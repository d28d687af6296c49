/* SPDX-License-Identifier: MIT */
/*
 * bench.h - figures for bench/ (issue 12): commands per second on a SPEC §8 trace, and
 * bytes per mapped pte of a dense mirror page table.
 */
#ifndef HMM_BENCH_H
#define HMM_BENCH_H

#include "kernel.h"

int bench_trace(const char *path);
int bench_dense(u64 n);

#endif /* HMM_BENCH_H */
