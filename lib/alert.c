/*
 * alert.c - a raw alert line as record fields, and incident ids.
 *
 * Alert text comes from attackers: everything here is a bounded scan of
 * the line, nothing is copied, nothing is interpreted beyond the header.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "alert.h"

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
space(char c)
{
	return c == ' ' || c == '\t';
}

static size_t
skip_space(const char *s, size_t i, size_t len)
{
	while (i < len && space(s[i]))
		i++;
	return i;
}

static size_t
word_end(const char *s, size_t i, size_t len)
{
	while (i < len && !space(s[i]))
		i++;
	return i;
}

#define TAG_MAX		64	/* bytes of a syslog tag */
#define TAG_WORDS	4	/* words of a tag with blanks */

static bool
ends(const char *s, size_t i, size_t len)
{
	return i == len || space(s[i]);
}

/*
 * "<13>", then RFC 5424's version "1 " (*v5424 set) or blanks, before
 * the time.
 */
static size_t
skip_pri(const char *s, size_t len, bool *v5424)
{
	size_t i = 1;

	*v5424 = false;
	if (len < 3 || s[0] != '<')
		return 0;
	while (i < len && i <= 4 && digit(s[i]))
		i++;
	if (i == 1 || i >= len || s[i] != '>')
		return 0;
	i++;
	if (i + 1 < len && digit(s[i]) && s[i + 1] == ' ') {
		*v5424 = true;
		return i + 2;
	}
	return skip_space(s, i, len);
}

void
alert_clock_set(struct alert_clock *c, struct inc_time now, bool fixed)
{
	int64_t y;
	int m, d;

	c->now = now;
	c->fixed = fixed;
	time_format(c->text, now);
	time_date(time_local(now.t), &y, &m, &d);
	c->year = (int)y;
}

int
alert_clock_tick(struct alert_clock *c)
{
	time_t t;

	if (c->fixed)
		return 0;
	if ((t = time(NULL)) == (time_t)-1)
		return -1;
	/* The same second: the same clock (and no $TZ looked up). */
	if ((int64_t)t != c->now.t)
		alert_clock_set(c, time_local((int64_t)t), false);
	return 0;
}

/*
 * A byte of a syslog tag: printable ASCII but ':', '[' and ']'; one bit
 * of two words for each ASCII byte (a test per byte of every header).
 */
static bool
tag_char(char c)
{
	static const uint64_t set[2] = {
		0xfbfffffe00000000ULL,	/* 0x21-0x3f but ':' */
		0x7fffffffd7ffffffULL	/* 0x40-0x7e but '[' and ']' */
	};
	unsigned char u = (unsigned char)c;

	return u < 128 && (set[u >> 6] >> (u & 63) & 1);
}

/*
 * A syslog tag at s[i]: "kernel:", "sshd[19939]:", "sshd(pam_unix)
 * [19939]:" (no blank), up to words words with one blank between them
 * before "[pid]:" ("Microsoft Word[14463]:"), or "launchd[1]" before a
 * blank (macOS writes no colon after its pids).  The tag's length
 * without [pid] in *n; the index after the header returned, 0 when
 * there is no tag.
 */
static size_t
tag_at(const char *s, size_t i, size_t len, int words, size_t *n)
{
	size_t j = i, w, name;
	int k;

	for (k = 1; ; k++) {
		for (w = j; j < len && tag_char(s[j]); j++)
			;
		if (j == w || j - i > TAG_MAX)
			return 0;
		if (j < len && s[j] == ':') {
			if (k > 1 || !ends(s, j + 1, len))
				return 0;
			*n = j - i;
			return j + 1;
		}
		if (j < len && s[j] == '[') {
			name = j;
			for (j++; j < len && digit(s[j]); j++)
				;
			if (j == name + 1 || j >= len || s[j] != ']')
				return 0;
			j++;
			*n = name - i;
			if (j < len && s[j] == ':' && ends(s, j + 1, len))
				return j + 1;
			return k == 1 && j < len && space(s[j]) ? j : 0;
		}
		if (k >= words || j + 1 >= len || s[j] != ' ' ||
		    !tag_char(s[j + 1]))
			return 0;
		j++;
	}
}

/* A host name as syslog writes it: [A-Za-z0-9][A-Za-z0-9._-]*. */
static bool
hostname(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || !((s[0] >= 'a' && s[0] <= 'z') ||
	    (s[0] >= 'A' && s[0] <= 'Z') || digit(s[0])))
		return false;
	for (i = 1; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') || digit(s[i]) ||
		    s[i] == '.' || s[i] == '_' || s[i] == '-'))
			return false;
	return true;
}

/*
 * The syslog header after the timestamp: "tag[pid]:", "host tag[pid]:",
 * or (the host being mandatory in syslog) "host" alone before a message.
 */
