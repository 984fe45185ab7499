/*
 * writer.c - records back to text.  What a tool did not change goes out
 * as it came in, byte for byte; new values are written in the canonical
 * form, a newline in a value becoming a "+ " continuation line.
 */
#include <string.h>

#include "record.h"

static int
put(FILE *fp, const char *s, size_t n)
{
	return n == 0 || fwrite(s, 1, n, fp) == n ? 0 : -1;
}

/* Bytes as read; the last line of a file may lack its newline. */
static int
put_raw(FILE *fp, const char *raw, size_t n)
{
	if (put(fp, raw, n) == -1)
		return -1;
	if (n > 0 && raw[n - 1] != '\n' && putc('\n', fp) == EOF)
		return -1;
	return 0;
}

static int
put_field(FILE *fp, const struct inc_item *it)
{
	const char *p = it->value, *e = it->value + it->len, *nl;

	if (put(fp, it->name, strlen(it->name)) == -1 ||
	    put(fp, ":", 1) == -1)
		return -1;
	if (p == e)
		return putc('\n', fp) == EOF ? -1 : 0;
	if (put(fp, " ", 1) == -1)
		return -1;
	while ((nl = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		if (put(fp, p, (size_t)(nl - p)) == -1 ||
		    put(fp, "\n+ ", 3) == -1)
			return -1;
		p = nl + 1;
	}
	if (put(fp, p, (size_t)(e - p)) == -1 || putc('\n', fp) == EOF)
		return -1;
	return 0;
}

int
record_write(FILE *fp, const struct inc_record *r)
{
	const struct inc_item *it;
	size_t i;

	/* Passed through whole: exactly as read (pieces may split lines). */
	if (r->kind != RECORD_INCIDENT)
		return put(fp, r->raw, r->rawlen);
	for (i = 0; i < r->nitems; i++) {
		it = &r->items[i];
		if (it->deleted)
			continue;
		if (it->raw != NULL) {
			if (put_raw(fp, it->raw, it->rawlen) == -1)
				return -1;
		} else if (it->kind == ITEM_COMMENT) {
			if (put(fp, it->value, it->len) == -1 ||
			    putc('\n', fp) == EOF)
				return -1;
		} else if (put_field(fp, it) == -1)
			return -1;
	}
	return ferror(fp) ? -1 : 0;
}
