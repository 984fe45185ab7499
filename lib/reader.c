/*
 * reader.c - paragraphs of a record file, one at a time, in bounded
 * memory.  The buffer grows to hold the largest record (at most
 * INC_MAX_RECORD); a larger paragraph passes through in pieces.  Lines
 * are found with memchr, never byte by byte through stdio.
 */
#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fdread.h"
#include "record.h"
#include "signals.h"

#define BUF_START	(256 * 1024)
#define BUF_MAX		((size_t)INC_MAX_RECORD + 64 * 1024)
#define END_CACHE	64

struct inc_reader {
	int		 fd;
	const char	*name;
	char		*buf;
	size_t		 cap, start, end;	/* unread bytes: [start, end) */
	long		 line;			/* line number at start */
	bool		 eof;
	bool		 at_file_start;
	bool		 in_oversize;		/* inside a too-large paragraph */
	bool		 skip_line;		/* getline: drop rest of a line */
	/*
	 * Where the lines of the paragraph being read end, found while
	 * looking for its end, so that parsing it does not look again
	 * (memchr was a fifth of the time of a reading program): offsets
	 * of the '\n's from start, for its first END_CACHE lines.
	 */
	size_t		 ends[END_CACHE];
	size_t		 nends;
	reader_skip_fn	*skip;
	void		*skip_ctx;
	uint64_t	 nread, limit;		/* bytes read, allowed (0: any) */
};

/* The lines of a paragraph, in order: a cursor over the ends cache. */
struct lines {
	const char	*base, *e;	/* the paragraph's first byte, end */
	const size_t	*ends;
	size_t		 nends, k;	/* k: the next line's index */
};

struct inc_reader *
reader_open(int fd, const char *name)
{
	struct inc_reader *rd;

	if ((rd = calloc(1, sizeof(*rd))) == NULL)
		return NULL;
	if ((rd->buf = malloc(BUF_START)) == NULL) {
		free(rd);
		return NULL;
	}
	rd->cap = BUF_START;
	rd->fd = fd;
	rd->name = name;
	rd->line = 1;
	rd->at_file_start = true;
	return rd;
}

void
reader_close(struct inc_reader *rd)
{
	if (rd == NULL)
		return;
	free(rd->buf);
	free(rd);
}

void
reader_set_limit(struct inc_reader *rd, uint64_t bytes)
{
	rd->limit = bytes;
}

void
reader_set_skip(struct inc_reader *rd, reader_skip_fn *fn, void *ctx)
{
	rd->skip = fn;
	rd->skip_ctx = ctx;
}

long
reader_line(const struct inc_reader *rd)
{
	return rd->line;
}

/*
 * Read more: move the unread bytes to the front, grow the buffer when it
 * is full (up to BUF_MAX), read once.  Returns bytes read, 0 at the end
 * or when the buffer is full at its limit, -1 on error.
 */
static ssize_t
fill(struct inc_reader *rd)
{
	ssize_t n;
	size_t cap;
	char *b;

	if (rd->eof)
		return 0;
	if (rd->start > 0) {
		memmove(rd->buf, rd->buf + rd->start, rd->end - rd->start);
		rd->end -= rd->start;
		rd->start = 0;
	}
	if (rd->end == rd->cap) {
		if (rd->cap >= BUF_MAX)
			return 0;
		cap = rd->cap * 2 > BUF_MAX ? BUF_MAX : rd->cap * 2;
		if ((b = realloc(rd->buf, cap)) == NULL)
			return -1;
		rd->buf = b;
		rd->cap = cap;
	}
	/* A signal that ends the program (signals.h) ends the wait. */
	n = fd_read(rd->fd, rd->buf + rd->end, rd->cap - rd->end);
	if (n == 0)
		rd->eof = true;
	if (n > 0) {
		rd->end += (size_t)n;
		rd->nread += (uint64_t)n;
		if (rd->limit > 0 && rd->nread > rd->limit) {
			errno = EFBIG;
			return -1;
		}
	}
	return n;
}

static bool
blank_line(const char *p, const char *e)
{
	/* Most lines begin with a letter: no blank byte is above ' '. */
	if (p < e && (unsigned char)*p > ' ')
		return false;
	for (; p < e; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r')
			return false;
	return true;
}

static long
count_lines(const char *p, size_t n)
{
	const char *e = p + n;
	long lines = 0;

	while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		lines++;
		p++;
	}
	return lines;
}

