/*
 * timeutil.c - timestamps and durations of inc-record(5).
 *
 * Forms read (time_parse_n):
 *
 *	YYYY-MM-DDTHH:MM:SS[.frac](Z|z|+HH:MM|-HH:MM)	RFC 3339
 *	YYYY-MM-DD HH:MM[:SS[.frac]]			local, in $TZ
 *
 * The date/time separator may be 'T', 't' or a space in both forms.
 * Seconds are optional only in the local form; the fraction is dropped.
 * Leap seconds (:60) are refused: time_t cannot hold them.
 *
 * The RFC 3339 form is converted with our own civil-date arithmetic,
 * not timegm(3) or mktime(3), so that it never depends on $TZ.  The
 * local form is resolved from the zone's offsets (resolve, below), not
 * by mktime(3), whose answer for a time that exists twice depends on
 * the calls before it: a wall time that exists twice (the hour repeated
 * when clocks go back) is the earlier of the two instants; one that does
 * not exist (the hour skipped when clocks go forward) is refused by
 * time_parse, and moved forward by the gap by time_wall.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timeutil.h"

#define MIN_YEAR	1970
#define MAX_YEAR	9999
#define MAX_OFFSET	(18 * 3600)
#define DAY		86400

/* Longest duration read: 100 years of 365.25 days. */
#define MAX_DURATION	((int64_t)36525 * DAY)

/* Bounds time_format clamps to: 0000-01-01 and 9999-12-31T23:59:59. */
#define MIN_CIVIL	(-62167219200LL)
#define MAX_CIVIL	(253402300799LL)

/*
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil): exact for every year we can meet, no tables.
 */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

void
time_date(struct inc_time t, int64_t *year, int *mon, int *mday)
{
	int64_t s = t.t + t.offset, days = s / 86400;

	if (s % 86400 < 0)
		days--;
	civil_from_days(days, year, mon, mday);
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && is_leap(y))
		return 29;
	return mdays[m - 1];
}

