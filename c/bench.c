// SPDX-License-Identifier: MIT
/*
 * bench.c - the C figures of issue 12, printed as one JSON line each for bench/cImpl.ts:
 *
 * --bench TRACE:	applies every command of a SPEC §8 trace to a fresh world, without
 *			observing, and prints commands per second (wall clock; the CPU time
 *			too, steadier on a shared machine); the trace's `expect`s are compared
 *			after the timed loop, so a fast wrong answer does not pass.
 * --bench-dense N:	maps N dense ptes in a mirror page table and prints the bytes of
 *			directories it allocated per pte (the seed's hmm_pt memory figure).
 */
#include <string.h>
#include <time.h>

#include "bench.h"
#include "proto.h"

struct trace {
	char *text;
	struct hmm_cmd *cmds;
	const char **expect;		/* the text of each command's `expect`, or NULL */
	size_t *expect_len;
	size_t n;
	unsigned int devices;
};

static double now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		goto out;
	text = kzalloc(size + 1);
	if (text && fread(text, 1, size, f) != (size_t)size) {
		kfree(text);
		text = NULL;
	}
out:
	fclose(f);
	return text;
}

/* One trace line: the header, a note, or a command (kept with its expect). */
static const char *trace_line(struct trace *t, const char *line, size_t len, bool first)
{
	struct json_request req;
	const char *why = "bad JSON";

	if (json_parse_request(line, len, &req))
		return why;
	if (first)
		return config_devices(&req, &t->devices, &why) ? why : NULL;
	if (req.v[JK_CMD].type == JT_ABSENT)
		return req.v[JK_NOTE].type != JT_ABSENT ? NULL : "a line with neither cmd nor note";
	if (cmd_from_json(&req, &t->cmds[t->n], &why))
		return why;
	t->expect[t->n] = req.v[JK_EXPECT].type == JT_OBJECT ? req.v[JK_EXPECT].str : NULL;
	t->expect_len[t->n] = req.v[JK_EXPECT].len;
	t->n++;
	return NULL;
}

static int trace_load(struct trace *t, const char *path)
{
	size_t lines = 1, no = 0;
	char *p, *nl;
	const char *why;

	t->text = read_file(path);
	if (!t->text) {
		fprintf(stderr, "hmm-c: cannot read %s\n", path);
		return -EIO;
	}
	for (p = t->text; *p; p++)
		lines += *p == '\n';
	t->cmds = kcalloc(lines, sizeof(*t->cmds));
	t->expect = kcalloc(lines, sizeof(*t->expect));
	t->expect_len = kcalloc(lines, sizeof(*t->expect_len));
	if (!t->cmds || !t->expect || !t->expect_len)
		return -ENOMEM;
	for (p = t->text; *p; p = nl + 1, no++) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		if (nl > p && (why = trace_line(t, p, nl - p, no == 0))) {
			fprintf(stderr, "hmm-c: %s line %zu: %s\n", path, no + 1, why);
			return -EINVAL;
		}
		if (!*nl)
			break;
	}
	return 0;
}

/* The results against the trace's expects, after the timed loop. */
static size_t trace_mismatches(const struct trace *t, const struct hmm_result *res)
{
	struct obuf ob;
	size_t i, bad = 0;

	ob_init(&ob);
	for (i = 0; i < t->n; i++) {
		if (!t->expect[i])
			continue;
		ob.len = 0;
		result_write(&ob, res[i]);
		if (ob.len == t->expect_len[i] && !memcmp(ob.buf, t->expect[i], ob.len))
			continue;
		if (bad++ < 3)
			fprintf(stderr, "hmm-c: command %zu: got %.*s, expected %.*s\n", i + 1,
				(int)ob.len, ob.buf, (int)t->expect_len[i], t->expect[i]);
	}
	ob_fini(&ob);
	return bad;
}

int bench_trace(const char *path)
{
	struct trace t = { .devices = 2 };
	struct hmm_result *res = NULL;
	struct hmm_world world;
	double t0, c0, secs, cpu;
	size_t i, bad;
	int ret = 2;

	if (trace_load(&t, path))
		goto out;
	res = kcalloc(t.n + 1, sizeof(*res));
	if (!res || world_init(&world, t.devices))
		goto out;
	t0 = now(CLOCK_MONOTONIC);
	c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	for (i = 0; i < t.n; i++)
		res[i] = hmm_command(&world, &t.cmds[i]);
	cpu = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
	secs = now(CLOCK_MONOTONIC) - t0;
	world_fini(&world);
	bad = trace_mismatches(&t, res);
	printf("{\"commands\":%zu,\"seconds\":%.6f,\"cpuSeconds\":%.6f,\"commandsPerSecond\":%.0f,"
	       "\"mismatches\":%zu}\n", t.n, secs, cpu, t.n / secs, bad);
	ret = bad ? 1 : 0;
out:
	kfree(res);
	kfree(t.cmds);
	kfree(t.expect);
	kfree(t.expect_len);
	kfree(t.text);
	return ret;
}

int bench_dense(u64 n)
{
	struct hmm_pt pt;
	struct hmm_pt_walk w;
	u64 vpn, seen = 0;
	size_t bytes;

	if (n == 0 || n > HMM_PT_LIMIT)
		return 2;
	hmm_pt_init(&pt);
	for (vpn = 0; vpn < n; vpn++)
		if (hmm_pt_set(&pt, vpn, hpte_mk(vpn + 1, true, false))) {
			fprintf(stderr, "hmm-c: out of memory\n");
			hmm_pt_fini(&pt);
			return 1;
		}
	hmm_pt_for_each(&pt, &w, 0, HMM_PT_LIMIT)
		seen += w.entry == hpte_mk(w.idx + 1, true, false);
	bytes = pt.bytes;
	hmm_pt_fini(&pt);
	printf("{\"ptes\":%llu,\"bytes\":%zu,\"bytesPerPte\":%.4f,\"walked\":%llu}\n",
	       (unsigned long long)n, bytes, (double)bytes / n, (unsigned long long)seen);
	return seen == n ? 0 : 1;
}
