/*
 * logtime.h - the time a log line carries, in the forms programs write
 * (inc-classify(1), TIMES): RFC 3339 and ISO 8601, syslog, Apache and
 * nginx error and access logs, Suricata, epoch seconds.
 */
#ifndef INC_LOGTIME_H
#define INC_LOGTIME_H

#include <stdbool.h>
#include <stddef.h>

#include "timeutil.h"

/* The clock of a line: now, and its year in $TZ. */
struct alert_clock {
	struct inc_time	 now;
	int		 year;
	bool		 fixed;		/* --now: never read again */
	char		 text[INC_TIME_LEN];	/* now, formatted */
};

enum logtime_form {
	LT_NONE,
	LT_ISO,		/* 2026-11-24 09:15:00[,747] [+08:00], local or not */
	LT_RFC3339,	/* 2026-11-24T09:15:00[.003](Z|+08:00): a header may
			 * follow, as rsyslog writes it */
	LT_SYSLOG,	/* Nov 24 09:15:00 */
	LT_APACHE,	/* [Sun Dec 04 04:47:44[.123456] 2005] */
	LT_CLF,		/* host ident user [03/Dec/2026:10:00:00 +0800] */
	LT_NGINX,	/* 2026/11/24 09:15:00 */
	LT_SURICATA,	/* 11/24/2026-09:15:00.123456 */
	LT_EPOCH	/* [1732412100] */
};

struct logtime {
	enum logtime_form form;
	struct inc_time	 t;
	size_t		 end;	/* the first byte after the time */
	/* a local time: how it was resolved (timeutil.h, time_wall) */
	int		 wall;	/* WALL_ONCE, WALL_TWICE or WALL_SKIPPED */
	int		 moved;	/* WALL_SKIPPED: seconds moved forward */
	int		 fields[6];	/* the wall time as read: Y M D h m s */
};

/*
 * The time at s[i] (len bytes in all) in one of the forms above, or
 * for LT_CLF after the first three or four words of the line (i is
 * then 0).  Returns 0 and fills *lt, or -1 when there is none there.
 * Fractions of a second are dropped.  A time without an offset is
 * local, in $TZ; a syslog date takes the year that puts it nearest the
 * clock but never more than a day after it.
 */
int	logtime_read(const char *s, size_t i, size_t len,
	    const struct alert_clock *, struct logtime *);

#endif
