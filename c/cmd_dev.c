// SPDX-License-Identifier: MIT
/*
 * cmd_dev.c - mirror and device operations and the driving of ops (SPEC §3 register ..
 * finish): EINVAL (a dev outside 0..devices-1 included), then ESRCH or ENOENT, then the
 * command's own conditions.
 */
#include "cmd.h"

static bool dev_ok(struct hmm_world *world, const struct cmd_int *dev)
{
	return dev->safe && dev->v >= 0 && dev->v < (s64)world->ndevices;
}

/* The live mirror of (dev, mm); NULL (ENOENT) also when the mm is unknown or dead. */
static struct hmm_mirror *live_mirror(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	struct mm_struct *mm = cmd_live_mm(world, &cmd->mm);

	return mm ? hmm_mirror_find(mm, cmd->dev.v) : NULL;
}

struct hmm_result cmd_register(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	struct mm_struct *mm;
	struct dmirror *dm;

	if (!dev_ok(world, &cmd->dev) || !cmd->mm.safe)
		return res_err(-EINVAL);
	mm = cmd_live_mm(world, &cmd->mm);
	if (!mm)
		return res_err(-ESRCH);
	if (hmm_mirror_find(mm, cmd->dev.v))
		return res_err(-EEXIST);
	dm = dmirror_create(&world->devices[cmd->dev.v], mm);
	return dm ? res_ok((s64)dm->mirror.id) : res_err(-ENOMEM);
}

struct hmm_result cmd_unregister(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	struct hmm_mirror *mirror;

	if (!dev_ok(world, &cmd->dev) || !cmd->mm.safe)
		return res_err(-EINVAL);
	mirror = live_mirror(world, cmd);
	if (!mirror)
		return res_err(-ENOENT);
	dmirror_unregister(to_dmirror(mirror));
	return res_ok(0);
}

static struct hmm_result fault_result(struct hmm_mirror *mirror, u64 start, u64 end, bool write)
{
	struct hmm_fault *fault = hmm_fault_create(mirror, start, end, write);

	return IS_ERR(fault) ? res_err(PTR_ERR(fault)) : res_op(fault->op.id);
}

/* devRead, devWrite: through the device pte if it allows, otherwise a fault op. */
struct hmm_result cmd_dev_access(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	bool write = cmd->op == CMD_DEVWRITE;
	struct hmm_mirror *mirror;
	s64 data;

	if (!dev_ok(world, &cmd->dev) || !cmd->mm.safe || !cmd_vpn_ok(&cmd->vpn) ||
	    (write && !cmd->value.safe))
		return res_err(-EINVAL);
	mirror = live_mirror(world, cmd);
	if (!mirror)
		return res_err(-ENOENT);
	if (write) {
		if (!dmirror_write(to_dmirror(mirror), cmd->vpn.v, cmd->value.v))
			return res_ok(0);
	} else if (!dmirror_read(to_dmirror(mirror), cmd->vpn.v, &data)) {
		return res_ok(data);
	}
	return fault_result(mirror, cmd->vpn.v, cmd->vpn.v + 1, write);
}

/* devFault: a prefetch fault over a range. */
struct hmm_result cmd_dev_fault(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	struct hmm_mirror *mirror;

	if (!dev_ok(world, &cmd->dev) || !cmd->mm.safe ||
	    !cmd_range_ok(&cmd->start, &cmd->npages))
		return res_err(-EINVAL);
	mirror = live_mirror(world, cmd);
	if (!mirror)
		return res_err(-ENOENT);
	return fault_result(mirror, cmd->start.v, cmd->start.v + cmd->npages.v, cmd->write);
}

/* signal, fail: the device completes its oldest pending invalidation. */
struct hmm_result cmd_complete(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	int error = cmd->op == CMD_FAIL ? cmd->code : 0;
	u64 fence;
	int err;

	if (!dev_ok(world, &cmd->dev) || (cmd->op == CMD_FAIL && !cmd->code))
		return res_err(-EINVAL);
	err = dmirror_device_complete(&world->devices[cmd->dev.v], error, &fence);
	return err ? res_err(err) : res_ok((s64)fence);
}

/* step, finish: ENOENT unless the op is in flight. */
struct hmm_result cmd_step(struct hmm_world *world, const struct hmm_cmd *cmd)
{
	struct hmm_op *op;

	if (!cmd->id.safe || cmd->choice < 0)
		return res_err(-EINVAL);
	op = hmm_op_find(world, cmd->id.v);
	if (!op)
		return res_err(-ENOENT);
	if (cmd->op == CMD_FINISH)
		return hmm_op_finish(op);
	return hmm_op_step(op, cmd->choice);
}
