/*
 * writer.c - records back to text.  What a tool did not change goes out
 * as it came in, byte for byte; new values are written in the canonical
 * form, a newline in a value becoming a "+ " continuation line.
 *
 * A record is many small pieces (name, ": ", value, newline); a call to
 * fwrite(3) for each cost more than the rest of a filter together.  So
 * the pieces are gathered in a buffer on the stack and handed to stdio
 * in one call per record, and fields left as read, which lie one after
 * the other in the reader's buffer, go out as a single run.
 */
#include <string.h>

#include "record.h"

#define OUT_BUF	4096

struct out {
	FILE	*fp;
	size_t	 n;
	int	 err;
	char	 buf[OUT_BUF];
};

static void
flush(struct out *o)
{
	if (o->n > 0 && !o->err && fwrite(o->buf, 1, o->n, o->fp) != o->n)
		o->err = 1;
	o->n = 0;
}

static void
put(struct out *o, const char *s, size_t n)
{
	if (n > sizeof(o->buf) - o->n) {
		flush(o);
		if (n >= sizeof(o->buf) / 2) {	/* large: no copy */
			if (!o->err && fwrite(s, 1, n, o->fp) != n)
				o->err = 1;
			return;
		}
	}
	memcpy(o->buf + o->n, s, n);
	o->n += n;
}

static void
put_c(struct out *o, char c)
{
	if (o->n == sizeof(o->buf))
		flush(o);
	o->buf[o->n++] = c;
}

/* Bytes as read; the last line of a file may lack its newline. */
static void
put_raw(struct out *o, const char *raw, size_t n)
{
	put(o, raw, n);
	if (n > 0 && raw[n - 1] != '\n')
		put_c(o, '\n');
}

size_t
record_field_line(char *b, const char *name, size_t nlen, const char *value,
    size_t len)
{
	char *b0 = b;

	memcpy(b, name, nlen);
	b += nlen;
	*b++ = ':';
	if (len > 0) {
		*b++ = ' ';
		memcpy(b, value, len);
		b += len;
	}
	*b++ = '\n';
	return (size_t)(b - b0);
}

static void
put_field(struct out *o, const struct inc_item *it)
{
	const char *p = it->value, *e = it->value + it->len, *nl;
	size_t nlen = strlen(it->name);

	/*
	 * Most values are one line, and most fields fit what is left of
	 * the buffer: "name: value\n" then goes in with two copies, not
	 * five calls (a filter that writes every field spent a fifth of
	 * its time here).
	 */
	if (nlen + 3 + it->len <= sizeof(o->buf) - o->n &&
	    (it->one_line || memchr(p, '\n', it->len) == NULL)) {
		o->n += record_field_line(o->buf + o->n, it->name, nlen, p,
		    it->len);
		return;
	}
	put(o, it->name, nlen);
	put_c(o, ':');
	if (p == e) {
		put_c(o, '\n');
		return;
	}
	put_c(o, ' ');
	while ((nl = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		put(o, p, (size_t)(nl - p));
		put(o, "\n+ ", 3);
		p = nl + 1;
	}
	put(o, p, (size_t)(e - p));
	put_c(o, '\n');
}

int
record_write(FILE *fp, const struct inc_record *r)
{
	const struct inc_item *it;
	const char *run = NULL;		/* unchanged bytes not yet written */
	size_t runlen = 0, i;
	struct out o;

	/* Passed through whole: exactly as read (pieces may split lines). */
	if (r->kind != RECORD_INCIDENT) {
		if (r->rawlen > 0 && fwrite(r->raw, 1, r->rawlen, fp) !=
		    r->rawlen)
			return -1;
		return 0;
	}
	o.fp = fp;
	o.n = 0;
	o.err = 0;
	for (i = 0; i < r->nitems; i++) {
		it = &r->items[i];
		if (it->deleted)
			continue;
		if (it->raw != NULL && run != NULL && run + runlen == it->raw &&
		    run[runlen - 1] == '\n') {
			runlen += it->rawlen;	/* the next bytes as read */
			continue;
		}
		if (run != NULL)
			put_raw(&o, run, runlen);
		run = NULL;
		if (it->raw != NULL && it->rawlen > 0) {
			run = it->raw;
			runlen = it->rawlen;
		} else if (it->raw != NULL)
			continue;
		else if (it->kind == ITEM_COMMENT) {
			put(&o, it->value, it->len);
			put_c(&o, '\n');
		} else
			put_field(&o, it);
	}
	if (run != NULL)
		put_raw(&o, run, runlen);
	flush(&o);
	return o.err || ferror(fp) ? -1 : 0;
}
