/*
 * test-time.c - timeutil.h: every accepted form, every refusal, local
 * times in two zones and a DST gap, durations and their round trips.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "timeutil.h"

static void
set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* Forms with an offset: never depend on $TZ, so test them in two. */
static const struct {
	const char	*in;
	int64_t		 t;
	int		 offset;
	const char	*out;
} rfc[] = {
	{ "1970-01-01T00:00:00Z", 0, 0, "1970-01-01T00:00:00+00:00" },
	{ "1970-01-01T00:00:00z", 0, 0, "1970-01-01T00:00:00+00:00" },
	{ "1970-01-01t00:00:00Z", 0, 0, "1970-01-01T00:00:00+00:00" },
	{ "1970-01-01 00:00:00Z", 0, 0, "1970-01-01T00:00:00+00:00" },
	{ "1970-01-01T08:00:00+08:00", 0, 28800,
	    "1970-01-01T08:00:00+08:00" },
	{ "1970-01-01T00:00:00+08:00", -28800, 28800,
	    "1970-01-01T00:00:00+08:00" },
	{ "2026-11-24T09:15:00+08:00", 1795482900, 28800,
	    "2026-11-24T09:15:00+08:00" },
	{ "2026-11-24T01:15:00Z", 1795482900, 0,
	    "2026-11-24T01:15:00+00:00" },
	{ "2026-11-24T01:15:00+00:00", 1795482900, 0,
	    "2026-11-24T01:15:00+00:00" },
	{ "2026-11-24T01:15:00-00:00", 1795482900, 0,
	    "2026-11-24T01:15:00+00:00" },
	{ "2026-11-23T19:45:00-05:30", 1795482900, -19800,
	    "2026-11-23T19:45:00-05:30" },
	{ "2026-11-24T09:15:00.250+08:00", 1795482900, 28800,
	    "2026-11-24T09:15:00+08:00" },
	{ "2026-11-24T09:15:00.999999999Z", 1795511700, 0,
	    "2026-11-24T09:15:00+00:00" },
	{ "2024-02-29T12:00:00Z", 1709208000, 0,
	    "2024-02-29T12:00:00+00:00" },
	{ "2000-02-29T00:00:00Z", 951782400, 0,
	    "2000-02-29T00:00:00+00:00" },
	{ "2026-12-31T23:59:59+18:00", 1798696799, 64800,
	    "2026-12-31T23:59:59+18:00" },
	{ "2026-01-01T00:00:00-18:00", 1767290400, -64800,
	    "2026-01-01T00:00:00-18:00" },
	{ "9999-12-31T23:59:59Z", 253402300799LL, 0,
	    "9999-12-31T23:59:59+00:00" },
};

static void
test_rfc3339(void **state)
{
	static const char *zones[] = { "UTC", "Asia/Shanghai",
	    "America/New_York" };
	struct inc_time tv;
	char buf[INC_TIME_LEN];
	size_t i, z;

	(void)state;
	for (z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
		set_tz(zones[z]);
		for (i = 0; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
			memset(&tv, 0xa5, sizeof(tv));
			if (time_parse(rfc[i].in, &tv) != 0)
				fail_msg("%s: refused in %s", rfc[i].in,
				    zones[z]);
			assert_int_equal(tv.t, rfc[i].t);
			assert_int_equal(tv.offset, rfc[i].offset);
			assert_string_equal(time_format(buf, tv), rfc[i].out);
			/* What we write we read back the same. */
			assert_int_equal(time_parse(buf, &tv), 0);
			assert_int_equal(tv.t, rfc[i].t);
			assert_int_equal(tv.offset, rfc[i].offset);
		}
	}
}

