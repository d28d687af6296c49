// SPDX-License-Identifier: MIT
/*
 * cmd_parse.c - a command's JSON fields into struct hmm_cmd (SPEC §8 encodings; the
 * fields of each command as SPEC §3 lists them), and a result back into JSON (SPEC §3).
 * A missing field or a field of the wrong JSON type is an error in the request, not a
 * command result; a value of the right type outside its domain is the command's EINVAL.
 */
#include <string.h>

#include "proto.h"

#define F(k)	(1u << (k))
#define RANGE	(F(JK_MM) | F(JK_START) | F(JK_NPAGES))

struct cmd_fields {
	const char *name;
	unsigned int nums, strs, bools;
};

static const struct cmd_fields cmd_fields[CMD_COUNT] = {
	[CMD_MMAP]	= { "mmap", RANGE, F(JK_PROT), 0 },
	[CMD_MUNMAP]	= { "munmap", RANGE, 0, 0 },
	[CMD_MPROTECT]	= { "mprotect", RANGE, F(JK_PROT), 0 },
	[CMD_READ]	= { "read", F(JK_MM) | F(JK_VPN), 0, 0 },
	[CMD_WRITE]	= { "write", F(JK_MM) | F(JK_VPN) | F(JK_VALUE), 0, 0 },
	[CMD_FORK]	= { "fork", F(JK_MM), 0, 0 },
	[CMD_MIGRATE]	= { "migrate", RANGE, 0, 0 },
	[CMD_WRITEBACK]	= { "writeback", RANGE, 0, 0 },
	[CMD_RECLAIM]	= { "reclaim", RANGE, 0, 0 },
	[CMD_EXIT]	= { "exit", F(JK_MM), 0, 0 },
	[CMD_REGISTER]	= { "register", F(JK_DEV) | F(JK_MM), 0, 0 },
	[CMD_UNREGISTER] = { "unregister", F(JK_DEV) | F(JK_MM), 0, 0 },
	[CMD_DEVREAD]	= { "devRead", F(JK_DEV) | F(JK_MM) | F(JK_VPN), 0, 0 },
	[CMD_DEVWRITE]	= { "devWrite", F(JK_DEV) | F(JK_MM) | F(JK_VPN) | F(JK_VALUE), 0, 0 },
	[CMD_DEVFAULT]	= { "devFault", F(JK_DEV) | RANGE, 0, F(JK_WRITE) },
	[CMD_SIGNAL]	= { "signal", F(JK_DEV), 0, 0 },
	[CMD_FAIL]	= { "fail", F(JK_DEV), F(JK_CODE), 0 },
	[CMD_STEP]	= { "step", F(JK_OP), 0, 0 },		/* choice: optional */
	[CMD_FINISH]	= { "finish", F(JK_OP), 0, 0 },
};

static struct cmd_int cmd_int(const struct json_value *v)
{
	bool safe = json_safe_integer(v->num);

	return (struct cmd_int){ safe ? (s64)v->num : 0, safe };
}

static int str_index(const struct json_value *v, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (json_str_is(v, names[i]))
			return i;
	return -1;
}

/* fail's code (SPEC §3): E[A-Z0-9]+ but not EAGAIN; -EIO, -EPROTO for any other, 0 bad. */
static int fail_code(const struct json_value *v)
{
	size_t i;

	if (v->escaped || v->len < 2 || v->str[0] != 'E' || json_str_is(v, "EAGAIN"))
		return 0;
	for (i = 1; i < v->len; i++)
		if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", v->str[i]) || !v->str[i])
			return 0;
	return json_str_is(v, "EIO") ? -EIO : -EPROTO;
}

static int check_types(const struct json_request *req, const struct cmd_fields *f,
		       const char **why)
{
	int k;

	for (k = 0; k < JK_COUNT; k++) {
		enum json_type want = f->nums & F(k) ? JT_NUMBER :
				      f->strs & F(k) ? JT_STRING :
				      f->bools & F(k) ? JT_BOOL : JT_ABSENT;

		if (want == JT_ABSENT || req->v[k].type == want)
			continue;
		*why = req->v[k].type == JT_ABSENT ? "a field of the command is missing"
						   : "a field of the command has the wrong JSON type";
		return -EINVAL;
	}
	if (f == &cmd_fields[CMD_STEP] && req->v[JK_CHOICE].type != JT_ABSENT &&
	    req->v[JK_CHOICE].type != JT_STRING) {
		*why = "choice must be a string";
		return -EINVAL;
	}
	return 0;
}

