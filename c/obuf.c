// SPDX-License-Identifier: MIT
/*
 * obuf.c - the output buffer of obuf.h. Numbers are printed as JavaScript prints the safe
 * integers they are (plain decimal), so a canonical observation is byte for byte what
 * JSON.stringify() gives (docs/protocol.md, "The observation").
 */
#include <string.h>
#include <unistd.h>

#include "obuf.h"

void ob_init(struct obuf *ob)
{
	ob->buf = NULL;
	ob->len = 0;
	ob->cap = 0;
	ob->failed = false;
}

void ob_fini(struct obuf *ob)
{
	kfree(ob->buf);
	ob_init(ob);
}

void ob_putn(struct obuf *ob, const char *s, size_t n)
{
	void *buf = ob->buf;

	if (ob->len + n > ob->cap) {
		if (krealloc_array(&buf, &ob->cap, ob->len + n, 1)) {
			ob->failed = true;
			return;
		}
		ob->buf = buf;
	}
	memcpy(ob->buf + ob->len, s, n);
	ob->len += n;
}

void ob_putc(struct obuf *ob, char c)
{
	if (ob->len < ob->cap)
		ob->buf[ob->len++] = c;
	else
		ob_putn(ob, &c, 1);
}

void ob_puts(struct obuf *ob, const char *s)
{
	ob_putn(ob, s, strlen(s));
}

void ob_u64(struct obuf *ob, u64 v)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = '0' + v % 10;
		v /= 10;
	} while (v);
	ob_putn(ob, tmp + i, sizeof(tmp) - i);
}

void ob_s64(struct obuf *ob, s64 v)
{
	if (v < 0) {
		ob_putc(ob, '-');
		ob_u64(ob, -(u64)v);
	} else {
		ob_u64(ob, v);
	}
}

void ob_bool(struct obuf *ob, bool b)
{
	ob_puts(ob, b ? "true" : "false");
}

/* A JSON string: quotes, backslashes and control characters escaped. */
void ob_str(struct obuf *ob, const char *s)
{
	char esc[8];

	ob_putc(ob, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			ob_putc(ob, '\\');
			ob_putc(ob, *s);
		} else if ((unsigned char)*s < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", (unsigned char)*s);
			ob_puts(ob, esc);
		} else {
			ob_putc(ob, *s);
		}
	}
	ob_putc(ob, '"');
}

/* Writes out the whole buffer; -EIO if @fd refuses it (the checker went away). */
int ob_flush(struct obuf *ob, int fd)
{
	size_t off = 0;
	ssize_t n;

	while (off < ob->len) {
		n = write(fd, ob->buf + off, ob->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -EIO;
		off += n;
	}
	ob->len = 0;
	return 0;
}