static int
bad(struct inc_record *r, long line, const char *msg)
{
	r->kind = RECORD_BAD;
	r->errline = line;
	r->errmsg = msg;
	r->nitems = 0;
	return 1;
}

/* Bytes up to the next '\n' (excluded) or the end. */
static const char *
line_end(const char *p, const char *e)
{
	const char *q = memchr(p, '\n', (size_t)(e - p));

	return q ? q : e;
}

/* Bytes of a field name after the first, [a-z0-9_]: a table, as every
 * line of every record is checked. */
static const bool name_byte[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['_'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1
};

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WORD_NAMES	1
/*
 * The bytes of w (eight, the first lowest) that are not [a-z0-9_]: the
 * high bit of each.  Byte-wise sums of 7-bit values and constants below
 * 0x80 never carry into the next byte, so each byte is judged alone.
 */
static inline uint64_t
not_name_bytes(uint64_t w)
{
	const uint64_t hi = 0x8080808080808080u, lo = 0x7f7f7f7f7f7f7f7fu;
	uint64_t v = w & lo, us = v ^ 0x5f5f5f5f5f5f5f5fu;
	uint64_t lower = (v + 0x1f1f1f1f1f1f1f1fu) & ~(v + 0x0505050505050505u);
	uint64_t digit = (v + 0x5050505050505050u) & ~(v + 0x4646464646464646u);

	/* a-z: v >= 'a', not >= '{'; 0-9: >= '0', not >= ':'; '_' */
	return ~((lower | digit | ~(us + lo)) & ~w) & hi;
}
#endif

/*
 * Where the name bytes [a-z0-9_] from q stop, te at most.  Eight at a
 * step where the machine reads words so: the name of every line of every
 * record is scanned, and a byte at a time that was a third of the work
 * of a filter that skips most records.
 */
static inline const char *
name_end(const char *q, const char *te)
{
#ifdef WORD_NAMES
	uint64_t w, m;

	for (; te - q >= 8; q += 8) {
		memcpy(&w, q, 8);
		if ((m = not_name_bytes(w)) != 0)
			return q + (__builtin_ctzll(m) >> 3);
	}
#endif
	while (q < te && name_byte[(unsigned char)*q])
		q++;
	return q;
}

bool
field_name_valid(const char *s, size_t n)
{
	if (n == 0 || s[0] < 'a' || s[0] > 'z')
		return false;
	return name_end(s + 1, s + n) == s + n;
}

/* The end of the line at p, the next of the cursor.  Once per line. */
static inline const char *
next_end(struct lines *L, const char *p)
{
	if (L->k < L->nends)
		return L->base + L->ends[L->k++];
	L->k++;
	return line_end(p, L->e);
}

/* Continuation lines [p, ...) of a field: where they end, and lines. */
static const char *
continuations(struct lines *L, const char *p, size_t *len, long *lines)
{
	const char *le, *te, *q, *e = L->e;

	for (; p < e && *p == '+'; p = le + (le < e)) {
		le = next_end(L, p);
		te = le > p && le[-1] == '\r' ? le - 1 : le;
		q = p + 1;
		if (q < te && (*q == ' ' || *q == '\t'))
			q++;
		*len += 1 + (size_t)(te - q);
		*lines += le < e;
	}
	return p;
}

/*
 * Name and value of a field, "name\0value\0", at *w (see parse): the
 * value is its first line's text [text, text_end), then each
 * continuation line in [next, after) joined by '\n'.
 */
static void
field_strings(struct lines *L, struct inc_item *it, char **w,
    const char *name, size_t namelen, const char *text,
    const char *text_end, const char *next, const char *after, size_t len)
{
	const char *p, *le, *te, *q, *e = L->e;
	char *n = *w, *v;

	memcpy(n, name, namelen);
	n[namelen] = '\0';
	it->name = n;
	it->value = v = n + namelen + 1;
	it->len = len;
	memcpy(v, text, (size_t)(text_end - text));
	v += text_end - text;
	for (p = next; p < after; p = le + (le < e)) {
		le = next_end(L, p);
		te = le > p && le[-1] == '\r' ? le - 1 : le;
		q = p + 1;
		if (q < te && (*q == ' ' || *q == '\t'))
			q++;
		*v++ = '\n';
		memcpy(v, q, (size_t)(te - q));
		v += te - q;
	}
	*v++ = '\0';
	*w = v;
}

static bool
descriptor_name(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || s[0] != '%' || !((s[1] >= 'a' && s[1] <= 'z') ||
	    (s[1] >= 'A' && s[1] <= 'Z')))
		return false;
	for (i = 2; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '_'))
			return false;
	return true;
}