static const char *bad[] = {
	"",
	"2026",
	"2026-11-24",
	"2026-11-24T",
	"2026-13-01T00:00:00Z",		/* month 13 */
	"2026-00-01T00:00:00Z",		/* month 0 */
	"2026-01-32T00:00:00Z",		/* day 32 */
	"2026-01-00T00:00:00Z",		/* day 0 */
	"2026-04-31T00:00:00Z",		/* April has 30 */
	"2026-02-30T00:00:00Z",
	"2027-02-29T00:00:00Z",		/* not a leap year */
	"1900-02-29T00:00:00Z",
	"2027-02-29 10:00",
	"2026-11-24T24:00:00Z",		/* hour 24 */
	"2026-11-24T23:60:00Z",		/* minute 60 */
	"2026-11-24T23:59:60Z",		/* leap second */
	"2026-11-24 24:00",
	"2026-11-24 10:60",
	"2026-11-24T09:15:00+19:00",	/* offset over 18h */
	"2026-11-24T09:15:00+18:01",
	"2026-11-24T09:15:00-18:30",
	"2026-11-24T09:15:00+08:60",
	"2026-11-24T09:15:00+08",
	"2026-11-24T09:15:00+0800",
	"2026-11-24T09:15:00+8:00",
	"2026-11-24T09:15+08:00",	/* RFC form needs seconds */
	"2026-11-24T09:15Z",
	"2026-11-24T09:15:00+08:00x",	/* trailing bytes */
	"2026-11-24T09:15:00Z ",
	"2026-11-24T09:15:00ZZ",
	"2026-11-24 09:15 ",
	"2026-11-24 09:15x",
	" 2026-11-24 09:15",
	"2026-11-24 09:15:",
	"2026-11-24 09:15:0",
	"2026-11-24T09:15:00.Z",	/* empty fraction */
	"2026-11-24 09:15.5",		/* fraction needs seconds */
	"1969-12-31T23:59:59Z",		/* year 1969 */
	"1969-12-31 23:59",
	"10000-01-01T00:00:00Z",	/* year 10000 */
	"0000-01-01T00:00:00Z",
	"226-11-24T09:15:00Z",		/* year not 4 digits */
	"2026-1-24T09:15:00Z",		/* fields not 2 digits */
	"2026-11-4T09:15:00Z",
	"2026-11-24T9:15:00Z",
	"2026-11-24T09:5:00Z",
	"2026/11/24T09:15:00Z",
	"2026-11-24X09:15:00Z",
	"2026-11-24  09:15",
	"+2026-11-24T09:15:00Z",
	"2026-11-24T09:15:00UTC",
	"2026-11-24T09:15:00 +08:00",
	"２０２６-11-24T09:15:00Z",	/* fullwidth digits */
};

static void
test_bad(void **state)
{
	struct inc_time tv = { 42, 7 };
	size_t i;

	(void)state;
	set_tz("Asia/Shanghai");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (time_parse(bad[i], &tv) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_int_equal(time_parse_n(bad[i], strlen(bad[i]), &tv),
		    -1);
	}
	/* A refused time leaves the result alone. */
	assert_int_equal(tv.t, 42);
	assert_int_equal(tv.offset, 7);
	assert_int_equal(time_parse(NULL, &tv), -1);
}

static void
test_parse_n(void **state)
{
	static const char nul[] = "2026-11-24T09:15:00\0+08:00";
	static const char nul2[] = "2026-11-24 09:15\0";
	static const char longer[] = "2026-11-24T09:15:00+08:00 trailing";
	struct inc_time tv;

	(void)state;
	set_tz("UTC");
	/* A NUL inside the counted bytes is a byte too many. */
	assert_int_equal(time_parse_n(nul, sizeof(nul) - 1, &tv), -1);
	assert_int_equal(time_parse_n(nul2, sizeof(nul2) - 1, &tv), -1);
	assert_int_equal(time_parse_n(nul2, 2, &tv), -1);
	assert_int_equal(time_parse_n(nul2, 0, &tv), -1);
	/* Only len bytes are read: a prefix of a longer buffer. */
	assert_int_equal(time_parse_n(longer, 25, &tv), 0);
	assert_int_equal(tv.t, 1795482900);
	assert_int_equal(tv.offset, 28800);
	assert_int_equal(time_parse_n(longer, 26, &tv), -1);
	assert_int_equal(time_parse_n(longer, 24, &tv), -1);
	/* Local form cut short: "2026-11-24T09:15" then ":00+0" dropped. */
	assert_int_equal(time_parse_n(longer, 16, &tv), 0);
	assert_int_equal(tv.t, 1795511700);
	assert_int_equal(time_parse_n(longer, 17, &tv), -1);
}