/* n decimal digits at *p (bounded by end), or -1. */
static int
digits(const char **p, const char *end, int n)
{
	int v = 0;

	if (end - *p < n)
		return -1;
	while (n-- > 0) {
		if (**p < '0' || **p > '9')
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	return v;
}

static int
expect(const char **p, const char *end, char c)
{
	if (*p >= end || **p != c)
		return -1;
	(*p)++;
	return 0;
}

struct fields {
	int	year, mon, mday, hour, min, sec;
};

static int
check_date(const struct fields *f)
{
	if (f->year < MIN_YEAR || f->year > MAX_YEAR ||
	    f->mon < 1 || f->mon > 12 ||
	    f->mday < 1 || f->mday > days_in_month(f->year, f->mon))
		return -1;
	return 0;
}

/* "YYYY-MM-DD", range-checked. */
static int
parse_date(const char **p, const char *end, struct fields *f)
{
	if ((f->year = digits(p, end, 4)) < 0 || expect(p, end, '-') ||
	    (f->mon = digits(p, end, 2)) < 0 || expect(p, end, '-') ||
	    (f->mday = digits(p, end, 2)) < 0)
		return -1;
	return check_date(f);
}

/*
 * The offset of $TZ over a whole calendar day, remembered: mktime(3)
 * costs thousands of instructions (it re-reads $TZ and searches the
 * zone's transitions), and a stream of local times (inc-classify --raw
 * on a syslog file) asks about the same few days again and again.
 *
 * A day is "plain" when the zone's offset is the same 2.5 days before
 * its midnight and 2.5 days after (local times of the day lie within
 * 18 hours of it, as UTC instants): then no transition falls in between
 * (zones change their offset at most twice a year, never twice within
 * days), every wall time of the day exists exactly once, and it is the
 * naive time minus that offset.  Any other day goes to resolve().  The
 * cache is dropped when $TZ changes.
 */
#define ZONE_SLOTS	64
#define ZONE_TZ_MAX	128

struct zone_day {
	int64_t	 day;		/* days since 1970-01-01, naive */
	int	 offset;
	bool	 used, plain;
};

static struct {
	char		 tz[ZONE_TZ_MAX];	/* $TZ the days were found in */
	bool		 tz_unset;
	bool		 valid;
	struct zone_day	 slot[ZONE_SLOTS];
} zone;

static int
offset_at(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		return INT_MIN;
	return (int)tm.tm_gmtoff;
}

extern char **environ;

/*
 * getenv("TZ") without a walk of the whole environment each time: most
 * alert lines have a time in $TZ, and getenv was a twentieth of
 * inc-classify --raw.  The entry found is trusted while the environment
 * array and that slot of it hold the same pointers and it still names
 * TZ: setenv and putenv of TZ put a new pointer in the slot, unsetenv
 * moves the entries after it, and a new variable goes after the others.
 * A value changed in place is caught by the caller's strcmp.
 */
static const char *
tz_env(void)
{
	static char **env;
	static char *entry;
	static size_t slot;
	size_t i;

	if (entry != NULL && environ == env && environ[slot] == entry &&
	    strncmp(entry, "TZ=", 3) == 0)
		return entry + 3;
	entry = NULL;
	env = environ;
	for (i = 0; env != NULL && env[i] != NULL; i++)
		if (strncmp(env[i], "TZ=", 3) == 0) {
			entry = env[i];
			slot = i;
			return entry + 3;
		}
	return NULL;
}

/* Is the cache still for this $TZ?  If not, start it again. */
static bool
zone_same_tz(void)
{
	const char *tz = tz_env();

	if (zone.valid && (tz == NULL ? zone.tz_unset :
	    !zone.tz_unset && strcmp(tz, zone.tz) == 0))
		return true;
	if (tz != NULL && strlen(tz) >= sizeof(zone.tz))
		return false;		/* never cached: always resolve */
	memset(&zone, 0, sizeof(zone));
	zone.tz_unset = tz == NULL;
	if (tz != NULL)
		strcpy(zone.tz, tz);
	zone.valid = true;
	return true;
}

/* The offset of a plain day into *off; false when not plain. */
static bool
plain_day(int64_t day, int *off)
{
	struct zone_day *z;
	int64_t mid = day * DAY;
	int a, b;

	if (!zone_same_tz())
		return false;
	z = &zone.slot[(uint64_t)day % ZONE_SLOTS];
	if (!z->used || z->day != day) {
		tzset();	/* what localtime_r must see */
		a = offset_at(mid - 5 * DAY / 2);
		b = offset_at(mid + 5 * DAY / 2);
		z->day = day;
		z->used = true;
		z->plain = a == b && a != INT_MIN;
		z->offset = a;
	}
	*off = z->offset;
	return z->plain;
}

/*
 * The wall time naive (seconds since the epoch as if $TZ were UTC) in
 * $TZ, found from the zone's offsets alone, so that the answer never
 * depends on what was asked before (mktime(3) with tm_isdst = -1 takes
 * the hint of its last call).  The offsets 36 hours either side are
 * those before and after any change near it (an instant of a wall time
 * lies within 18 hours of it; zones change at most once in three days).
 * A wall time that exists twice (clocks going back) is the earlier
 * instant, under the offset before the change; one that does not exist
 * (clocks going forward) is read with the offset before the change,
 * which moves it forward by the gap.
 */
static int
resolve(int64_t naive, struct inc_time *out, int *moved)
{
	bool ok_before, ok_after;
	int64_t t;
	int before, after, off;

	tzset();	/* what localtime_r must see */
	before = offset_at(naive - 36 * 3600);
	after = offset_at(naive + 36 * 3600);
	if (before == INT_MIN || after == INT_MIN)
		return WALL_BAD;
	ok_before = offset_at(naive - before) == before;
	ok_after = before != after && offset_at(naive - after) == after;
	*moved = 0;
	if (ok_before || ok_after) {
		off = ok_before ? before : after;
		if (ok_before && ok_after && after > before)
			off = after;		/* the earlier instant */
		out->t = naive - off;
		out->offset = off;
		return ok_before && ok_after ? WALL_TWICE : WALL_ONCE;
	}
	t = naive - before;
	if ((off = offset_at(t)) == INT_MIN)
		return WALL_BAD;
	out->t = t;
	out->offset = off;
	*moved = (int)(t + off - naive);
	return WALL_SKIPPED;
}

/* The wall time of valid fields f in $TZ, as time_wall says. */
static int
wall_time(const struct fields *f, struct inc_time *out, int *moved)
{
	int64_t day = days_from_civil(f->year, f->mon, f->mday);
	int64_t secs = f->hour * 3600 + f->min * 60 + f->sec;
	int off;

	*moved = 0;
	if (plain_day(day, &off)) {
		out->t = day * DAY + secs - off;
		out->offset = off;
		return WALL_ONCE;
	}
	return resolve(day * DAY + secs, out, moved);
}

int
time_wall(int year, int mon, int mday, int hour, int min, int sec,
    struct inc_time *out, int *moved)
{
	struct fields f = { year, mon, mday, hour, min, sec };

	*moved = 0;
	if (check_date(&f) == -1 || hour < 0 || hour > 23 || min < 0 ||
	    min > 59 || sec < 0 || sec > 59)
		return WALL_BAD;
	return wall_time(&f, out, moved);
}

int
time_at_offset(int year, int mon, int mday, int hour, int min, int sec,
    int offset, struct inc_time *out)
{
	struct fields f = { year, mon, mday, hour, min, sec };

	if (check_date(&f) == -1 || hour < 0 || hour > 23 || min < 0 ||
	    min > 59 || sec < 0 || sec > 59 || offset > MAX_OFFSET ||
	    offset < -MAX_OFFSET)
		return -1;
	out->t = days_from_civil(year, mon, mday) * DAY + hour * 3600 +
	    min * 60 + sec - offset;
	out->offset = offset;
	return 0;
}

/*
 * Wall time f in $TZ, refused when it does not exist there.  When
 * exact_hour is 0 a skipped time is accepted, moved forward (date_parse:
 * midnight skipped, the day starts at 01:00; a day skipped whole, as
 * Pacific/Apia skipped 2011-12-30, is refused).
 */
static int
local_time(const struct fields *f, int exact_hour, struct inc_time *out)
{
	struct inc_time t;
	int moved, rc;

	rc = wall_time(f, &t, &moved);
	if (rc == WALL_BAD || (rc == WALL_SKIPPED && exact_hour))
		return -1;
	/* Moved past the day itself: the zone skipped the whole day. */
	if (rc == WALL_SKIPPED && (t.t + t.offset - (t.t + t.offset < 0 ?
	    DAY - 1 : 0)) / DAY != days_from_civil(f->year, f->mon, f->mday))
		return -1;
	*out = t;
	return 0;
}

/* Two digits at s, or -1.  Inline: nine of them make a time. */
static inline int
two(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/*
 * The two dates last read by rfc3339_fixed and their day numbers, the
 * newer first: the times of a record, and of records in a row, mostly
 * fall on one day or the next (a handling report due a day after), and
 * the date was half the cost of a time.
 */
static struct {
	bool	 set;
	char	 date[10];	/* "YYYY-MM-DD", valid */
	int64_t	 day;
} last_date[2];

/* Is the date at s one read before?  Its day in *day. */
static bool
date_known(const char *s, int64_t *day)
{
	if (last_date[0].set && memcmp(s, last_date[0].date, 10) == 0) {
		*day = last_date[0].day;
		return true;
	}
	if (last_date[1].set && memcmp(s, last_date[1].date, 10) == 0) {
		*day = last_date[1].day;
		return true;
	}
	return false;
}

static void
date_keep(const char *s, int64_t day)
{
	last_date[1] = last_date[0];
	memcpy(last_date[0].date, s, 10);
	last_date[0].day = day;
	last_date[0].set = true;
}

/*
 * The digit at s[i], 0 to 9, or 16 when it is no digit: an OR of several
 * has bit 4 set exactly when one is not a digit.
 */
static unsigned
digit_at(const char *s, size_t i)
{
	unsigned d = (unsigned char)s[i] - (unsigned)'0';

	return d <= 9 ? d : 16;
}

/*
 * The form the tools write, "2026-11-24T09:15:00+08:00", read at fixed
 * places: most times read are this one, and the general path below
 * costs several times more.  1 done (0 or -1 in *rc), 0 not this form.
 */
static int
rfc3339_fixed(const char *s, size_t len, struct inc_time *out, int *rc)
{
	struct fields f;
	int y1, y2, oh, om, off;
	int64_t day;

	if (len != 25 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || (s[19] != '+' && s[19] != '-') ||
	    s[22] != ':')
		return 0;
	*rc = -1;
	if (!date_known(s, &day)) {
		if ((y1 = two(s)) < 0 || (y2 = two(s + 2)) < 0 ||
		    (f.mon = two(s + 5)) < 0 || (f.mday = two(s + 8)) < 0)
			return 1;
		f.year = y1 * 100 + y2;
		if (check_date(&f) == -1)
			return 1;
		day = days_from_civil(f.year, f.mon, f.mday);
		date_keep(s, day);
	}
	/* The ten digits of the time tested at once, without branches. */
	if ((digit_at(s, 11) | digit_at(s, 12) | digit_at(s, 14) |
	    digit_at(s, 15) | digit_at(s, 17) | digit_at(s, 18) |
	    digit_at(s, 20) | digit_at(s, 21) | digit_at(s, 23) |
	    digit_at(s, 24)) & 16)
		return 1;
	f.hour = digit_at(s, 11) * 10 + digit_at(s, 12);
	f.min = digit_at(s, 14) * 10 + digit_at(s, 15);
	f.sec = digit_at(s, 17) * 10 + digit_at(s, 18);
	oh = digit_at(s, 20) * 10 + digit_at(s, 21);
	om = digit_at(s, 23) * 10 + digit_at(s, 24);
	if (f.hour > 23 || f.min > 59 || f.sec > 59 || om > 59)
		return 1;
	off = (s[19] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	if (off > MAX_OFFSET || off < -MAX_OFFSET)
		return 1;
	out->t = day * DAY + f.hour * 3600 + f.min * 60 + f.sec - off;
	out->offset = off;
	*rc = 0;
	return 1;
}

/*
 * The local form with seconds, "2026-11-24 09:15:00" (or a T), read at
 * fixed places: the time of most syslog and log lines, as alert_parse
 * makes it.  1 done (0 or -1 in *rc), 0 not this form.
 */
static int
local_fixed(const char *s, size_t len, struct inc_time *out, int *rc)
{
	struct fields f;

	if (len != 19 || s[4] != '-' || s[7] != '-' ||
	    (s[10] != ' ' && s[10] != 'T' && s[10] != 't') || s[13] != ':' ||
	    s[16] != ':')
		return 0;
	*rc = -1;
	if ((digit_at(s, 0) | digit_at(s, 1) | digit_at(s, 2) |
	    digit_at(s, 3) | digit_at(s, 5) | digit_at(s, 6) |
	    digit_at(s, 8) | digit_at(s, 9) | digit_at(s, 11) |
	    digit_at(s, 12) | digit_at(s, 14) | digit_at(s, 15) |
	    digit_at(s, 17) | digit_at(s, 18)) & 16)
		return 1;
	f.year = (int)(digit_at(s, 0) * 1000 + digit_at(s, 1) * 100 +
	    digit_at(s, 2) * 10 + digit_at(s, 3));
	f.mon = (int)(digit_at(s, 5) * 10 + digit_at(s, 6));
	f.mday = (int)(digit_at(s, 8) * 10 + digit_at(s, 9));
	f.hour = (int)(digit_at(s, 11) * 10 + digit_at(s, 12));
	f.min = (int)(digit_at(s, 14) * 10 + digit_at(s, 15));
	f.sec = (int)(digit_at(s, 17) * 10 + digit_at(s, 18));
	if (check_date(&f) == -1 || f.hour > 23 || f.min > 59 || f.sec > 59)
		return 1;
	*rc = local_time(&f, 1, out);
	return 1;
}

int
time_parse_n(const char *s, size_t len, struct inc_time *out)
{
	const char *p = s, *end = s + len;
	struct fields f;
	int have_sec = 0, sign, oh, om, off, rc;
	int64_t t;

	if (s != NULL && (rfc3339_fixed(s, len, out, &rc) ||
	    local_fixed(s, len, out, &rc)))
		return rc;
	if (s == NULL || parse_date(&p, end, &f) == -1)
		return -1;
	if (p >= end || (*p != 'T' && *p != 't' && *p != ' '))
		return -1;
	p++;
	f.sec = 0;
	if ((f.hour = digits(&p, end, 2)) < 0 || expect(&p, end, ':') ||
	    (f.min = digits(&p, end, 2)) < 0)
		return -1;
	if (p < end && *p == ':') {
		p++;
		if ((f.sec = digits(&p, end, 2)) < 0)
			return -1;
		have_sec = 1;
		if (p < end && *p == '.') {
			p++;
			if (p >= end || *p < '0' || *p > '9')
				return -1;
			while (p < end && *p >= '0' && *p <= '9')
				p++;
		}
	}
	if (f.hour > 23 || f.min > 59 || f.sec > 59)
		return -1;

	if (p == end)
		return local_time(&f, 1, out);

	if (!have_sec)
		return -1;
	if (*p == 'Z' || *p == 'z') {
		p++;
		off = 0;
	} else if (*p == '+' || *p == '-') {
		sign = *p++ == '-' ? -1 : 1;
		if ((oh = digits(&p, end, 2)) < 0 || expect(&p, end, ':') ||
		    (om = digits(&p, end, 2)) < 0 || om > 59)
			return -1;
		off = sign * (oh * 3600 + om * 60);
		if (off > MAX_OFFSET || off < -MAX_OFFSET)
			return -1;
	} else
		return -1;
	if (p != end)
		return -1;

	t = days_from_civil(f.year, f.mon, f.mday) * DAY +
	    f.hour * 3600 + f.min * 60 + f.sec - off;
	out->t = t;
	out->offset = off;
	return 0;
}

int
time_parse(const char *s, struct inc_time *out)
{
	if (s == NULL)
		return -1;
	return time_parse_n(s, strlen(s), out);
}

/* v, 0 <= v < 100, as two digits: a pair from a table. */
static void
put_pair(char *p, int v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930"
	    "31323334353637383940414243444546474849505152535455565758596061"
	    "6263646566676869707172737475767778798081828384858687888990919293"
	    "949596979899";

	memcpy(p, pairs + 2 * v, 2);
}

/*
 * An offset that is not whole minutes (local mean time of old zone
 * data) cannot be written as +HH:MM; such a time is written in UTC so
 * the instant stays right.  Instants outside years 0..9999 are clamped.
 */
static struct {
	bool	 set;
	int64_t	 days;
	char	 date[10];	/* YYYY-MM-DD */
} last_day;

/* The time written last: deadlines come in pairs (1h, 1h, 2h, 2h). */
static struct {
	bool		 set;
	struct inc_time	 tv;
	char		 text[INC_TIME_TEXT + 1];
} last_time;

/* The offset written last, "+08:00": one zone, mostly. */
static struct {
	bool	 set;
	int	 off;
	char	 text[6];
} last_off;

bool
time_writable(struct inc_time tv)
{
	int off = tv.offset;

	if (off % 60 != 0 || off > MAX_OFFSET || off < -MAX_OFFSET)
		off = 0;
	return tv.t <= MAX_CIVIL - off && tv.t >= MIN_CIVIL - off;
}

char *
time_format(char buf[INC_TIME_LEN], struct inc_time tv)
{
	int64_t t, days, y;
	int m, d, off = tv.offset, aoff, secs;

	if (last_time.set && last_time.tv.t == tv.t &&
	    last_time.tv.offset == tv.offset) {
		memcpy(buf, last_time.text, sizeof(last_time.text));
		return buf;
	}

	if (off % 60 != 0 || off > MAX_OFFSET || off < -MAX_OFFSET)
		off = 0;
	t = tv.t;
	if (t > MAX_CIVIL - off)
		t = MAX_CIVIL - off;
	if (t < MIN_CIVIL - off)
		t = MIN_CIVIL - off;
	t += off;
	days = t / DAY;
	secs = (int)(t % DAY);
	if (secs < 0) {
		secs += DAY;
		days--;
	}
	/*
	 * By hand, two digits at a time from a table: snprintf was most of
	 * the time of a filter that dates, and a digit at a time a third of
	 * what was left.  The date of the last day written is kept, and the
	 * last offset: a record's deadlines mostly fall on one day, and an
	 * archive's times are mostly in one zone.
	 */
	if (!last_day.set || last_day.days != days) {
		civil_from_days(days, &y, &m, &d);
		put_pair(last_day.date, (int)(y / 100));
		put_pair(last_day.date + 2, (int)(y % 100));
		last_day.date[4] = '-';
		put_pair(last_day.date + 5, m);
		last_day.date[7] = '-';
		put_pair(last_day.date + 8, d);
		last_day.days = days;
		last_day.set = true;
	}
	if (!last_off.set || last_off.off != off) {
		aoff = off < 0 ? -off : off;
		last_off.text[0] = off < 0 ? '-' : '+';
		put_pair(last_off.text + 1, aoff / 3600);
		last_off.text[3] = ':';
		put_pair(last_off.text + 4, aoff / 60 % 60);
		last_off.off = off;
		last_off.set = true;
	}
	memcpy(buf, last_day.date, 10);
	buf[10] = 'T';
	put_pair(buf + 11, secs / 3600);
	buf[13] = ':';
	put_pair(buf + 14, secs / 60 % 60);
	buf[16] = ':';
	put_pair(buf + 17, secs % 60);
	memcpy(buf + 19, last_off.text, 6);
	buf[25] = '\0';
	memcpy(last_time.text, buf, sizeof(last_time.text));
	last_time.tv = tv;
	last_time.set = true;
	return buf;
}

struct inc_time
time_local(int64_t t)
{
	struct inc_time tv;
	struct tm tm;
	time_t tt = (time_t)t;

	tv.t = t;
	tv.offset = 0;
	if (localtime_r(&tt, &tm) != NULL)
		tv.offset = (int)tm.tm_gmtoff;
	return tv;
}

int
time_now(const char *opt, struct inc_time *out)
{
	time_t now;

	if (opt != NULL)
		return time_parse(opt, out);
	if ((now = time(NULL)) == (time_t)-1)
		return -1;
	*out = time_local((int64_t)now);
	return 0;
}

/*
 * Midnight in $TZ; in a zone whose clocks skip midnight on that day
 * the day's first moment (usually 01:00).
 */
int
date_parse(const char *s, struct inc_time *out)
{
	const char *p = s, *end;
	struct fields f;

	if (s == NULL)
		return -1;
	end = s + strlen(s);
	if (parse_date(&p, end, &f) == -1 || p != end)
		return -1;
	f.hour = f.min = f.sec = 0;
	return local_time(&f, 0, out);
}

/*
 * Each number is bounded before it is multiplied, so no input, however
 * long its digits, can overflow; anything over 100 years is refused.
 */
int
duration_parse(const char *s, int64_t *secs)
{
	static const char units[] = "dhms";
	static const int64_t mult[] = { DAY, 3600, 60, 1 };
	const char *u;
	int64_t total = 0, n;
	int next = 0, any = 0;

	if (s == NULL)
		return -1;
	while (*s != '\0') {
		if (*s < '0' || *s > '9')
			return -1;
		n = 0;
		while (*s >= '0' && *s <= '9') {
			n = n * 10 + (*s++ - '0');
			if (n > MAX_DURATION)
				return -1;
		}
		if (*s == '\0' || (u = strchr(units + next, *s)) == NULL)
			return -1;
		next = (int)(u - units) + 1;
		s++;
		if (n > (MAX_DURATION - total) / mult[next - 1])
			return -1;
		total += n * mult[next - 1];
		any = 1;
	}
	if (!any)
		return -1;
	*secs = total;
	return 0;
}

char *
duration_format(char buf[INC_DURATION_LEN], int64_t secs)
{
	static const char units[] = "dhms";
	static const uint64_t mult[] = { DAY, 3600, 60, 1 };
	uint64_t v, q;
	size_t n = 0;
	int i;

	if (secs < 0) {
		buf[n++] = '-';
		v = (uint64_t)0 - (uint64_t)secs;
	} else
		v = (uint64_t)secs;
	if (v == 0) {
		snprintf(buf + n, INC_DURATION_LEN - n, "0s");
		return buf;
	}
	for (i = 0; i < 4; i++) {
		q = v / mult[i];
		v %= mult[i];
		if (q == 0)
			continue;
		n += snprintf(buf + n, INC_DURATION_LEN - n, "%llu%c",
		    (unsigned long long)q, units[i]);
	}
	buf[n] = '\0';
	return buf;
}

double
time_monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

#define LEAD_MAX	40	/* bytes of the longest time with its blank */

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
time_lead(const char *s, size_t len, struct inc_time *t, const char **end)
{
	size_t p;

	/* recutils would read another value than the C string: none. */
	if (memchr(s, '\0', len) != NULL)
		return -1;
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	/*
	 * The common case first: a blank after INC_TIME_TEXT bytes, and
	 * those read as a time.  No time is longer, nor holds a blank at
	 * that place, so no longer prefix could read as one.
	 */
	if (len > INC_TIME_TEXT && is_blank(s[INC_TIME_TEXT]) &&
	    time_parse_n(s, INC_TIME_TEXT, t) == 0)
		p = INC_TIME_TEXT;
	else if (len > 0 && time_parse_n(s, len, t) == 0)
		p = len;
	else {
		for (p = len < LEAD_MAX ? len : LEAD_MAX; p > 0; p--)
			if (p < len && is_blank(s[p]) && !is_blank(s[p - 1]) &&
			    time_parse_n(s, p, t) == 0)
				break;
		if (p == 0)
			return -1;
	}
	if (end != NULL)
		*end = s + p;
	return 0;
}
