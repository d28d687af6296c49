/* SPDX-License-Identifier: MIT */
/*
 * obuf.h - the output buffer answers are written into, flushed to a file descriptor in
 * one write() when the protocol loop is about to block (docs/protocol.md, pipelining).
 */
#ifndef HMM_OBUF_H
#define HMM_OBUF_H

#include "kernel.h"

struct obuf {
	char *buf;
	size_t len, cap;
	bool failed;		/* an allocation failed: the buffer's text is incomplete */
};

void ob_init(struct obuf *ob);
void ob_fini(struct obuf *ob);
void ob_putc(struct obuf *ob, char c);
void ob_puts(struct obuf *ob, const char *s);
void ob_putn(struct obuf *ob, const char *s, size_t n);
void ob_s64(struct obuf *ob, s64 v);
void ob_u64(struct obuf *ob, u64 v);
void ob_bool(struct obuf *ob, bool b);
void ob_str(struct obuf *ob, const char *s);
int ob_flush(struct obuf *ob, int fd);

#endif /* HMM_OBUF_H */