static void
header(const char *s, size_t i, size_t len, struct inc_alert *a,
    size_t *msg)
{
	size_t e1 = word_end(s, i, len), j, e, n;

	if ((e = tag_at(s, i, len, 1, &n)) > 0) {
		a->tag = s + i;
		a->taglen = n;
		*msg = e;
		return;
	}
	if (e1 == i || e1 >= len || !hostname(s + i, e1 - i))
		return;
	a->host = s + i;
	a->hostlen = e1 - i;
	*msg = e1;
	j = skip_space(s, e1, len);
	if ((e = tag_at(s, j, len, TAG_WORDS, &n)) > 0) {
		a->tag = s + j;
		a->taglen = n;
		*msg = e;
	}
}

/* RFC 5424 structured data at s[i]: "-" or "[id k="v"]...": its end. */
static size_t
structured_data(const char *s, size_t i, size_t len)
{
	bool quoted = false;

	if (i < len && s[i] == '-')
		return i + 1;
	if (i >= len || s[i] != '[')
		return 0;
	for (; i < len; i++) {
		if (quoted) {
			if (s[i] == '\\')
				i++;	/* \" \\ \] */
			else if (s[i] == '"')
				quoted = false;
		} else if (s[i] == '"')
			quoted = true;
		else if (s[i] == ']' && (i + 1 >= len || s[i + 1] != '['))
			return i + 1;
	}
	return 0;
}

/*
 * RFC 5424 after the time: HOSTNAME APP-NAME PROCID MSGID
 * STRUCTURED-DATA, one blank apart, "-" when nil; then the message
 * (after a UTF-8 byte order mark, when there is one).  False when the
 * header is not all there.
 */
static bool
header5424(const char *s, size_t i, size_t len, struct inc_alert *a,
    size_t *msg)
{
	size_t w[4], e[4], k, n;

	for (k = 0; k < 4; k++) {
		w[k] = i;
		e[k] = word_end(s, i, len);
		if (e[k] == i || e[k] >= len || s[e[k]] != ' ')
			return false;
		i = e[k] + 1;
	}
	if ((i = structured_data(s, i, len)) == 0 || !ends(s, i, len))
		return false;
	n = e[0] - w[0];
	if (!(n == 1 && s[w[0]] == '-') && hostname(s + w[0], n)) {
		a->host = s + w[0];
		a->hostlen = n;
	}
	n = e[1] - w[1];
	for (k = 0; k < n && tag_char(s[w[1] + k]); k++)
		;
	if (k == n && n <= 48 && !(n == 1 && s[w[1]] == '-')) {
		a->tag = s + w[1];
		a->taglen = n;
	}
	i = skip_space(s, i, len);
	if (i + 3 <= len && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0)
		i += 3;
	*msg = i;
	return true;
}

/* A local time resolved at a clock change says so. */
static void
wall_note(struct inc_alert *a, const struct logtime *lt)
{
	char d[INC_DURATION_LEN];
	const int *f = lt->fields;

	if (lt->wall == WALL_SKIPPED)
		snprintf(a->notebuf, sizeof(a->notebuf), "local time "
		    "%04d-%02d-%02d %02d:%02d:%02d does not exist (clocks went "
		    "forward): read as %s later", f[0], f[1], f[2], f[3], f[4],
		    f[5], duration_format(d, lt->moved));
	else if (lt->wall == WALL_TWICE)
		snprintf(a->notebuf, sizeof(a->notebuf), "local time "
		    "%04d-%02d-%02d %02d:%02d:%02d happens twice (clocks went "
		    "back): the first taken", f[0], f[1], f[2], f[3], f[4],
		    f[5]);
	else
		return;
	a->note = a->notebuf;
}

int
alert_parse(const char *line, size_t len, const struct alert_clock *clock,
    struct inc_alert *a)
{
	struct logtime lt;
	size_t i, end = 0, msg;
	bool v5424, nil = false;

	a->dated = false;
	a->note = NULL;
	a->host = a->tag = NULL;
	a->hostlen = a->taglen = 0;
	a->received = clock->now;
	a->received_text = clock->text;
	while (len > 0 && (space(line[len - 1]) || line[len - 1] == '\r'))
		len--;
	if (skip_space(line, 0, len) == len)
		return -1;
	i = skip_pri(line, len, &v5424);
	if (v5424 && i < len && line[i] == '-' && ends(line, i + 1, len)) {
		nil = true;		/* RFC 5424 without a time */
		end = i + 1;
	} else if (logtime_read(line, i, len, clock, &lt) == 0) {
		a->dated = true;
		a->detected = lt.t;
		end = lt.end;
		wall_note(a, &lt);
	}
	msg = 0;
	if (a->dated && lt.form == LT_CLF)
		msg = 0;	/* the client, the request: all of it */
	else if (a->dated || nil) {
		msg = skip_space(line, end, len);
		if (v5424 && (nil || lt.form == LT_RFC3339) && end < len &&
		    line[end] == ' ' && header5424(line, end + 1, len, a, &msg))
			;
		else if (a->dated && (lt.form == LT_SYSLOG ||
		    lt.form == LT_RFC3339))
			header(line, msg, len, a, &msg);
	}
	if (!a->dated) {
		a->detected = clock->now;
		a->note = "no time in the line that inc-classify reads: "
		    "detected is received";
	}
	msg = skip_space(line, msg, len);
	if (msg == len)		/* all header: the line is the message */
		msg = skip_space(line, 0, len);
	a->msg = line + msg;
	a->msglen = len - msg;
	return 0;
}

