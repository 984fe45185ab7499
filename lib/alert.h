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

#include "logtime.h"
#include "timeutil.h"

#define ALERT_NOTE_LEN	128

struct inc_alert {
	struct inc_time	 detected;	/* the line's time, else received */
	struct inc_time	 received;	/* when it was read: the clock */
	const char	*received_text;	/* formatted, in the clock */
	bool		 dated;		/* the line had a timestamp */
	const char	*note;		/* why detected is not simply the
					 * line's time, or NULL */
	const char	*host;		/* syslog host, or NULL */
	size_t		 hostlen;
	const char	*tag;		/* syslog tag without [pid], or the
					 * RFC 5424 app-name, or NULL */
	size_t		 taglen;
	const char	*msg;		/* the message, trimmed */
	size_t		 msglen;
	char		 notebuf[ALERT_NOTE_LEN];
};

/* The clock at now; fixed (--now) or read again by alert_clock_tick. */
void	alert_clock_set(struct alert_clock *, struct inc_time now, bool fixed);

/*
 * A clock not fixed is read again: each alert of a live input (tail -F)
 * is received when it is read, not when the program started.  0, or -1
 * when the system clock cannot be read (the clock stays as it was).
 */
int	alert_clock_tick(struct alert_clock *);

/*
 * Read a line (no newline; len bytes).  After an optional <PRI> (and
 * RFC 5424's version "1"), the time is one of logtime.h's forms; the
 * common log format's is found after the client's words.  After a
 * syslog or RFC 3339 time, "host tag[pid]:", "tag[pid]:" or "host" (a
 * word of [A-Za-z0-9._-] with more after it) gives host and tag; a tag
 * may hold parentheses and, before "[pid]", blanks ("sshd(pam_unix)
 * [19939]:" without the blank, "Microsoft Word[14463]:").  After RFC
 * 5424's time (or its "-"), host, app-name (the tag), procid, msgid and
 * structured data come before the message.  An access log line is its
 * own message; otherwise the message is what follows the header, and a
 * line that is nothing but header is its own message.  A line without
 * a time is detected when received, and note says so; a local time
 * that exists twice or not at all (a DST change) has a note too.
 * Returns 0, or -1 when the line is blank (no alert).  Pointers point
 * into line (note into a, received_text into the clock).
 */
int	alert_parse(const char *line, size_t len, const struct alert_clock *,
	    struct inc_alert *);

/*
 * Bytes that are not UTF-8 made visible, for a record value: each
 * written "\xFF" (a backslash, x, two upper-case hex digits); valid
 * UTF-8 is copied as it is.  At most cap bytes are written, never part
 * of a character or of an escape; the bytes written are returned.
 * alert_utf8_valid says whether there is anything to do.
 */
bool	alert_utf8_valid(const char *s, size_t len);
size_t	alert_visible(char *dst, size_t cap, const char *s, size_t len);

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
