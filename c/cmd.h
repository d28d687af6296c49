/* SPDX-License-Identifier: MIT */
/*
 * cmd.h - one command of SPEC §3 as the protocol delivers it (a SPEC §8 trace line), and
 * its execution: the order of checks (EINVAL, existence, EBUSY, the command's own
 * conditions) and then the core.
 *
 * Fields keep only what the EINVAL check needs: a number is its value when it is a safe
 * integer (docs/protocol.md: the nearest double is an integer of magnitude <= 2^53 - 1);
 * a string is its value in the domain, or -1 outside it.
 */
#ifndef HMM_CMD_H
#define HMM_CMD_H

#include "world.h"

enum hmm_cmd_op {
	CMD_MMAP,
	CMD_MUNMAP,
	CMD_MPROTECT,
	CMD_READ,
	CMD_WRITE,
	CMD_FORK,
	CMD_MIGRATE,
	CMD_WRITEBACK,
	CMD_RECLAIM,
	CMD_EXIT,
	CMD_REGISTER,
	CMD_UNREGISTER,
	CMD_DEVREAD,
	CMD_DEVWRITE,
	CMD_DEVFAULT,
	CMD_SIGNAL,
	CMD_FAIL,
	CMD_STEP,
	CMD_FINISH,
	CMD_COUNT,
};

struct cmd_int {
	s64 v;
	bool safe;
};

struct hmm_cmd {
	enum hmm_cmd_op op;
	struct cmd_int mm, start, npages, vpn, value, dev, id;	/* id: step/finish's op */
	int prot;		/* enum vm_prot, -1 outside the domain */
	int choice;		/* enum hmm_choice (sync when absent), -1 outside */
	int code;		/* fail: -EIO, -EPROTO for any other good code, 0 bad */
	bool write;
};

/* cmd.c */
struct hmm_result hmm_command(struct hmm_world *world, const struct hmm_cmd *cmd);
bool cmd_range_ok(const struct cmd_int *start, const struct cmd_int *npages);
bool cmd_vpn_ok(const struct cmd_int *vpn);
struct mm_struct *cmd_live_mm(struct hmm_world *world, const struct cmd_int *mm);

/* cmd_cpu.c: mmap .. exit; cmd_dev.c: register .. finish */
struct hmm_result cmd_mmap(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_munmap(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_mprotect(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_read(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_write(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_fork(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_invalidate(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_exit(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_register(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_unregister(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_dev_access(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_dev_fault(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_complete(struct hmm_world *world, const struct hmm_cmd *cmd);
struct hmm_result cmd_step(struct hmm_world *world, const struct hmm_cmd *cmd);

#endif /* HMM_CMD_H */