int cmd_from_json(const struct json_request *req, struct hmm_cmd *cmd, const char **why)
{
	static const char *const prots[] = { "none", "r", "rw" };
	static const char *const choices[] = { "sync", "fence", "error" };
	const struct json_value *v = req->v;
	int op;

	memset(cmd, 0, sizeof(*cmd));
	*why = "cmd must be a string naming a command";
	if (v[JK_CMD].type != JT_STRING)
		return -EINVAL;
	for (op = 0; op < CMD_COUNT; op++)
		if (json_str_is(&v[JK_CMD], cmd_fields[op].name))
			break;
	if (op == CMD_COUNT || check_types(req, &cmd_fields[op], why))
		return -EINVAL;
	cmd->op = op;
	cmd->mm = cmd_int(&v[JK_MM]);
	cmd->start = cmd_int(&v[JK_START]);
	cmd->npages = cmd_int(&v[JK_NPAGES]);
	cmd->vpn = cmd_int(&v[JK_VPN]);
	cmd->value = cmd_int(&v[JK_VALUE]);
	cmd->dev = cmd_int(&v[JK_DEV]);
	cmd->id = cmd_int(&v[JK_OP]);
	cmd->prot = str_index(&v[JK_PROT], prots, 3);
	cmd->choice = v[JK_CHOICE].type == JT_ABSENT ? HMM_CHOICE_SYNC
						     : str_index(&v[JK_CHOICE], choices, 3);
	cmd->code = fail_code(&v[JK_CODE]);
	cmd->write = v[JK_WRITE].boolean;
	return 0;
}

/* config.devices of hello and reset (SPEC §1: 1 to 8, 2 when config says nothing). */
int config_devices(const struct json_request *req, unsigned int *devices, const char **why)
{
	const struct json_value *config = &req->v[JK_CONFIG];
	double d = config->has_devices ? config->devices : 2;

	*why = "config.devices must be an integer from 1 to 8";
	if (config->type != JT_ABSENT && config->type != JT_OBJECT)
		return -EINVAL;
	if (!json_safe_integer(d) || d < 1 || d > HMM_MAX_DEVICES)
		return -EINVAL;
	*devices = (unsigned int)d;
	return 0;
}

/* The closed set of SPEC §3 codes: the only errno values a result may carry. */
static const struct {
	int err;
	const char *name;
} errno_names[] = {
	{ EINVAL, "EINVAL" }, { ESRCH, "ESRCH" }, { ENOENT, "ENOENT" }, { EBUSY, "EBUSY" },
	{ EEXIST, "EEXIST" }, { ENOMEM, "ENOMEM" }, { EFAULT, "EFAULT" }, { EPERM, "EPERM" },
	{ EAGAIN, "EAGAIN" }, { ENODEV, "ENODEV" },
};

/* {"ok":N}, {"op":N} or {"err":"CODE"} (SPEC §3). */
void result_write(struct obuf *ob, struct hmm_result res)
{
	size_t i;

	switch (res.kind) {
	case HMM_RES_OK:
		ob_puts(ob, "{\"ok\":");
		ob_s64(ob, res.val);
		break;
	case HMM_RES_OP:
		ob_puts(ob, "{\"op\":");
		ob_s64(ob, res.val);
		break;
	default:
		for (i = 0; i < ARRAY_SIZE(errno_names); i++)
			if (-res.val == errno_names[i].err)
				break;
		BUG_ON(i == ARRAY_SIZE(errno_names));	/* an errno SPEC §3 does not have */
		ob_puts(ob, "{\"err\":\"");
		ob_puts(ob, errno_names[i].name);
		ob_putc(ob, '"');
		break;
	}
	ob_putc(ob, '}');
}