/* Local forms: read in $TZ, written with its offset. */
static const struct {
	const char	*tz;
	const char	*in;
	int64_t		 t;
	int		 offset;
	const char	*out;
} local[] = {
	{ "Asia/Shanghai", "2026-11-24 09:15", 1795482900, 28800,
	    "2026-11-24T09:15:00+08:00" },
	{ "Asia/Shanghai", "2026-11-24T09:15", 1795482900, 28800,
	    "2026-11-24T09:15:00+08:00" },
	{ "Asia/Shanghai", "2026-11-24 09:15:00", 1795482900, 28800,
	    "2026-11-24T09:15:00+08:00" },
	{ "Asia/Shanghai", "2026-11-24T09:15:07.5", 1795482907, 28800,
	    "2026-11-24T09:15:07+08:00" },
	{ "Asia/Shanghai", "1970-01-01 00:00", -28800, 28800,
	    "1970-01-01T00:00:00+08:00" },
	{ "Asia/Shanghai", "1970-01-01 07:59:59", -1, 28800,
	    "1970-01-01T07:59:59+08:00" },
	{ "UTC", "2026-11-24 09:15", 1795511700, 0,
	    "2026-11-24T09:15:00+00:00" },
	{ "UTC", "2026-11-24t09:15:30", 1795511730, 0,
	    "2026-11-24T09:15:30+00:00" },
	{ "UTC", "1970-01-01 00:00", 0, 0, "1970-01-01T00:00:00+00:00" },
	{ "UTC", "2024-02-29 23:59:59", 1709251199, 0,
	    "2024-02-29T23:59:59+00:00" },
	{ "America/New_York", "2026-07-04 12:00", 1783180800, -14400,
	    "2026-07-04T12:00:00-04:00" },
	{ "America/New_York", "2026-01-15 12:00", 1768496400, -18000,
	    "2026-01-15T12:00:00-05:00" },
	{ "America/New_York", "2026-03-08 01:59:59", 1772953199, -18000,
	    "2026-03-08T01:59:59-05:00" },
	{ "America/New_York", "2026-03-08 03:00", 1772953200, -14400,
	    "2026-03-08T03:00:00-04:00" },
};

static void
test_local(void **state)
{
	struct inc_time tv;
	char buf[INC_TIME_LEN];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(local) / sizeof(local[0]); i++) {
		set_tz(local[i].tz);
		if (time_parse(local[i].in, &tv) != 0)
			fail_msg("%s: refused in %s", local[i].in,
			    local[i].tz);
		assert_int_equal(tv.t, local[i].t);
		assert_int_equal(tv.offset, local[i].offset);
		assert_string_equal(time_format(buf, tv), local[i].out);
		/* The written form is the same instant in any zone. */
		set_tz("UTC");
		assert_int_equal(time_parse(buf, &tv), 0);
		assert_int_equal(tv.t, local[i].t);
		assert_int_equal(tv.offset, local[i].offset);
	}
}

static void
test_dst(void **state)
{
	struct inc_time tv = { 42, 7 };

	(void)state;
	set_tz("America/New_York");
	/* 02:00-02:59 on 2026-03-08 does not exist there. */
	assert_int_equal(time_parse("2026-03-08 02:30", &tv), -1);
	assert_int_equal(time_parse("2026-03-08 02:00", &tv), -1);
	assert_int_equal(time_parse("2026-03-08T02:59:59", &tv), -1);
	assert_int_equal(tv.t, 42);
	/* The same wall time with an offset is fine. */
	assert_int_equal(time_parse("2026-03-08T02:30:00-05:00", &tv), 0);
	assert_int_equal(tv.t, 1772955000);
	/*
	 * 01:30 on 2026-11-01 exists twice: the earlier, EDT, whatever was
	 * read before it (mktime(3) follows its last answer).
	 */
	assert_int_equal(time_parse("2026-11-01 01:30", &tv), 0);
	assert_int_equal(tv.t, 1793511000);
	assert_int_equal(tv.offset, -14400);
	assert_int_equal(time_parse("2026-11-01 02:30", &tv), 0);
	assert_int_equal(tv.offset, -18000);
	assert_int_equal(time_parse("2026-11-01 01:30", &tv), 0);
	assert_int_equal(tv.t, 1793511000);
	assert_int_equal(time_parse("2026-11-01 00:59", &tv), 0);
	assert_int_equal(tv.offset, -14400);
	assert_int_equal(time_parse("2026-11-01 01:59:59", &tv), 0);
	assert_int_equal(tv.t, 1793512799);
	/* No DST in Shanghai: the same wall time exists. */
	set_tz("Asia/Shanghai");
	assert_int_equal(time_parse("2026-03-08 02:30", &tv), 0);
	assert_int_equal(tv.t, 1772908200);
}