/*
 * Parse one paragraph [p, e) that starts at line 'line' into r, in one
 * walk over its lines: each line is found once, line numbers counted on
 * the way.  The strings of all items go to one allocation: they never
 * take more bytes than the paragraph (each line gives up its newline,
 * or its colon, for the NUL it needs; one more for a last line without
 * newline), so one bump pointer serves the whole record.
 */
static int
parse(struct inc_record *r, const char *p, const char *e, long line,
    const size_t *ends, size_t nends)
{
	const char *le, *te, *colon, *text, *after, *next, *q;
	struct inc_item *it;
	struct lines L = { p, e, ends, nends, 0 }, L2;
	bool fields = false, descriptor = false;
	size_t len;
	long lines;
	char *w, *w0;

	r->kind = RECORD_INCIDENT;
	r->line = line;
	r->raw = p;
	r->rawlen = (size_t)(e - p);
	if ((w = w0 = record_alloc(r, (size_t)(e - p) + 1)) == NULL)
		return -1;
	while (p < e) {
		le = next_end(&L, p);
		te = le > p && le[-1] == '\r' ? le - 1 : le;
		next = le + (le < e);
		if (le - p > INC_MAX_LINE)
			return bad(r, line, "line too long (limit 1 MiB)");
		if (r->nitems >= (size_t)INC_MAX_FIELDS)
			return bad(r, line, "too many fields (limit 100000)");
		if (*p == '+')
			return bad(r, line, r->nitems == 0 ?
			    "continuation line before any field" :
			    "continuation line after a comment");
		if ((it = record_push(r)) == NULL)
			return -1;
		it->line = line;
		it->raw = p;
		lines = le < e;
		if (*p == '#') {
			it->kind = ITEM_COMMENT;
			len = (size_t)(te - p);
			memcpy(w, p, len);
			w[len] = '\0';
			it->value = w;
			it->len = len;
			w += len + 1;
			after = next;
		} else {
			/* A valid name is read on the way to its colon. */
			q = name_end(p + 1, te);
			if (*p >= 'a' && *p <= 'z' && q < te && *q == ':') {
				colon = q;
				fields = true;
			} else if ((colon = memchr(p, ':',
			    (size_t)(te - p))) == NULL)
				return bad(r, line, "not a field: no colon "
				    "(fields are \"name: value\")");
			else if (field_name_valid(p, (size_t)(colon - p)))
				fields = true;
			else if (descriptor_name(p, (size_t)(colon - p)))
				descriptor = true;
			else
				return bad(r, line, (unsigned char)p[0] == 0xef
				    ? "byte order mark or bad field name "
				    "(names match [a-z][a-z0-9_]*)"
				    : "bad field name (names match "
				    "[a-z][a-z0-9_]*)");
			it->kind = ITEM_FIELD;
			text = colon + 1;
			if (text < te && (*text == ' ' || *text == '\t'))
				text++;
			len = (size_t)(te - text);
			L2 = L;		/* the continuations, walked twice */
			after = continuations(&L, next, &len, &lines);
			field_strings(&L2, it, &w, p, (size_t)(colon - p), text,
			    te, next, after, len);
		}
		it->rawlen = (size_t)(after - p);
		line += lines;
		p = after;
	}
	assert(w <= w0 + r->rawlen + 1);	/* the bound above */
	if (descriptor)
		r->kind = RECORD_DESCRIPTOR;
	else if (!fields)
		r->kind = RECORD_COMMENTS;
	return 1;
}

/* The index of the lowest bit set in m (not 0). */
static size_t
lowest_bit(uint32_t m)
{
#if defined(__GNUC__)
	return (size_t)__builtin_ctz(m);
#else
	size_t i = 0;

	while ((m & 1) == 0) {
		m >>= 1;
		i++;
	}
	return i;
#endif
}

int
raw_names_init(struct raw_names *rn, const char *const *names, size_t n)
{
	size_t i;

	memset(rn, 0, sizeof(*rn));
	if (n > RAW_VALUES_MAX)
		return -1;
	rn->names = names;
	rn->n = n;
	for (i = 0; i < n; i++) {
		rn->len[i] = strlen(names[i]);
		if (names[i][0] >= 'a' && names[i][0] <= 'z')
			rn->by_first[names[i][0] - 'a'] |= 1u << i;
	}
	return 0;
}

