/*
 * logtime.c - the time a log line carries, in the forms the programs a
 * district's servers run write by default:
 *
 *	2026-11-24T09:15:00.003+08:00	RFC 3339 (rsyslog, RFC 5424)
 *	2026-11-24 09:15:00,747		ISO 8601, dot or comma fraction
 *					(log4j; Windows CBS "…:30, Info")
 *	2026-11-24 09:40:00 +08:00	an offset after a blank (+0800, UTC)
 *	[2026-11-24 09:15:00]		the same in brackets (PHP, Laravel)
 *	Nov 24 09:15:00			syslog (RFC 3164); Nov 24 2026 09:15:00
 *	[Sun Dec 04 04:47:44 2005]	Apache error log; 2.4 adds .123456
 *	[03/Dec/2026:10:00:00 +0800]	common and combined access logs, after
 *					"host ident user" (and a virtual host)
 *	2026/11/24 09:15:00		nginx error log
 *	11/24/2026-09:15:00.123456	Suricata and Snort fast.log
 *	[1732412100]			epoch seconds (Nagios, Icinga)
 *
 * Each form is read at fixed places, a bounded scan: the line is an
 * attacker's.  Fractions of a second are dropped, as in records.
 */
#include <string.h>

#include "logtime.h"

#define DAY	86400

