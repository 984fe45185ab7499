/*
 * json.c - a small streaming JSON writer (RFC 8259).
 *
 * Strings are escaped beyond what RFC 8259 requires, so that the output
 * is safe to show on a terminal and to embed in JavaScript: besides the
 * quote, the backslash and C0 controls, DEL and C1 controls, U+2028 and
 * U+2029 (line ends in JavaScript before ES2019) and the bidirectional
 * overrides and isolates are written \uXXXX.  Parsed, the string is the
 * same.  Invalid UTF-8 becomes \ufffd.  Everything else is written as
 * is, UTF-8.
 *
 * Misuse (nesting deeper than JSON_MAX_DEPTH, ending more than was
 * begun, a document left open) sets the error flag like a failed write,
 * so json_end reports it.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "json.h"
#include "text.h"

/*
 * A report of every open incident is mostly punctuation and short
 * values: a byte or two goes out by putc_unlocked (the writer is one
 * thread's), the rest by fwrite.
 */
static void
put(struct json *j, const char *s, size_t n)
{
	if (j->error || n == 0)
		return;
	if (n <= 2) {
		if (putc_unlocked(s[0], j->fp) == EOF ||
		    (n == 2 && putc_unlocked(s[1], j->fp) == EOF)) {
			j->error = 1;
			inc_note_write_error();
		}
		return;
	}
	if (fwrite(s, 1, n, j->fp) != n) {
		j->error = 1;
		inc_note_write_error();
	}
}

static void
put_str(struct json *j, const char *s)
{
	put(j, s, strlen(s));
}

static void
newline_indent(struct json *j)
{
	int i;

	put_str(j, "\n");
	for (i = 0; i < j->depth; i++)
		put_str(j, "  ");
}

/* Comma and layout before a value or a key. */
static void
before_item(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (!j->first[j->depth])
		put_str(j, j->depth == 0 ? "\n" : ",");	/* top level: lines */
	if (j->pretty && j->depth > 0)
		newline_indent(j);
	j->first[j->depth] = false;
}

static bool
must_escape(uint32_t cp)
{
	return cp < 0x20 || cp == '"' || cp == '\\' ||
	    (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

static void
put_escape(struct json *j, uint32_t cp)
{
	char buf[8];

	switch (cp) {
	case '"':	put_str(j, "\\\""); return;
	case '\\':	put_str(j, "\\\\"); return;
	case '\b':	put_str(j, "\\b"); return;
	case '\f':	put_str(j, "\\f"); return;
	case '\n':	put_str(j, "\\n"); return;
	case '\r':	put_str(j, "\\r"); return;
	case '\t':	put_str(j, "\\t"); return;
	}
	snprintf(buf, sizeof(buf), "\\u%04x", (unsigned)(cp & 0xffff));
	put_str(j, buf);
}

/* The bytes put_string writes as they are without decoding them. */
#define PLAIN4(c)	[c] = 1, [c + 1] = 1, [c + 2] = 1, [c + 3] = 1
#define PLAIN16(c)	PLAIN4(c), PLAIN4(c + 4), PLAIN4(c + 8), PLAIN4(c + 12)
static const unsigned char plain_ascii[256] = {
	[0x20] = 1, [0x21] = 1, /* '"' */ [0x23] = 1, PLAIN4(0x24),
	PLAIN4(0x28), PLAIN4(0x2c), PLAIN16(0x30), PLAIN16(0x40),
	PLAIN4(0x50), PLAIN4(0x54), PLAIN4(0x58), /* '\\' */ [0x5d] = 1,
	[0x5e] = 1, [0x5f] = 1, PLAIN16(0x60), PLAIN4(0x70), PLAIN4(0x74),
	PLAIN4(0x78), [0x7c] = 1, [0x7d] = 1, [0x7e] = 1
};

static void
put_string(struct json *j, const char *s, size_t len)
{
	size_t i = 0, run = 0, n;
	uint32_t cp;

	put(j, "\"", 1);
	while (i < len) {
		/* Printable ASCII but the two escaped: most bytes, no decoding. */
		while (i < len && plain_ascii[(unsigned char)s[i]])
			i++;
		if (i == len)
			break;
		n = text_utf8_next(s + i, len - i, &cp);
		if (cp == TEXT_INVALID || must_escape(cp)) {
			put(j, s + run, i - run);
			put_escape(j, cp == TEXT_INVALID ? 0xfffd : cp);
			run = i + n;
		}
		i += n;
	}
	put(j, s + run, i - run);
	put(j, "\"", 1);
}

void
json_init(struct json *j, FILE *fp, bool pretty)
{
	memset(j, 0, sizeof(*j));
	j->fp = fp;
	j->pretty = pretty;
	j->first[0] = true;
}

static void
begin(struct json *j, const char *open)
{
	before_item(j);
	if (j->depth + 1 >= JSON_MAX_DEPTH) {
		j->error = 1;
		return;
	}
	put_str(j, open);
	j->depth++;
	j->first[j->depth] = true;
}

static void
end(struct json *j, const char *close)
{
	if (j->depth == 0 || j->after_key) {
		j->error = 1;
		return;
	}
	j->depth--;
	if (j->pretty && !j->first[j->depth + 1])
		newline_indent(j);
	put_str(j, close);
}

void
json_object_begin(struct json *j)
{
	begin(j, "{");
}

void
json_object_end(struct json *j)
{
	end(j, "}");
}

void
json_array_begin(struct json *j)
{
	begin(j, "[");
}

void
json_array_end(struct json *j)
{
	end(j, "]");
}

void
json_key(struct json *j, const char *key)
{
	if (key == NULL || j->after_key) {
		j->error = 1;
		return;
	}
	before_item(j);
	put_string(j, key, strlen(key));
	put_str(j, j->pretty ? ": " : ":");
	j->after_key = true;
}

void
json_string_n(struct json *j, const char *s, size_t len)
{
	if (s == NULL) {
		json_null(j);
		return;
	}
	before_item(j);
	put_string(j, s, len);
}

void
json_string(struct json *j, const char *s)
{
	json_string_n(j, s, s == NULL ? 0 : strlen(s));
}

void
json_int(struct json *j, int64_t v)
{
	char buf[24];

	before_item(j);
	snprintf(buf, sizeof(buf), "%" PRId64, v);
	put_str(j, buf);
}

void
json_bool(struct json *j, bool v)
{
	before_item(j);
	put_str(j, v ? "true" : "false");
}

void
json_null(struct json *j)
{
	before_item(j);
	put_str(j, "null");
}

void
json_kv_string(struct json *j, const char *key, const char *val)
{
	json_key(j, key);
	json_string(j, val);
}

void
json_kv_int(struct json *j, const char *key, int64_t v)
{
	json_key(j, key);
	json_int(j, v);
}

int
json_end(struct json *j)
{
	if (j->depth != 0 || j->after_key)
		j->error = 1;
	put_str(j, "\n");
	/*
	 * No flush here: the caller's (inc_finish) is the write that fails
	 * with its reason; a second flush of a stream that lost its buffer
	 * succeeds and the reason would be lost.
	 */
	if (ferror(j->fp))
		j->error = 1;
	return j->error ? -1 : 0;
}

void
json_kv_strings(struct json *j, const char *key, const char **v, size_t n)
{
	size_t i;

	json_key(j, key);
	json_array_begin(j);
	for (i = 0; i < n; i++)
		json_string(j, v[i]);
	json_array_end(j);
}
