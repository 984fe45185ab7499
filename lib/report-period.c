/*
 * report-period.c - the day report's period: --day DATE, or yesterday,
 * as the half-open [since, until) of local midnights in $TZ, across DST
 * changes and days a zone skipped.  Calendar arithmetic only: it needs
 * nothing of the report's data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"

/* The calendar date d days after y-m-d, by timegm's normalisation. */
static void
date_add(int *y, int *m, int *d, int days)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = *y - 1900;
	tm.tm_mon = *m - 1;
	tm.tm_mday = *d + days;
	tm.tm_hour = 12;
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

/* "2026-11-24", a day of the calendar (years 1970..9999), taken apart. */
static int
civil_date(const char *s, int *y, int *m, int *d)
{
	static const char digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
	int yy, mm, dd;
	size_t i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < sizeof(digits); i++)
		if (s[(int)digits[i]] < '0' || s[(int)digits[i]] > '9')
			return -1;
	*y = yy = atoi(s);
	*m = mm = atoi(s + 5);
	*d = dd = atoi(s + 8);
	date_add(&yy, &mm, &dd, 0);	/* February 30 becomes March 2 */
	return yy >= 1970 && yy <= 9999 && yy == *y && mm == *m && dd == *d ?
	    0 : -1;
}

/*
 * The midnight (or first moment) of y-m-d in $TZ, else of the first day
 * after it that the zone has: Pacific/Apia skipped 2011-12-30, so the
 * day after 2011-12-29 ends at the midnight of 2011-12-31.  A zone
 * skips one day at most; a few are tried.
 */
static int
day_start_from(int y, int m, int d, int step, struct inc_time *t)
{
	char buf[16];
	int i;

	for (i = 0; i < 3; i++, date_add(&y, &m, &d, step)) {
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
		if (date_parse(buf, t) == 0)
			return 0;
	}
	return -1;
}

int
report_day_period(const char *date, struct inc_time now,
    struct inc_time *since, struct inc_time *until)
{
	struct inc_time local;
	struct tm tm;
	time_t t;
	int y, m, d;

	if (date == NULL) {
		local = time_local(now.t);
		t = (time_t)(local.t + local.offset);
		gmtime_r(&t, &tm);
		y = tm.tm_year + 1900;
		m = tm.tm_mon + 1;
		d = tm.tm_mday;
		date_add(&y, &m, &d, -1);
		/* Yesterday, or the day before it the zone has. */
		if (day_start_from(y, m, d, -1, since) == -1)
			return -1;
		t = (time_t)(since->t + since->offset);
		gmtime_r(&t, &tm);
		y = tm.tm_year + 1900;
		m = tm.tm_mon + 1;
		d = tm.tm_mday;
	} else {
		if (civil_date(date, &y, &m, &d) == -1)
			return -1;
		if (date_parse(date, since) == -1)
			return REPORT_NO_SUCH_DAY;
	}
	date_add(&y, &m, &d, 1);
	return day_start_from(y, m, d, 1, until);
}
