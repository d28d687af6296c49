/* SPDX-License-Identifier: MIT */
/*
 * json.h - a reader for the protocol's fixed request shapes (docs/protocol.md): one flat
 * JSON object per line whose values the reader keeps for the keys it knows and skips for
 * any other (nested values included), as a SPEC §8 trace ignores unknown fields.
 *
 * Numbers are read with strtod() as JavaScript reads them; strings are kept as raw slices
 * of the line, with a flag when they hold a backslash (docs/protocol.md: such a string is
 * outside every domain, so it is never decoded).
 */
#ifndef HMM_JSON_H
#define HMM_JSON_H

#include "kernel.h"

enum json_key {
	JK_CMD, JK_MM, JK_START, JK_NPAGES, JK_PROT, JK_VPN, JK_VALUE, JK_DEV, JK_WRITE,
	JK_CODE, JK_OP, JK_CHOICE, JK_HELLO, JK_CONFIG, JK_OBSERVE, JK_CHECK, JK_RESET,
	JK_EXPECT, JK_NOTE,
	JK_COUNT,
};

enum json_type {
	JT_ABSENT,
	JT_NUMBER,
	JT_STRING,
	JT_BOOL,
	JT_NULL,
	JT_OBJECT,
	JT_ARRAY,
};

struct json_value {
	enum json_type type;
	double num;
	bool boolean;
	const char *str;	/* JT_STRING: the raw text between the quotes; any: the value's text */
	size_t len;
	bool escaped;		/* JT_STRING holding a backslash */
	double devices;		/* JT_OBJECT (config): its "devices" number */
	bool has_devices;
};

struct json_request {
	struct json_value v[JK_COUNT];
	enum json_key first;	/* the first known key, what a request dispatches on */
	bool has_first;
};

int json_parse_request(const char *line, size_t len, struct json_request *req);
bool json_str_is(const struct json_value *v, const char *s);
bool json_safe_integer(double d);

#endif /* HMM_JSON_H */