/* time_wall: once, twice (the earlier), skipped (moved forward). */
static void
test_wall(void **state)
{
	struct inc_time tv;
	char buf[INC_TIME_LEN];
	int moved;

	(void)state;
	set_tz("America/New_York");
	assert_int_equal(time_wall(2026, 3, 8, 2, 30, 0, &tv, &moved),
	    WALL_SKIPPED);
	assert_int_equal(moved, 3600);
	assert_string_equal(time_format(buf, tv), "2026-03-08T03:30:00-04:00");
	assert_int_equal(time_wall(2026, 3, 8, 2, 0, 0, &tv, &moved),
	    WALL_SKIPPED);
	assert_string_equal(time_format(buf, tv), "2026-03-08T03:00:00-04:00");
	assert_int_equal(time_wall(2026, 3, 8, 3, 0, 0, &tv, &moved),
	    WALL_ONCE);
	assert_int_equal(moved, 0);
	assert_string_equal(time_format(buf, tv), "2026-03-08T03:00:00-04:00");
	assert_int_equal(time_wall(2026, 3, 8, 1, 59, 59, &tv, &moved),
	    WALL_ONCE);
	assert_string_equal(time_format(buf, tv), "2026-03-08T01:59:59-05:00");
	/* the same answer after the later instant was asked for */
	assert_int_equal(time_wall(2026, 11, 1, 1, 30, 0, &tv, &moved),
	    WALL_TWICE);
	assert_string_equal(time_format(buf, tv), "2026-11-01T01:30:00-04:00");
	assert_int_equal(time_parse("2026-11-01T01:30:00-05:00", &tv), 0);
	assert_int_equal(time_wall(2026, 11, 1, 1, 30, 0, &tv, &moved),
	    WALL_TWICE);
	assert_string_equal(time_format(buf, tv), "2026-11-01T01:30:00-04:00");
	assert_int_equal(time_wall(2026, 11, 1, 2, 0, 0, &tv, &moved),
	    WALL_ONCE);
	assert_string_equal(time_format(buf, tv), "2026-11-01T02:00:00-05:00");
	/* the southern hemisphere: Sydney goes forward in October */
	set_tz("Australia/Sydney");
	assert_int_equal(time_wall(2026, 10, 4, 2, 15, 0, &tv, &moved),
	    WALL_SKIPPED);
	assert_string_equal(time_format(buf, tv), "2026-10-04T03:15:00+11:00");
	assert_int_equal(time_wall(2026, 4, 5, 2, 15, 0, &tv, &moved),
	    WALL_TWICE);
	assert_string_equal(time_format(buf, tv), "2026-04-05T02:15:00+11:00");
	/* no time */
	assert_int_equal(time_wall(2026, 2, 29, 0, 0, 0, &tv, &moved),
	    WALL_BAD);
	assert_int_equal(time_wall(2026, 1, 1, 24, 0, 0, &tv, &moved),
	    WALL_BAD);
	assert_int_equal(time_wall(1969, 12, 31, 0, 0, 0, &tv, &moved),
	    WALL_BAD);
	set_tz("Asia/Shanghai");
	assert_int_equal(time_wall(2026, 3, 8, 2, 30, 0, &tv, &moved),
	    WALL_ONCE);
	assert_int_equal(tv.t, 1772908200);
}