/*
 * UTF-8 as RFC 3629 has it: no overlong forms, no surrogates, nothing
 * past U+10FFFF.  The length of the character at s, or 0.
 */
static size_t
utf8_char(const unsigned char *s, size_t len)
{
	unsigned c = s[0];
	size_t n, k;

	if (c < 0x80)
		return 1;
	if (c < 0xc2 || c > 0xf4)
		return 0;
	n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (len < n)
		return 0;
	for (k = 1; k < n; k++)
		if ((s[k] & 0xc0) != 0x80)
			return 0;
	if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f) ||
	    (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
		return 0;
	return n;
}

bool
alert_utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t w;
	size_t i = 0, n;
	unsigned c;

	while (i < len) {
		/* Eight ASCII bytes at once: most of a log is ASCII. */
		if (i + 8 <= len) {
			memcpy(&w, u + i, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		if ((c = u[i]) < 0x80) {
			i++;
			continue;
		}
		/* Chinese, three bytes from U+4E00 on, the rest of it. */
		if (c >= 0xe1 && c <= 0xec && i + 3 <= len &&
		    (u[i + 1] & 0xc0) == 0x80 && (u[i + 2] & 0xc0) == 0x80) {
			i += 3;
			continue;
		}
		if ((n = utf8_char(u + i, len - i)) == 0)
			return false;
		i += n;
	}
	return true;
}

size_t
alert_visible(char *dst, size_t cap, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, n;

	while (i < len) {
		if ((n = utf8_char(u + i, len - i)) > 0) {
			if (o + n > cap)
				break;
			memcpy(dst + o, s + i, n);
			o += n;
			i += n;
			continue;
		}
		if (o + 4 > cap)
			break;
		dst[o++] = '\\';
		dst[o++] = 'x';
		dst[o++] = hex[u[i] >> 4];
		dst[o++] = hex[u[i] & 0xf];
		i++;
	}
	return o;
}

/*
 * FNV-1a over 8-byte words (then the tail byte by byte); inc_id mixes
 * the result so that every bit of the id depends on every input byte.
 */
/* One 8-byte word into the hash. */
static uint64_t
hash_word(uint64_t h, uint64_t w)
{
	h ^= w;
	h *= 0x100000001b3ULL;
	return h ^ h >> 29;
}

static uint64_t
hash(uint64_t h, const void *p, size_t len)
{
	const unsigned char *b = p;
	uint64_t w;
	size_t i = 0, j;

	for (; i + 8 <= len; i += 8) {
		/*
		 * The 8 bytes as a little-endian word, the same ids on every
		 * machine.  On a little-endian one that is a plain load, and
		 * the byte loop, which compilers do not turn into one, was a
		 * tenth of inc-classify --raw.
		 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		memcpy(&w, b + i, 8);
		(void)j;
#else
		for (w = 0, j = 0; j < 8; j++)
			w |= (uint64_t)b[i + j] << (8 * j);
#endif
		h = hash_word(h, w);
	}
	for (; i < len; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

char *
inc_id(char buf[INC_ID_LEN], const char *bytes, size_t len,
    uint64_t ordinal, struct inc_time when)
{
	static const char hex[] = "0123456789abcdef";
	uint64_t h = 0xcbf29ce484222325ULL;
	unsigned b;
	int64_t y;
	int i, m, d;
	char *p;

	/* The ordinal's 8 bytes, little-endian, are the word itself. */
	h = hash_word(h, ordinal);
	h = hash(h, bytes, len);
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	time_date(when, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	/* By hand: one per alert line, and printf is the slow part. */
	p = buf;
	memcpy(p, "inc-", 4);
	p += 4;
	*p++ = '0' + y / 1000;
	*p++ = '0' + y / 100 % 10;
	*p++ = '0' + y / 10 % 10;
	*p++ = '0' + y % 10;
	*p++ = '0' + m / 10;
	*p++ = '0' + m % 10;
	*p++ = '0' + d / 10;
	*p++ = '0' + d % 10;
	*p++ = '-';
	for (i = 56; i >= 16; i -= 8) {		/* bits 63 to 16 */
		b = (unsigned)(h >> i) & 0xff;
		*p++ = hex[b >> 4];
		*p++ = hex[b & 0xf];
	}
	*p = '\0';
	return buf;
}
