/*
 * alert.c - a raw alert line as record fields, and incident ids.
 *
 * Alert text comes from attackers: everything here is a bounded scan of
 * the line, nothing is copied, nothing is interpreted beyond the header.
 */
#include <stdio.h>
#include <string.h>

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

/* "<13>" and an RFC 5424 version "1 " before the timestamp. */
static size_t
skip_pri(const char *s, size_t len)
{
	size_t i = 1;

	if (len < 3 || s[0] != '<')
		return 0;
	while (i < len && i <= 4 && digit(s[i]))
		i++;
	if (i == 1 || i >= len || s[i] != '>')
		return 0;
	i++;
	if (i + 1 < len && digit(s[i]) && s[i + 1] == ' ')
		i += 2;
	return i;
}

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static void
civil(int64_t days, int *y, unsigned *m, unsigned *d)
{
	int64_t z = days + 719468, era, yy;
	unsigned doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (int64_t)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (*m <= 2));
}

static void
date_of(struct inc_time t, int *y, unsigned *m, unsigned *d)
{
	int64_t s = t.t + t.offset, days = s / 86400;

	if (s % 86400 < 0)
		days--;
	civil(days, y, m, d);
}

void
alert_clock_set(struct alert_clock *c, struct inc_time now)
{
	unsigned m, d;

	c->now = now;
	date_of(time_local(now.t), &c->year, &m, &d);
}

/*
 * "YYYY-MM-DD HH:MM:SS" from a syslog date, 19 bytes (no NUL), by hand:
 * snprintf was a fifth of the time of a syslog line.  The year may be
 * outside 0..9999 (a clock far off); it is then written wrong on
 * purpose, so that time_parse_n refuses it.
 */
static void
local_stamp(char buf[19], int year, int mon, int day, const char *hms)
{
	if (year < 0 || year > 9999)
		year = 0;
	buf[0] = (char)('0' + year / 1000);
	buf[1] = (char)('0' + year / 100 % 10);
	buf[2] = (char)('0' + year / 10 % 10);
	buf[3] = (char)('0' + year % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + mon / 10);
	buf[6] = (char)('0' + mon % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + day / 10);
	buf[9] = (char)('0' + day % 10);
	buf[10] = ' ';
	memcpy(buf + 11, hms, 8);
}

/* "Nov 24 09:15:00" (day may be space-padded) at s[i]; end in *end. */
static int
syslog_time(const char *s, size_t i, size_t len,
    const struct alert_clock *clock, struct inc_time *t, size_t *end)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	char buf[40];
	int mon, day, year;
	size_t j;

	if (i + 15 > len)
		return -1;
	for (mon = 0; mon < 12; mon++)
		if (memcmp(s + i, months + 3 * mon, 3) == 0)
			break;
	if (mon == 12 || s[i + 3] != ' ')
		return -1;
	j = i + 4;
	if (s[j] == ' ' && digit(s[j + 1]))
		day = s[j + 1] - '0';
	else if (digit(s[j]) && digit(s[j + 1]))
		day = (s[j] - '0') * 10 + s[j + 1] - '0';
	else
		return -1;
	j += 2;
	if (s[j] != ' ' || !digit(s[j + 1]) || !digit(s[j + 2]) ||
	    s[j + 3] != ':' || !digit(s[j + 4]) || !digit(s[j + 5]) ||
	    s[j + 6] != ':' || !digit(s[j + 7]) || !digit(s[j + 8]))
		return -1;
	if (j + 9 < len && !space(s[j + 9]))
		return -1;
	year = clock->year;
	local_stamp(buf, year, mon + 1, day, s + j + 1);
	/* A date more than a day ahead of the clock is from last year. */
	if (time_parse_n(buf, 19, t) == -1 || t->t > clock->now.t + 86400) {
		local_stamp(buf, year - 1, mon + 1, day, s + j + 1);
		if (time_parse_n(buf, 19, t) == -1)
			return -1;
	}
	*end = j + 9;
	return 0;
}

/* "2026-11-24T09:15:00+08:00" or "2026-11-24 09:15[:SS]" at s[i]. */
static int
iso_time(const char *s, size_t i, size_t len, struct inc_time *t,
    size_t *end, bool *rfc3339)
{
	size_t e = word_end(s, i, len), e2;

	if (e - i < 10 || !digit(s[i]) || !digit(s[i + 3]) ||
	    s[i + 4] != '-' || s[i + 7] != '-')
		return -1;
	if (e - i > 10) {
		*rfc3339 = true;
		if (time_parse_n(s + i, e - i, t) == -1)
			return -1;
		*end = e;
		return 0;
	}
	/* The date alone: the time is the next word. */
	if (e >= len || s[e] != ' ')
		return -1;
	e2 = word_end(s, e + 1, len);
	if (e2 - (e + 1) != 5 && e2 - (e + 1) != 8)
		return -1;
	*rfc3339 = false;
	if (time_parse_n(s + i, e2 - i, t) == -1)
		return -1;
	*end = e2;
	return 0;
}

/* "tag:" or "tag[pid]:" of [A-Za-z0-9_./-]; the tag's length, or 0. */
static size_t
tag_len(const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len && ((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z') || digit(s[i]) || s[i] == '_' ||
	    s[i] == '.' || s[i] == '/' || s[i] == '-'))
		i++;
	n = i;
	if (n == 0)
		return 0;
	if (i < len && s[i] == '[') {
		for (i++; i < len && digit(s[i]); i++)
			;
		if (i >= len || s[i] != ']')
			return 0;
		i++;
	}
	return i + 1 == len && s[i] == ':' ? n : 0;
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
	size_t e1 = word_end(s, i, len), j, e2, n;

	if ((n = tag_len(s + i, e1 - i)) > 0) {
		a->tag = s + i;
		a->taglen = n;
		*msg = e1;
		return;
	}
	if (e1 == i || e1 >= len || !hostname(s + i, e1 - i))
		return;
	a->host = s + i;
	a->hostlen = e1 - i;
	*msg = e1;
	j = skip_space(s, e1, len);
	e2 = word_end(s, j, len);
	if ((n = tag_len(s + j, e2 - j)) > 0) {
		a->tag = s + j;
		a->taglen = n;
		*msg = e2;
	}
}

int
alert_parse(const char *line, size_t len, const struct alert_clock *clock,
    struct inc_alert *a)
{
	size_t i, end = 0, msg;
	bool rfc3339 = false, syslog = false;

	memset(a, 0, sizeof(*a));
	while (len > 0 && (space(line[len - 1]) || line[len - 1] == '\r'))
		len--;
	if (skip_space(line, 0, len) == len)
		return -1;
	i = skip_pri(line, len);
	if (iso_time(line, i, len, &a->detected, &end, &rfc3339) == 0)
		a->dated = true;
	else if (syslog_time(line, i, len, clock, &a->detected, &end) == 0)
		a->dated = syslog = true;
	msg = 0;
	if (a->dated) {
		msg = skip_space(line, end, len);
		if (rfc3339 || syslog)
			header(line, msg, len, a, &msg);
	} else
		a->detected = clock->now;
	msg = skip_space(line, msg, len);
	if (msg == len)		/* all header: the line is the message */
		msg = skip_space(line, 0, len);
	a->msg = line + msg;
	a->msglen = len - msg;
	return 0;
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
	unsigned m, d, b;
	int i, y;
	char *p;

	/* The ordinal's 8 bytes, little-endian, are the word itself. */
	h = hash_word(h, ordinal);
	h = hash(h, bytes, len);
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	date_of(when, &y, &m, &d);
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