static void
test_time_local(void **state)
{
	struct inc_time tv;
	char buf[INC_TIME_LEN];

	(void)state;
	set_tz("Asia/Shanghai");
	tv = time_local(1795482900);
	assert_int_equal(tv.t, 1795482900);
	assert_int_equal(tv.offset, 28800);
	assert_string_equal(time_format(buf, tv),
	    "2026-11-24T09:15:00+08:00");
	set_tz("UTC");
	tv = time_local(1795482900);
	assert_int_equal(tv.offset, 0);
	assert_string_equal(time_format(buf, tv),
	    "2026-11-24T01:15:00+00:00");
	set_tz("America/New_York");
	assert_int_equal(time_local(1783180800).offset, -14400);
	assert_int_equal(time_local(1768496400).offset, -18000);
}

static void
test_format_edges(void **state)
{
	struct inc_time tv;
	char buf[INC_TIME_LEN];

	(void)state;
	/* Before 1970 is writable even if not readable. */
	tv.t = -1;
	tv.offset = 0;
	assert_string_equal(time_format(buf, tv),
	    "1969-12-31T23:59:59+00:00");
	/* An offset with seconds (old LMT) is written in UTC instead. */
	tv.t = 0;
	tv.offset = 29143;
	assert_string_equal(time_format(buf, tv),
	    "1970-01-01T00:00:00+00:00");
	/* Extremes are clamped and still fit. */
	tv.t = INT64_MAX;
	tv.offset = 28800;
	assert_string_equal(time_format(buf, tv),
	    "9999-12-31T23:59:59+08:00");
	tv.t = INT64_MIN;
	tv.offset = -3600;
	assert_string_equal(time_format(buf, tv),
	    "0000-01-01T00:00:00-01:00");
	tv.t = 951782400 + 86399;
	tv.offset = 0;
	assert_string_equal(time_format(buf, tv),
	    "2000-02-29T23:59:59+00:00");
}

/*
 * Reading and writing keep the last dates, days and offsets they saw:
 * the table's times in every order of pairs, each read and written
 * right after any other, must come out as they do alone.
 */
static void
test_kept(void **state)
{
	size_t n = sizeof(rfc) / sizeof(rfc[0]), i, j, k;
	struct inc_time tv;
	char buf[INC_TIME_LEN];

	(void)state;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			for (k = 0; k < 3; k++) {
				size_t x = k == 1 ? j : i;

				assert_int_equal(time_parse(rfc[x].in, &tv), 0);
				assert_int_equal(tv.t, rfc[x].t);
				assert_int_equal(tv.offset, rfc[x].offset);
				assert_string_equal(time_format(buf, tv),
				    rfc[x].out);
			}
}

static void
test_now(void **state)
{
	struct inc_time tv;
	time_t before, after;

	(void)state;
	set_tz("Asia/Shanghai");
	assert_int_equal(time_now("2026-11-24T09:15:00+08:00", &tv), 0);
	assert_int_equal(tv.t, 1795482900);
	assert_int_equal(time_now("2026-11-24 09:15", &tv), 0);
	assert_int_equal(tv.t, 1795482900);
	assert_int_equal(time_now("yesterday", &tv), -1);
	assert_int_equal(time_now("", &tv), -1);
	before = time(NULL);
	assert_int_equal(time_now(NULL, &tv), 0);
	after = time(NULL);
	assert_true(tv.t >= before && tv.t <= after);
	assert_int_equal(tv.offset, 28800);
}

static void
test_date(void **state)
{
	struct inc_time tv;

	(void)state;
	set_tz("Asia/Shanghai");
	assert_int_equal(date_parse("2026-11-24", &tv), 0);
	assert_int_equal(tv.t, 1795449600);
	assert_int_equal(tv.offset, 28800);
	set_tz("UTC");
	assert_int_equal(date_parse("2026-11-24", &tv), 0);
	assert_int_equal(tv.t, 1795478400);
	assert_int_equal(tv.offset, 0);
	assert_int_equal(date_parse("2024-02-29", &tv), 0);
	assert_int_equal(date_parse("2027-02-29", &tv), -1);
	assert_int_equal(date_parse("2026-13-01", &tv), -1);
	assert_int_equal(date_parse("2026-11-24 ", &tv), -1);
	assert_int_equal(date_parse("2026-11-24T00:00", &tv), -1);
	assert_int_equal(date_parse("2026-11-4", &tv), -1);
	assert_int_equal(date_parse("1969-12-31", &tv), -1);
	assert_int_equal(date_parse("", &tv), -1);
	assert_int_equal(date_parse(NULL, &tv), -1);
	/* Havana skipped midnight on 2026-03-08: the day starts at 01:00. */
	set_tz("America/Havana");
	assert_int_equal(date_parse("2026-03-08", &tv), 0);
	assert_int_equal(tv.t, 1772946000);
	assert_int_equal(tv.offset, -14400);
}

