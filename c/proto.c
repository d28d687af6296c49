// SPDX-License-Identifier: MIT
/*
 * proto.c - one request of the hmm-check protocol, version 1 (docs/protocol.md "Requests
 * and answers"), dispatched on its first key: hello, cmd, observe, check, reset. Every
 * answer is one line; a request this implementation cannot handle is answered
 * {"error": ...}, which the checker reports as a crash.
 */
#include "observe.h"
#include "proto.h"

static const char hello_answer[] =
	"{\"hello\":1,\"name\":\"hmm-c 1.0\",\"observes\":[\"mms\",\"pages\",\"mirrors\","
	"\"fences\",\"pending\",\"ops\",\"warnings\",\"violations\",\"next\"],\"selfCheck\":true}";

static void answer_error(struct obuf *ob, const char *why)
{
	ob_puts(ob, "{\"error\":");
	ob_str(ob, why);
	ob_putc(ob, '}');
}

/* hello and reset: a fresh world with the configured devices (SPEC §7 initial). */
static const char *proto_start(struct proto *pr, const struct json_request *req)
{
	unsigned int devices;
	const char *why;

	if (config_devices(req, &devices, &why))
		return why;
	if (pr->ready)
		world_fini(&pr->world);
	pr->ready = false;
	if (world_init(&pr->world, devices)) {
		world_fini(&pr->world);
		return "out of memory";
	}
	pr->ready = true;
	return NULL;
}

static const char *proto_command(struct proto *pr, const struct json_request *req,
				 struct obuf *ob)
{
	struct hmm_cmd cmd;
	const char *why;

	if (cmd_from_json(req, &cmd, &why))
		return why;
	result_write(ob, hmm_command(&pr->world, &cmd));
	return NULL;
}

void proto_request(struct proto *pr, const char *line, size_t len, struct obuf *ob)
{
	struct json_request req;
	const char *why = NULL;

	if (json_parse_request(line, len, &req) || !req.has_first) {
		why = "not a JSON object with a known request key";
	} else if (req.first == JK_HELLO) {
		if (req.v[JK_HELLO].type != JT_NUMBER || req.v[JK_HELLO].num != 1)
			why = "hmm-c speaks protocol version 1 only";
		else
			why = proto_start(pr, &req);
		if (!why)
			ob_puts(ob, hello_answer);
	} else if (!pr->ready) {
		why = "the first request must be hello";
	} else if (req.first == JK_RESET) {
		why = proto_start(pr, &req);
		if (!why)
			ob_puts(ob, "{\"ready\":1}");
	} else if (req.first == JK_CMD) {
		why = proto_command(pr, &req, ob);
	} else if (req.first == JK_OBSERVE) {
		hmm_observe(&pr->world, ob);
	} else if (req.first == JK_CHECK) {
		hmm_self_check(&pr->world, ob);
	} else {
		why = "unknown request";
	}
	if (why)
		answer_error(ob, why);
	ob_putc(ob, '\n');
}

void proto_fini(struct proto *pr)
{
	if (pr->ready)
		world_fini(&pr->world);
	pr->ready = false;
}