/*
 * The rules of parse, checked without building anything: any line parse
 * would refuse, a descriptor, or no field at all, and the answer is "parse
 * it" (false).
 */
bool
record_raw_values(const struct raw_para *para, const struct raw_names *rn,
    struct raw_value *vals)
{
	const char *p = para->raw, *e = p + para->len, *le, *te, *q, *text;
	struct lines L = { p, e, para->ends, para->nends, 0 };
	size_t i;
	uint32_t found = 0, cand;
	bool fields = false, in_field = false, wanted = false;

	/*
	 * A paragraph this short has no line over INC_MAX_LINE, nor more
	 * than INC_MAX_FIELDS items (each but the last takes two bytes at
	 * least): the limits need no look on each line.  A longer one is
	 * parsed.
	 */
	if (para->len > (size_t)INC_MAX_LINE ||
	    para->len >= 2 * (size_t)INC_MAX_FIELDS)
		return false;
	memset(vals, 0, rn->n * sizeof(*vals));
	for (; p < e; p = le + (le < e)) {
		le = next_end(&L, p);
		if (*p == '+') {
			/* A continuation: of a field, and not a wanted one. */
			if (!in_field || wanted)
				return false;
			continue;
		}
		te = le > p && le[-1] == '\r' ? le - 1 : le;
		in_field = wanted = false;
		if (*p == '#')
			continue;
		if (*p < 'a' || *p > 'z')
			return false;
		q = name_end(p + 1, te);
		if (q == te || *q != ':')
			return false;
		fields = in_field = true;
		/* Only the names asked that begin so and are not found yet. */
		if ((cand = rn->by_first[*p - 'a'] & ~found) == 0)
			continue;
		text = q + 1;
		if (text < te && (*text == ' ' || *text == '\t'))
			text++;
		for (; cand != 0; cand &= cand - 1)
			if (rn->len[i = lowest_bit(cand)] == (size_t)(q - p) &&
			    memcmp(p, rn->names[i], rn->len[i]) == 0) {
				vals[i].s = text;	/* each name asked */
				vals[i].len = (size_t)(te - text);
				found |= 1u << i;
				wanted = true;
			}
	}
	return fields;
}

/*
 * Hand out the next piece of a paragraph too large to hold: the whole
 * lines buffered up to a blank line (which ends the paragraph), or up
 * to the end of the buffer when one line is longer than the buffer.
 */
static int
oversize_piece(struct inc_reader *rd, struct inc_record *r)
{
	const char *p, *e, *le;
	bool ended = false;
	ssize_t got;
	size_t n;

	for (;;) {
		p = rd->buf + rd->start;
		e = rd->buf + rd->end;
		while ((le = memchr(p, '\n', (size_t)(e - p))) != NULL) {
			if (blank_line(p, le)) {
				ended = true;
				break;
			}
			p = le + 1;
		}
		if (ended || rd->eof ||
		    (size_t)(p - (rd->buf + rd->start)) >= rd->cap / 2)
			break;
		if ((got = fill(rd)) == -1)
			return -1;
		if (got == 0 && !rd->eof)
			break;			/* full: hand it out */
	}
	if (!ended && rd->eof) {
		p = e;
		ended = true;
	}
	if (!ended && p == rd->buf + rd->start)
		p = e;			/* a line longer than the buffer */
	rd->in_oversize = !ended;
	n = (size_t)(p - (rd->buf + rd->start));
	r->kind = RECORD_BAD;
	r->continued = true;
	r->raw = rd->buf + rd->start;
	r->rawlen = n;
	r->line = r->errline = rd->line;
	rd->line += count_lines(r->raw, n);
	rd->start += n;
	return 1;
}