static const struct {
	const char	*in;
	int64_t		 secs;
	const char	*canon;
} durations[] = {
	{ "0s", 0, "0s" },
	{ "90s", 90, "1m30s" },
	{ "45m", 2700, "45m" },
	{ "2h", 7200, "2h" },
	{ "1h30m", 5400, "1h30m" },
	{ "3d", 259200, "3d" },
	{ "1d2h3m4s", 93784, "1d2h3m4s" },
	{ "1d4s", 86404, "1d4s" },
	{ "24h", 86400, "1d" },
	{ "0d0h0m1s", 1, "1s" },
	{ "007m", 420, "7m" },
	{ "1h90m", 9000, "2h30m" },
	{ "0d", 0, "0s" },
	{ "36525d", 3155760000LL, "36525d" },
	{ "3155760000s", 3155760000LL, "36525d" },
	{ "36524d23h59m60s", 3155760000LL, "36525d" },
};

static const char *bad_durations[] = {
	"", "h", "s", "1", "10", "1m1h", "1s1m", "1h1h", "1h30m30m",
	"1d1d", "99999999999999999999s", "9223372036854775807s",
	"18446744073709551616s", "36526d", "3155760001s", "36525d1s",
	"-1s", "+1s", "1 h", " 1h", "1h ", "1H", "1w", "1y", "1.5h",
	"1hm", "h1", "1h30", "1d2h3m4s5", "1ms", "１h",
};

static void
test_duration(void **state)
{
	char buf[INC_DURATION_LEN];
	int64_t secs;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(durations) / sizeof(durations[0]); i++) {
		secs = -7;
		if (duration_parse(durations[i].in, &secs) != 0)
			fail_msg("refused \"%s\"", durations[i].in);
		assert_int_equal(secs, durations[i].secs);
		assert_string_equal(duration_format(buf, secs),
		    durations[i].canon);
		assert_int_equal(duration_parse(buf, &secs), 0);
		assert_int_equal(secs, durations[i].secs);
	}
	for (i = 0; i < sizeof(bad_durations) / sizeof(bad_durations[0]);
	    i++) {
		secs = -7;
		if (duration_parse(bad_durations[i], &secs) != -1)
			fail_msg("accepted \"%s\"", bad_durations[i]);
		assert_int_equal(secs, -7);
	}
	assert_int_equal(duration_parse(NULL, &secs), -1);
}

static void
test_duration_format(void **state)
{
	static const int64_t trips[] = {
		1, 59, 60, 61, 3599, 3600, 3601, 86399, 86400, 86401,
		90061, 1000000, 3155759999LL, 3155760000LL,
	};
	char buf[INC_DURATION_LEN];
	int64_t secs;
	size_t i;

	(void)state;
	assert_string_equal(duration_format(buf, 5400), "1h30m");
	assert_string_equal(duration_format(buf, 0), "0s");
	assert_string_equal(duration_format(buf, -5400), "-1h30m");
	assert_string_equal(duration_format(buf, -1), "-1s");
	assert_string_equal(duration_format(buf, 90061), "1d1h1m1s");
	assert_string_equal(duration_format(buf, 86460), "1d1m");
	assert_string_equal(duration_format(buf, INT64_MAX),
	    "106751991167300d15h30m7s");
	assert_string_equal(duration_format(buf, INT64_MIN),
	    "-106751991167300d15h30m8s");
	for (i = 0; i < sizeof(trips) / sizeof(trips[0]); i++) {
		duration_format(buf, trips[i]);
		assert_int_equal(duration_parse(buf, &secs), 0);
		assert_int_equal(secs, trips[i]);
	}
}