static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
static const char wdays[] = "SunMonTueWedThuFriSat";

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* n digits at s[i], all inside len, as a number; -1 when not. */
static int
num(const char *s, size_t i, size_t len, size_t n)
{
	int v = 0;

	if (i + n > len)
		return -1;
	for (; n > 0; n--, i++) {
		if (!digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static bool
at(const char *s, size_t i, size_t len, char c)
{
	return i < len && s[i] == c;
}

/* A time ends the line or a word. */
static bool
ends(const char *s, size_t i, size_t len)
{
	return i == len || s[i] == ' ' || s[i] == '\t';
}

/* "Nov" at s[i]: 1 to 12, or 0. */
static int
month(const char *s, size_t i, size_t len)
{
	int m;

	if (i + 3 > len)
		return 0;
	for (m = 0; m < 12; m++)
		if (memcmp(s + i, months + 3 * m, 3) == 0)
			return m + 1;
	return 0;
}

static bool
weekday(const char *s, size_t i, size_t len)
{
	int d;

	if (i + 3 > len)
		return false;
	for (d = 0; d < 7; d++)
		if (memcmp(s + i, wdays + 3 * d, 3) == 0)
			return true;
	return false;
}

/* "HH:MM:SS" at s[i] into f[3..5]. */
static bool
hms(const char *s, size_t i, size_t len, int f[6])
{
	return (f[3] = num(s, i, len, 2)) >= 0 && at(s, i + 2, len, ':') &&
	    (f[4] = num(s, i + 3, len, 2)) >= 0 && at(s, i + 5, len, ':') &&
	    (f[5] = num(s, i + 6, len, 2)) >= 0;
}

/* A fraction ".123456" (or ",747") at s[i]: the index after it. */
static size_t
fraction(const char *s, size_t i, size_t len, char mark)
{
	size_t j;

	if (!at(s, i, len, mark))
		return i;
	for (j = i + 1; j < len && digit(s[j]); j++)
		;
	return j > i + 1 ? j : i;
}

/* "+08:00" or "+0800" at s[i]: seconds east in *off, the end in *end. */
static bool
offset(const char *s, size_t i, size_t len, int *off, size_t *end)
{
	int h, m, sign;
	size_t j = i + 3;

	if (i >= len || (s[i] != '+' && s[i] != '-') ||
	    (h = num(s, i + 1, len, 2)) < 0)
		return false;
	sign = s[i] == '-' ? -1 : 1;
	if (at(s, j, len, ':'))
		j++;
	if ((m = num(s, j, len, 2)) < 0 || m > 59)
		return false;
	*off = sign * (h * 3600 + m * 60);
	*end = j + 2;
	return true;
}

/* The fields in $TZ, or at the offset given. */
static int
convert(struct logtime *lt, bool has_off, int off)
{
	const int *f = lt->fields;

	lt->wall = WALL_ONCE;
	lt->moved = 0;
	if (has_off)
		return time_at_offset(f[0], f[1], f[2], f[3], f[4], f[5], off,
		    &lt->t);
	lt->wall = time_wall(f[0], f[1], f[2], f[3], f[4], f[5], &lt->t,
	    &lt->moved);
	return lt->wall == WALL_BAD ? -1 : 0;
}

/*
 * "2026-11-24T09:15:00.003+08:00", "2026-11-24 09:15[:SS[,frac]]",
 * either with an offset after a blank, either in brackets.
 */
static int
iso(const char *s, size_t i, size_t len, struct logtime *lt)
{
	int *f = lt->fields, off = 0;
	size_t j = i, e;
	bool bracket = at(s, j, len, '['), has_off = false, blank = false;
	char sep;

	if (bracket)
		j++;
	if ((f[0] = num(s, j, len, 4)) < 0 || !at(s, j + 4, len, '-') ||
	    (f[1] = num(s, j + 5, len, 2)) < 0 || !at(s, j + 7, len, '-') ||
	    (f[2] = num(s, j + 8, len, 2)) < 0 || j + 10 >= len)
		return -1;
	sep = s[j + 10];
	if ((sep != 'T' && sep != 't' && sep != ' ') ||
	    (f[3] = num(s, j + 11, len, 2)) < 0 || !at(s, j + 13, len, ':') ||
	    (f[4] = num(s, j + 14, len, 2)) < 0)
		return -1;
	j += 16;
	f[5] = 0;
	if (at(s, j, len, ':')) {
		if ((f[5] = num(s, j + 1, len, 2)) < 0)
			return -1;
		j += 3;
		j = fraction(s, j, len, '.');
		if (at(s, j, len, ','))		/* ",747"; "," alone: CBS */
			j = fraction(s, j, len, ',') > j ?
			    fraction(s, j, len, ',') : j + 1;
	}
	if (at(s, j, len, 'Z') || at(s, j, len, 'z')) {
		has_off = true;
		j++;
	} else if (offset(s, j, len, &off, &e)) {
		has_off = true;
		j = e;
	} else if (at(s, j, len, ' ') && offset(s, j + 1, len, &off, &e) &&
	    (ends(s, e, len) || (bracket && at(s, e, len, ']')))) {
		has_off = blank = true;
		j = e;
	} else if (at(s, j, len, ' ') && j + 4 <= len &&
	    memcmp(s + j + 1, "UTC", 3) == 0 &&
	    (ends(s, j + 4, len) || (bracket && at(s, j + 4, len, ']')))) {
		has_off = blank = true;
		j += 4;
	}
	if (bracket) {
		if (!at(s, j, len, ']'))
			return -1;
		j++;
	}
	if (!ends(s, j, len) || convert(lt, has_off, off) == -1)
		return -1;
	lt->form = !bracket && !blank && has_off && sep != ' ' ?
	    LT_RFC3339 : LT_ISO;
	lt->end = j;
	return 0;
}

/*
 * A syslog date: the year nearest the clock but never more than a day
 * after it: this year's, else last year's when this year's is more than
 * a day ahead, else next year's when that is not (a "Jan  1" read on
 * Dec 31).  Next year's is looked at only when this year's is most of
 * a year behind: one conversion for nearly every line.
 */
static int
syslog_year(struct logtime *lt, const struct alert_clock *clock)
{
	struct logtime next;
	bool ok;

	lt->fields[0] = clock->year;
	ok = convert(lt, false, 0) == 0;
	if (!ok || lt->t.t > clock->now.t + DAY) {
		lt->fields[0] = clock->year - 1;
		return convert(lt, false, 0);
	}
	if (lt->t.t < clock->now.t - 300 * DAY) {
		next = *lt;
		next.fields[0] = clock->year + 1;
		if (convert(&next, false, 0) == 0 &&
		    next.t.t <= clock->now.t + DAY)
			*lt = next;
	}
	return 0;
}

/* "Nov 24 09:15:00" (the day may be space-padded), "Nov 24 2026 09:…" */
static int
syslog(const char *s, size_t i, size_t len, const struct alert_clock *clock,
    struct logtime *lt)
{
	int *f = lt->fields;
	size_t j = i + 4;
	bool year = false;

	if ((f[1] = month(s, i, len)) == 0 || !at(s, i + 3, len, ' '))
		return -1;
	if (at(s, j, len, ' ') && j + 1 < len && digit(s[j + 1]))
		f[2] = s[j + 1] - '0';
	else if ((f[2] = num(s, j, len, 2)) < 0)
		return -1;
	j += 2;
	if (!at(s, j, len, ' '))
		return -1;
	if ((f[0] = num(s, j + 1, len, 4)) >= 0 && at(s, j + 5, len, ' ')) {
		year = true;
		j += 5;
	}
	if (!hms(s, j + 1, len, f) || !ends(s, j + 9, len))
		return -1;
	if (year ? convert(lt, false, 0) == -1 : syslog_year(lt, clock) == -1)
		return -1;
	lt->form = LT_SYSLOG;
	lt->end = j + 9;
	return 0;
}

/* "[Sun Dec 04 04:47:44 2005]", "[Wed Oct 11 14:32:52.123456 2000]" */
static int
apache(const char *s, size_t i, size_t len, struct logtime *lt)
{
	int *f = lt->fields;
	size_t j = i + 9;

	if (!weekday(s, i + 1, len) || !at(s, i + 4, len, ' ') ||
	    (f[1] = month(s, i + 5, len)) == 0 || !at(s, i + 8, len, ' '))
		return -1;
	if (at(s, j, len, ' ') && j + 1 < len && digit(s[j + 1]))
		f[2] = s[j + 1] - '0';
	else if ((f[2] = num(s, j, len, 2)) < 0)
		return -1;
	if (!at(s, j + 2, len, ' ') || !hms(s, j + 3, len, f))
		return -1;
	j = fraction(s, j + 11, len, '.');
	if (!at(s, j, len, ' ') || (f[0] = num(s, j + 1, len, 4)) < 0 ||
	    !at(s, j + 5, len, ']') || convert(lt, false, 0) == -1)
		return -1;
	lt->form = LT_APACHE;
	lt->end = j + 6;
	return 0;
}

/* "[03/Dec/2026:10:00:00 +0800]" at s[i] */
static int
clf(const char *s, size_t i, size_t len, struct logtime *lt)
{
	int *f = lt->fields, off;
	size_t e;

	if ((f[2] = num(s, i + 1, len, 2)) < 0 || !at(s, i + 3, len, '/') ||
	    (f[1] = month(s, i + 4, len)) == 0 || !at(s, i + 7, len, '/') ||
	    (f[0] = num(s, i + 8, len, 4)) < 0 || !at(s, i + 12, len, ':') ||
	    !hms(s, i + 13, len, f) || !at(s, i + 21, len, ' ') ||
	    !offset(s, i + 22, len, &off, &e) || !at(s, e, len, ']') ||
	    convert(lt, true, off) == -1)
		return -1;
	lt->form = LT_CLF;
	lt->end = e + 1;
	return 0;
}

/*
 * An access log line: the time after "host ident user" (three words),
 * or "vhost host ident user" (four), as the common, combined and
 * vhost_combined formats write it.
 */
static int
clf_line(const char *s, size_t len, struct logtime *lt)
{
	size_t j = 0;
	int words = 0;

	while (j < len && words < 5) {
		if (s[j] == '[' && (words == 3 || words == 4))
			return clf(s, j, len, lt);
		while (j < len && s[j] != ' ' && s[j] != '\t')
			j++;
		if (j >= len || s[j] != ' ')
			return -1;
		j++;
		words++;
	}
	return -1;
}

/* "[1732412100]": epoch seconds, 9 or 10 digits (1973 to 2286). */
static int
epoch(const char *s, size_t i, size_t len, struct logtime *lt)
{
	size_t j = i + 1;
	int64_t t = 0;

	for (; j < len && digit(s[j]) && j - i <= 10; j++)
		t = t * 10 + (s[j] - '0');
	if (j - i - 1 < 9 || !at(s, j, len, ']') || !ends(s, j + 1, len))
		return -1;
	lt->t = time_local(t);
	lt->wall = WALL_ONCE;
	lt->moved = 0;
	lt->form = LT_EPOCH;
	lt->end = j + 1;
	return 0;
}

/* "2026/11/24 09:15:00" */
static int
nginx(const char *s, size_t i, size_t len, struct logtime *lt)
{
	int *f = lt->fields;

	if ((f[0] = num(s, i, len, 4)) < 0 || !at(s, i + 4, len, '/') ||
	    (f[1] = num(s, i + 5, len, 2)) < 0 || !at(s, i + 7, len, '/') ||
	    (f[2] = num(s, i + 8, len, 2)) < 0 || !at(s, i + 10, len, ' ') ||
	    !hms(s, i + 11, len, f) || !ends(s, i + 19, len) ||
	    convert(lt, false, 0) == -1)
		return -1;
	lt->form = LT_NGINX;
	lt->end = i + 19;
	return 0;
}

/* "11/24/2026-09:15:00.123456" (or a two-digit year, 20YY) */
static int
suricata(const char *s, size_t i, size_t len, struct logtime *lt)
{
	int *f = lt->fields;
	size_t j = i + 6;

	if ((f[1] = num(s, i, len, 2)) < 0 || !at(s, i + 2, len, '/') ||
	    (f[2] = num(s, i + 3, len, 2)) < 0 || !at(s, i + 5, len, '/'))
		return -1;
	if ((f[0] = num(s, j, len, 4)) >= 0 && at(s, j + 4, len, '-'))
		j += 5;
	else if ((f[0] = num(s, j, len, 2)) >= 0 && at(s, j + 2, len, '-')) {
		f[0] += 2000;
		j += 3;
	} else
		return -1;
	if (!hms(s, j, len, f))
		return -1;
	j = fraction(s, j + 8, len, '.');
	if (!ends(s, j, len) || convert(lt, false, 0) == -1)
		return -1;
	lt->form = LT_SURICATA;
	lt->end = j;
	return 0;
}

int
logtime_read(const char *s, size_t i, size_t len,
    const struct alert_clock *clock, struct logtime *lt)
{
	memset(lt, 0, sizeof(*lt));
	if (i >= len)
		return -1;
	if (s[i] == '[') {
		if (apache(s, i, len, lt) == 0 || clf(s, i, len, lt) == 0 ||
		    epoch(s, i, len, lt) == 0 || iso(s, i, len, lt) == 0)
			return 0;
	} else if (digit(s[i])) {
		if (iso(s, i, len, lt) == 0 || nginx(s, i, len, lt) == 0 ||
		    suricata(s, i, len, lt) == 0)
			return 0;
	} else if (syslog(s, i, len, clock, lt) == 0)
		return 0;
	if (i == 0 && clf_line(s, len, lt) == 0)
		return 0;
	memset(lt, 0, sizeof(*lt));
	return -1;
}