int
reader_next(struct inc_reader *rd, struct inc_record *r)
{
	const char *p, *e, *le;
	struct raw_para para;
	size_t off, nends;
	long line, lines;

	record_reset(r);
	r->file = rd->name;
	if (rd->in_oversize) {
		if (oversize_piece(rd, r) == -1)
			return -1;
		if (r->rawlen > 0)
			return 1;
		record_reset(r);	/* it ended right here */
		r->file = rd->name;
	}
	/* Skip blank lines. */
	for (;;) {
		p = rd->buf + rd->start;
		e = rd->buf + rd->end;
		le = memchr(p, '\n', (size_t)(e - p));
		if (le == NULL && !rd->eof && rd->end - rd->start < rd->cap) {
			if (fill(rd) == -1)
				return -1;
			continue;
		}
		if (le == NULL)
			le = e;
		if (p == e)
			return 0;
		if (!blank_line(p, le))
			break;
		rd->start = (size_t)(le - rd->buf) + (le < e);
		rd->line++;
	}
	/*
	 * Find the end of the paragraph: a blank line or the end.  Its
	 * first line, found above, is not looked for again.
	 */
	off = rd->start;
	lines = 0;
	nends = 0;
	if (le < e && (size_t)(le - p) < (size_t)INC_MAX_RECORD) {
		rd->ends[nends++] = (size_t)(le - p);
		off = (size_t)(le - rd->buf) + 1;
		lines = 1;
	}
	for (;;) {
		p = rd->buf + off;
		e = rd->buf + rd->end;
		le = p < e ? memchr(p, '\n', (size_t)(e - p)) : NULL;
		if (le != NULL) {
			if (blank_line(p, le))
				break;
			if (nends < END_CACHE)
				rd->ends[nends++] = (size_t)(le - rd->buf) -
				    rd->start;
			off = (size_t)(le - rd->buf) + 1;
			lines++;
			if (off - rd->start <= (size_t)INC_MAX_RECORD)
				continue;
		} else if (rd->eof) {
			off = rd->end;
			break;
		} else if (rd->end - rd->start <= (size_t)INC_MAX_RECORD) {
			off -= rd->start;
			if (fill(rd) == -1)
				return -1;
			off += rd->start;
			continue;
		}
		/* Over the limit: report it once, pass it on in pieces. */
		rd->in_oversize = true;
		line = rd->line;
		if (oversize_piece(rd, r) == -1)
			return -1;
		r->continued = false;
		r->errline = line;
		r->errmsg = "record too large (limit 8 MiB): passed through "
		    "unread";
		return 1;
	}
	rd->nends = nends;
	p = rd->buf + rd->start;
	e = rd->buf + off;
	line = rd->line;
	rd->line += lines;
	rd->start = off;
	if (rd->at_file_start) {
		rd->at_file_start = false;
		if (e - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
			r->raw = p;
			r->rawlen = (size_t)(e - p);
			r->line = line;
			return bad(r, line, "byte order mark at the start "
			    "of the file (records are plain UTF-8)");
		}
	}
	para.raw = p;
	para.len = (size_t)(e - p);
	para.ends = rd->ends;
	para.nends = rd->nends;
	if (rd->skip != NULL && rd->skip(&para, rd->skip_ctx)) {
		r->kind = RECORD_SKIPPED;
		r->line = line;
		r->raw = p;
		r->rawlen = (size_t)(e - p);
		return 1;
	}
	return parse(r, p, e, line, rd->ends, rd->nends);
}

int
reader_getline(struct inc_reader *rd, const char **line, size_t *len,
    bool *truncated)
{
	const char *p, *le;
	ssize_t n;

	for (;;) {
		p = rd->buf + rd->start;
		le = memchr(p, '\n', rd->end - rd->start);
		if (rd->skip_line) {
			if (le == NULL) {
				rd->start = rd->end;
			} else {
				rd->start = (size_t)(le - rd->buf) + 1;
				rd->skip_line = false;
				rd->line++;
			}
		} else if (le != NULL) {
			*line = p;
			*len = (size_t)(le - p);
			*truncated = false;
			rd->start += *len + 1;
			rd->line++;
			if (*len > (size_t)INC_MAX_LINE) {
				*len = INC_MAX_LINE;
				*truncated = true;
			}
			return 1;
		} else if (rd->end - rd->start >= (size_t)INC_MAX_LINE ||
		    (rd->eof && rd->end > rd->start)) {
			*line = p;
			*len = rd->end - rd->start;
			*truncated = *len >= (size_t)INC_MAX_LINE;
			if (*truncated) {
				*len = INC_MAX_LINE;
				rd->skip_line = true;
			} else
				rd->line++;
			rd->start += *len;
			return 1;
		}
		if (rd->eof && rd->start == rd->end)
			return 0;
		if ((n = fill(rd)) == -1)
			return -1;
	}
}

int
record_parse(struct inc_record *r, const char *text, size_t len,
    const char *name)
{
	record_reset(r);
	r->file = name;
	if (len > (size_t)INC_MAX_RECORD) {
		r->raw = text;
		r->rawlen = len;
		r->line = 1;
		return bad(r, 1, "record too large (limit 8 MiB)");
	}
	return parse(r, text, text + len, 1, NULL, 0);
}
