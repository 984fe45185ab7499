/*
 * csvout.c - CSV rows by libcsv's csv_fwrite, formulas neutralised
 * (see csvout.h for why).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "csvout.h"
#include "diag.h"
#include "text.h"

void
csv_out_init(struct csv_out *c, FILE *fp)
{
	memset(c, 0, sizeof(*c));
	c->fp = fp;
}

static int
is_formula_start(char ch)
{
	return ch == '=' || ch == '+' || ch == '-' || ch == '@' ||
	    ch == '\t' || ch == '\r';
}

/*
 * Could the cell start a formula?  Spreadsheets skip blanks before they
 * look (LibreOffice reads " =1+1" as a formula, and a value continued
 * onto a new line may begin "\n+..."), so blanks are passed over first:
 * spaces, line breaks, VT, FF, the no-break and ideographic spaces.
 * Tab and CR are formula starts of their own (OWASP): guarded wherever
 * they stand in the leading blanks.
 */
static int
could_be_formula(const char *s, size_t len)
{
	size_t i, n;
	uint32_t cp;

	for (i = 0; i < len; i += n) {
		n = text_utf8_next(s + i, len - i, &cp);
		if (cp == ' ' || cp == '\n' || cp == '\v' || cp == '\f' ||
		    cp == 0xa0 || cp == 0x3000)
			continue;
		return is_formula_start(s[i]);
	}
	return 0;
}

/*
 * The cell as it is written, before csv_fwrite quotes it: a leading '
 * when it could start a formula, invalid UTF-8 as U+FFFD.  Returns a
 * length and sets *out (to s itself when nothing changes, else to a
 * buffer the caller frees), or -1 when out of memory.
 */
static int
prepare(const char *s, size_t len, const char **out, size_t *outlen,
    char **alloc)
{
	static const char replacement[] = "\xef\xbf\xbd";
	size_t i, n, bad = 0, o;
	int quote;
	uint32_t cp;
	char *buf;

	*alloc = NULL;
	quote = could_be_formula(s, len);
	for (i = 0; i < len; i += n) {
		n = text_utf8_next(s + i, len - i, &cp);
		if (cp == TEXT_INVALID)
			bad++;
	}
	if (!quote && bad == 0) {
		*out = s;
		*outlen = len;
		return 0;
	}
	/* Each replacement is at most 2 bytes longer than what it replaces. */
	if ((buf = malloc(len + 1 + 2 * bad)) == NULL)
		return -1;
	o = 0;
	if (quote)
		buf[o++] = '\'';
	for (i = 0; i < len; i += n) {
		n = text_utf8_next(s + i, len - i, &cp);
		if (cp == TEXT_INVALID) {
			memcpy(buf + o, replacement, 3);
			o += 3;
		} else {
			memcpy(buf + o, s + i, n);
			o += n;
		}
	}
	*out = *alloc = buf;
	*outlen = o;
	return 0;
}

void
csv_out_cell_n(struct csv_out *c, const char *s, size_t len)
{
	const char *cell;
	size_t cellen;
	char *alloc;

	if (c->error)
		return;
	if (s == NULL)
		len = 0;
	if (c->ncells > 0 && putc(',', c->fp) == EOF) {
		c->error = 1;
		inc_note_write_error();
		return;
	}
	c->ncells++;
	if (prepare(s == NULL ? "" : s, len, &cell, &cellen, &alloc) == -1) {
		c->error = 1;
		return;
	}
	if (csv_fwrite(c->fp, cell, cellen) != 0) {
		c->error = 1;
		inc_note_write_error();
	}
	free(alloc);
}

void
csv_out_cell(struct csv_out *c, const char *s)
{
	csv_out_cell_n(c, s, s == NULL ? 0 : strlen(s));
}

void
csv_out_row_end(struct csv_out *c)
{
	if (!c->error && fputs("\r\n", c->fp) == EOF) {
		c->error = 1;
		inc_note_write_error();
	}
	c->ncells = 0;
}

int
csv_out_end(struct csv_out *c)
{
	if (c->ncells > 0)
		csv_out_row_end(c);
	/* Not flushed, as json_end: inc_finish's flush says why it failed. */
	if (ferror(c->fp))
		c->error = 1;
	return c->error ? -1 : 0;
}
