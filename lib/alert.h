/*
 * alert.h - one raw alert line (syslog, WAF, antivirus, monitoring) read
 * as the fields of a new record: when it was detected, where it came
 * from, what it says; and the stable ids of incidents.
 */
#ifndef INC_ALERT_H
#define INC_ALERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timeutil.h"

struct inc_alert {
	struct inc_time	 detected;	/* the line's time, else now */
	bool		 dated;		/* the line had a timestamp */
	const char	*host;		/* syslog host, or NULL */
	size_t		 hostlen;
	const char	*tag;		/* syslog tag without [pid], or NULL */
	size_t		 taglen;
	const char	*msg;		/* the message, trimmed */
	size_t		 msglen;
};

/* The clock of alert_parse: now, and its year in $TZ. */
struct alert_clock {
	struct inc_time	 now;
	int		 year;
};

void	alert_clock_set(struct alert_clock *, struct inc_time now);

/*
 * Read a line (no newline; len bytes).  A leading timestamp is one of
 *	2026-11-24T09:15:00+08:00	RFC 3339 (fraction dropped)
 *	2026-11-24 09:15[:SS]		local, in the zone of $TZ
 *	Nov 24 09:15:00			syslog, after an optional <PRI>:
 *					the year of now in $TZ, or the year
 *					before when that would put it more
 *					than a day after now
 * After a syslog or RFC 3339 timestamp, "host tag[pid]:", "tag[pid]:"
 * or "host" (a word of [A-Za-z0-9._-] with more after it) gives host
 * and tag.  The rest is the message; a line that is nothing
 * but header is its own message.  Returns 0, or -1 when the line is
 * blank (no alert).  Pointers point into line.
 */
int	alert_parse(const char *line, size_t len, const struct alert_clock *,
	    struct inc_alert *);

#define INC_ID_LEN	32

/*
 * "inc-20261124-3f9a2c1b07de": the date of when (in its own offset) and
 * 48 bits of a hash of the ordinal and the bytes.  The ordinal (the
 * line's or record's position in the whole input, from 1) makes
 * identical lines distinct; the same input gives the same ids.
 */
char	*inc_id(char buf[INC_ID_LEN], const char *bytes, size_t len,
	    uint64_t ordinal, struct inc_time when);

#endif
