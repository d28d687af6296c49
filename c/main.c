// SPDX-License-Identifier: MIT
/*
 * main.c - hmm-c: serves the hmm-check protocol on stdin/stdout (docs/protocol.md), or
 * runs a bench (bench.c).
 *
 * Pipelining: input is read in large chunks and every complete line in hand is answered
 * into one buffer; the buffer is flushed only when no complete line is left, just before
 * read() may block. The checker writes ahead, so most reads bring many requests and most
 * flushes carry many answers.
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "proto.h"

#define CHUNK	(1 << 16)

struct inbuf {
	char *buf;
	size_t len, cap;
};

/* Answers every complete line of @in and keeps the incomplete tail at its start. */
static void serve_lines(struct proto *pr, struct inbuf *in, struct obuf *ob)
{
	size_t start = 0;
	char *nl;

	while ((nl = memchr(in->buf + start, '\n', in->len - start))) {
		proto_request(pr, in->buf + start, nl - (in->buf + start), ob);
		start = nl - in->buf + 1;
	}
	memmove(in->buf, in->buf + start, in->len - start);
	in->len -= start;
}

static int serve(void)
{
	struct proto pr = { .ready = false };
	struct inbuf in = { NULL, 0, 0 };
	struct obuf ob;
	void *buf = NULL;
	ssize_t n;
	int ret = 1;

	ob_init(&ob);
	for (;;) {
		if (krealloc_array(&buf, &in.cap, in.len + CHUNK, 1))
			goto out;
		in.buf = buf;
		n = read(0, in.buf + in.len, in.cap - in.len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto out;
		if (n == 0)
			break;
		in.len += n;
		serve_lines(&pr, &in, &ob);
		if (ob.failed || ob_flush(&ob, 1))
			goto out;
	}
	if (in.len)		/* a last request without its newline */
		proto_request(&pr, in.buf, in.len, &ob);
	ret = ob.failed || ob_flush(&ob, 1) ? 1 : 0;
out:
	if (ret)
		fprintf(stderr, "hmm-c: %s\n", ob.failed ? "out of memory" : "i/o error");
	proto_fini(&pr);
	ob_fini(&ob);
	kfree(in.buf);
	return ret;
}

static int usage(void)
{
	fprintf(stderr, "usage: hmm-c                      serve the hmm-check protocol on stdin/stdout\n"
			"       hmm-c --bench TRACE.ndjson  apply a SPEC §8 trace, print commands/s\n"
			"       hmm-c --bench-dense [N]     map N dense ptes (1000000), print bytes/pte\n");
	return 2;
}

int main(int argc, char **argv)
{
	int ret;

	signal(SIGPIPE, SIG_IGN);	/* a vanished checker is a write error, not a signal */
	if (argc == 1)
		ret = serve();
	else if (argc == 3 && !strcmp(argv[1], "--bench"))
		ret = bench_trace(argv[2]);
	else if ((argc == 2 || argc == 3) && !strcmp(argv[1], "--bench-dense"))
		ret = bench_dense(argc == 3 ? strtoull(argv[2], NULL, 10) : 1000000);
	else
		ret = usage();
	hmm_pt_cache_shrink();
	page_cache_shrink();
	return ret;
}
