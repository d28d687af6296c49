// SPDX-License-Identifier: MIT
/*
 * cmd.c - dispatch of a command to its handler, and the domain checks the handlers share
 * (SPEC §1 ranges, §3 order of checks; INTERPRETATION 1).
 */
#include "cmd.h"

/* [start, start + npages) with start >= 0, npages >= 1, start + npages <= 2^36 (SPEC §1). */
bool cmd_range_ok(const struct cmd_int *start, const struct cmd_int *npages)
{
	return start->safe && npages->safe && start->v >= 0 && npages->v >= 1 &&
	       start->v + npages->v <= (s64)HMM_PT_LIMIT;
}

bool cmd_vpn_ok(const struct cmd_int *vpn)
{
	return vpn->safe && vpn->v >= 0 && vpn->v < (s64)HMM_PT_LIMIT;
}

/* Step 2 for CPU commands and register: the mm, live (NULL: ESRCH). */
struct mm_struct *cmd_live_mm(struct hmm_world *world, const struct cmd_int *mm)
{
	struct mm_struct *m = world_mm(world, mm->v);

	return m && m->live ? m : NULL;
}

static struct hmm_result (*const cmd_handlers[CMD_COUNT])(struct hmm_world *,
							 const struct hmm_cmd *) = {
	[CMD_MMAP]	= cmd_mmap,
	[CMD_MUNMAP]	= cmd_munmap,
	[CMD_MPROTECT]	= cmd_mprotect,
	[CMD_READ]	= cmd_read,
	[CMD_WRITE]	= cmd_write,
	[CMD_FORK]	= cmd_fork,
	[CMD_MIGRATE]	= cmd_invalidate,
	[CMD_WRITEBACK]	= cmd_invalidate,
	[CMD_RECLAIM]	= cmd_invalidate,
	[CMD_EXIT]	= cmd_exit,
	[CMD_REGISTER]	= cmd_register,
	[CMD_UNREGISTER] = cmd_unregister,
	[CMD_DEVREAD]	= cmd_dev_access,
	[CMD_DEVWRITE]	= cmd_dev_access,
	[CMD_DEVFAULT]	= cmd_dev_fault,
	[CMD_SIGNAL]	= cmd_complete,
	[CMD_FAIL]	= cmd_complete,
	[CMD_STEP]	= cmd_step,
	[CMD_FINISH]	= cmd_step,
};

/* Performs one command or step atomically (SPEC §3, §4) and gives its result. */
struct hmm_result hmm_command(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	BUG_ON(cmd->op >= CMD_COUNT);
	return cmd_handlers[cmd->op](world, cmd);
}
