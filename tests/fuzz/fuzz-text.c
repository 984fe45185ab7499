/*
 * fuzz-text.c - the output sanitisers on any bytes: text_put_safe
 * writes valid UTF-8 with no raw control, C1 or bidi override, and the
 * width it counted; JSON strings and CSV cells are valid UTF-8 with no
 * raw control; wrapping never writes a line wider than asked (every
 * character, escapes included, is narrower than the 12 asked here).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "json.h"
#include "text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Valid UTF-8 throughout, and no code point that is not allowed. */
static void
check_clean(const char *s, size_t len, const char *allowed_controls)
{
	uint32_t cp;
	size_t i, n;

	for (i = 0; i < len; i += n) {
		n = text_utf8_next(s + i, len - i, &cp);
		if (cp == TEXT_INVALID)
			abort();
		if ((cp < 0x20 && (cp == 0 ||
		    strchr(allowed_controls, (int)cp) == NULL)) ||
		    (cp >= 0x7f && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct csv_out c;
	struct json j;
	char *buf = NULL, *line, *nl;
	size_t len = 0, w;
	FILE *fp;

	if (size > 4096)
		return 0;

	if ((fp = open_memstream(&buf, &len)) == NULL ||
	    text_put_safe(fp, s, size, 0) != 0 || fclose(fp) != 0)
		abort();
	check_clean(buf, len, "\t");
	if (text_width(buf, len) != text_width(s, size))
		abort();
	free(buf);

	if ((fp = open_memstream(&buf, &len)) == NULL ||
	    text_put_wrapped(fp, s, size, 12, 2) != 0 || fclose(fp) != 0)
		abort();
	check_clean(buf, len, "\n");
	for (line = buf; line < buf + len; line = nl + 1) {
		if ((nl = memchr(line, '\n', len - (size_t)(line - buf))) ==
		    NULL)
			nl = buf + len;
		w = text_width(line, (size_t)(nl - line));
		if (line != buf)
			w -= 2;		/* the indent */
		if (w > 12)
			abort();
	}
	free(buf);

	if ((fp = open_memstream(&buf, &len)) == NULL ||
	    text_put_markdown_cell(fp, s, size) != 0 || fclose(fp) != 0)
		abort();
	check_clean(buf, len, "\t");
	free(buf);

	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	json_init(&j, fp, false);
	json_string_n(&j, s, size);
	if (json_end(&j) != 0 || fclose(fp) != 0)
		abort();
	check_clean(buf, len - 1, "");
	free(buf);

	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	csv_out_init(&c, fp);
	csv_out_cell_n(&c, s, size);
	if (csv_out_end(&c) != 0 || fclose(fp) != 0)
		abort();
	if (len < 4 || buf[0] != '"' || memcmp(buf + len - 3, "\"\r\n", 3))
		abort();
	free(buf);
	return 0;
}
