// SPDX-License-Identifier: MIT
/*
 * json.c - the request reader of json.h (docs/protocol.md "Commands", SPEC §8 encodings).
 * Recursive descent over a bounded slice; every error is -EINVAL and the protocol answers
 * {"error": ...}, since the checker only sends well-formed requests.
 */
#include <math.h>
#include <string.h>

#include "json.h"

struct json_parser {
	const char *p, *end;
};

static const char *const json_keys[JK_COUNT] = {
	[JK_CMD] = "cmd", [JK_MM] = "mm", [JK_START] = "start", [JK_NPAGES] = "npages",
	[JK_PROT] = "prot", [JK_VPN] = "vpn", [JK_VALUE] = "value", [JK_DEV] = "dev",
	[JK_WRITE] = "write", [JK_CODE] = "code", [JK_OP] = "op", [JK_CHOICE] = "choice",
	[JK_HELLO] = "hello", [JK_CONFIG] = "config", [JK_OBSERVE] = "observe",
	[JK_CHECK] = "check", [JK_RESET] = "reset", [JK_EXPECT] = "expect", [JK_NOTE] = "note",
};

/* JavaScript's Number.isSafeInteger of the double nearest the text. */
bool json_safe_integer(double d)
{
	return isfinite(d) && d == trunc(d) && fabs(d) <= 9007199254740991.0;
}

bool json_str_is(const struct json_value *v, const char *s)
{
	return v->type == JT_STRING && !v->escaped && strlen(s) == v->len &&
	       !memcmp(v->str, s, v->len);
}

static void skip_ws(struct json_parser *jp)
{
	while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\t' || *jp->p == '\r' ||
				   *jp->p == '\n'))
		jp->p++;
}

static int parse_string(struct json_parser *jp, struct json_value *v)
{
	const char *s = ++jp->p;	/* past the opening quote */

	v->escaped = false;
	while (jp->p < jp->end && *jp->p != '"') {
		if (*jp->p == '\\') {
			v->escaped = true;
			if (++jp->p == jp->end)
				return -EINVAL;
		}
		jp->p++;
	}
	if (jp->p == jp->end)
		return -EINVAL;
	v->type = JT_STRING;
	v->str = s;
	v->len = jp->p++ - s;
	return 0;
}

static int parse_number(struct json_parser *jp, struct json_value *v)
{
	char buf[64];
	const char *s = jp->p;
	size_t n;

	while (jp->p < jp->end && strchr("0123456789+-.eE", *jp->p))
		jp->p++;
	n = jp->p - s;
	if (n == 0 || n >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, n);
	buf[n] = '\0';
	v->type = JT_NUMBER;
	v->num = strtod(buf, NULL);
	return 0;
}

static int parse_literal(struct json_parser *jp, struct json_value *v, const char *lit,
			 enum json_type type, bool b)
{
	size_t n = strlen(lit);

	if ((size_t)(jp->end - jp->p) < n || memcmp(jp->p, lit, n))
		return -EINVAL;
	jp->p += n;
	v->type = type;
	v->boolean = b;
	return 0;
}

static int parse_value(struct json_parser *jp, struct json_value *v, int depth);

/* An object or array; config's "devices" is kept, the rest is only checked and skipped. */
static int parse_compound(struct json_parser *jp, struct json_value *v, int depth)
{
	bool object = *jp->p == '{';
	char close = object ? '}' : ']';
	struct json_value key, item;
	int ret;

	v->type = object ? JT_OBJECT : JT_ARRAY;
	jp->p++;
	skip_ws(jp);
	if (jp->p < jp->end && *jp->p == close) {
		jp->p++;
		return 0;
	}
	for (;;) {
		skip_ws(jp);
		if (object) {
			if (jp->p == jp->end || *jp->p != '"' || parse_string(jp, &key))
				return -EINVAL;
			skip_ws(jp);
			if (jp->p == jp->end || *jp->p++ != ':')
				return -EINVAL;
		}
		memset(&item, 0, sizeof(item));
		ret = parse_value(jp, &item, depth + 1);
		if (ret)
			return ret;
		if (object && item.type == JT_NUMBER && json_str_is(&key, "devices")) {
			v->devices = item.num;
			v->has_devices = true;
		}
		skip_ws(jp);
		if (jp->p == jp->end)
			return -EINVAL;
		if (*jp->p == close) {
			jp->p++;
			return 0;
		}
		if (*jp->p++ != ',')
			return -EINVAL;
	}
}

static int parse_value(struct json_parser *jp, struct json_value *v, int depth)
{
	const char *s;
	int ret;

	skip_ws(jp);
	if (jp->p == jp->end || depth > 64)
		return -EINVAL;
	s = jp->p;
	switch (*jp->p) {
	case '"':
		return parse_string(jp, v);
	case '{':
	case '[':
		ret = parse_compound(jp, v, depth);
		break;
	case 't':
		ret = parse_literal(jp, v, "true", JT_BOOL, true);
		break;
	case 'f':
		ret = parse_literal(jp, v, "false", JT_BOOL, false);
		break;
	case 'n':
		ret = parse_literal(jp, v, "null", JT_NULL, false);
		break;
	default:
		ret = parse_number(jp, v);
		break;
	}
	v->str = s;		/* the value's text, for "expect" */
	v->len = jp->p - s;
	return ret;
}

static enum json_key lookup_key(const struct json_value *key)
{
	int k;

	for (k = 0; k < JK_COUNT; k++)
		if (json_str_is(key, json_keys[k]))
			return k;
	return JK_COUNT;
}

/* Parses one request line into @req; -EINVAL if it is not a single JSON object. */
int json_parse_request(const char *line, size_t len, struct json_request *req)
{
	struct json_parser jp = { line, line + len };
	struct json_value key, val;
	enum json_key k;

	memset(req, 0, sizeof(*req));
	skip_ws(&jp);
	if (jp.p == jp.end || *jp.p++ != '{')
		return -EINVAL;
	skip_ws(&jp);
	if (jp.p < jp.end && *jp.p == '}')
		jp.p++;
	else
		for (;;) {
			skip_ws(&jp);
			if (jp.p == jp.end || *jp.p != '"' || parse_string(&jp, &key))
				return -EINVAL;
			skip_ws(&jp);
			if (jp.p == jp.end || *jp.p++ != ':')
				return -EINVAL;
			memset(&val, 0, sizeof(val));
			if (parse_value(&jp, &val, 1))
				return -EINVAL;
			k = lookup_key(&key);
			if (k != JK_COUNT) {
				req->v[k] = val;	/* a repeated key: the last wins, as JSON.parse */
				if (!req->has_first) {
					req->first = k;
					req->has_first = true;
				}
			}
			skip_ws(&jp);
			if (jp.p < jp.end && *jp.p == ',') {
				jp.p++;
				continue;
			}
			if (jp.p == jp.end || *jp.p++ != '}')
				return -EINVAL;
			break;
		}
	skip_ws(&jp);
	return jp.p == jp.end ? 0 : -EINVAL;
}