/* time_date: the date in the time's own offset, either side of 1970. */
static void
test_civil_date(void **state)
{
	static const struct {
		int64_t	t;
		int	offset;
		int64_t	y;
		int	m, d;
	} c[] = {
		{ 0, 0, 1970, 1, 1 },
		{ -1, 0, 1969, 12, 31 },
		{ 1764727200, 8 * 3600, 2025, 12, 3 },	/* 10:00 +08:00 */
		{ 1764694799, 8 * 3600, 2025, 12, 3 },	/* 00:59:59 local */
		{ 1764694799, -5 * 3600, 2025, 12, 2 },
		{ 951782400, 0, 2000, 2, 29 },		/* a leap day */
		{ -62167219200LL, 0, 0, 1, 1 },		/* year 0 */
		{ 253402300799LL, 0, 9999, 12, 31 },
	};
	struct inc_time t;
	int64_t y;
	int m, d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		t.t = c[i].t;
		t.offset = c[i].offset;
		time_date(t, &y, &m, &d);
		if (y != c[i].y || m != c[i].m || d != c[i].d)
			fail_msg("case %zu: %lld-%d-%d", i, (long long)y, m, d);
	}
}

/*
 * time_lead: a time, then free text after a blank; the same answer for
 * every program (escalate's met, the day report's times, a step done).
 */
static void
test_time_lead(void **state)
{
	static const struct {
		const char	*v;
		int		 rc;
		int		 end;	/* bytes of the time */
	} t[] = {
		{ "2026-11-24T10:15:00+08:00", 0, 25 },
		{ "2026-11-24T10:15:00+08:00 by phone", 0, 25 },
		{ "2026-11-24T10:15:00+08:00\tby phone", 0, 25 },
		{ "2026-11-24T10:15:00+08:00\n+ by phone", 0, 25 },
		{ "2026-11-24T10:15:00+08:00   ", 0, 25 },
		{ "2026-11-24 10:15", 0, 16 },
		{ "2026-11-24 10:15 by chen", 0, 16 },
		{ "2026-11-24 10:15\tchen", 0, 16 },
		{ "2026-11-24T02:15:00Z police desk", 0, 20 },
		{ "2026-11-24T10:15:00.250+08:00 x", 0, 29 },
		{ "2026-11-24", -1, 0 },
		{ "2026-11-24 by chen", -1, 0 },
		{ "yes", -1, 0 },
		{ "", -1, 0 },
		{ " 2026-11-24T10:15:00+08:00", -1, 0 },
		{ "by phone 2026-11-24 10:15", -1, 0 },
		{ "2026-11-24T10:15:00+08:00x", -1, 0 },
		{ "2026-11-24T10:15:00+08:00x by phone", -1, 0 },
	};
	struct inc_time tm;
	const char *end;
	size_t i;

	(void)state;
	set_tz("Asia/Shanghai");	/* the local forms: +08:00 */
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		print_message("# %s\n", t[i].v);
		end = NULL;
		assert_int_equal(time_lead(t[i].v, strlen(t[i].v), &tm, &end),
		    t[i].rc);
		if (t[i].rc == 0) {
			assert_int_equal(tm.t, 1795486500);
			assert_ptr_equal(end, t[i].v + t[i].end);
		} else
			assert_null(end);
	}
	/* len bounds the value, and a NUL anywhere in it makes it no time */
	assert_int_equal(time_lead("2026-11-24 10:15 x", 10, &tm, NULL), -1);
	assert_int_equal(time_lead("2026-11-24 10:15\0 junk", 23, &tm, &end),
	    -1);
	assert_int_equal(time_lead("2026-11-24 10:15 by\0", 20, &tm, &end), -1);
	assert_int_equal(time_lead("2026-11-24 10:15 by\0", 19, &tm, &end), 0);
	assert_int_equal(tm.t, 1795486500);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_civil_date),
		cmocka_unit_test(test_rfc3339),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_parse_n),
		cmocka_unit_test(test_local),
		cmocka_unit_test(test_dst),
		cmocka_unit_test(test_wall),
		cmocka_unit_test(test_time_local),
		cmocka_unit_test(test_format_edges),
		cmocka_unit_test(test_kept),
		cmocka_unit_test(test_now),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_duration),
		cmocka_unit_test(test_duration_format),
		cmocka_unit_test(test_time_lead),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
