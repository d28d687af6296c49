/* SPDX-License-Identifier: MIT */
/*
 * proto.h - the hmm-check process protocol, version 1 (docs/protocol.md): requests in,
 * one answer line each. The protocol edge is the only place errno values become SPEC §3
 * codes and commands arrive as JSON.
 */
#ifndef HMM_PROTO_H
#define HMM_PROTO_H

#include "cmd.h"
#include "json.h"
#include "obuf.h"

struct proto {
	struct hmm_world world;
	bool ready;			/* a hello has built the world */
};

void proto_request(struct proto *pr, const char *line, size_t len, struct obuf *ob);
void proto_fini(struct proto *pr);

/* cmd_parse.c */
int cmd_from_json(const struct json_request *req, struct hmm_cmd *cmd, const char **why);
int config_devices(const struct json_request *req, unsigned int *devices, const char **why);
void result_write(struct obuf *ob, struct hmm_result res);

#endif /* HMM_PROTO_H */
