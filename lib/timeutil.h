/*
 * timeutil.h - timestamps and durations of inc-record(5).
 *
 * A time is seconds since the epoch plus the UTC offset it was written
 * with, so that a value read as +08:00 is written back as +08:00.
 */
#ifndef INC_TIMEUTIL_H
#define INC_TIMEUTIL_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

struct inc_time {
	int64_t	t;		/* seconds since 1970-01-01T00:00:00Z */
	int	offset;		/* seconds east of UTC */
};

#define INC_TIME_LEN	32	/* room for any formatted time */
#define INC_DURATION_LEN 32

/*
 * Parse "2026-11-24T09:15:00+08:00", "...Z", "...T09:15:00.250+08:00"
 * (fraction dropped), or "2026-11-24 09:15[:SS]" / "2026-11-24T09:15[:SS]"
 * without an offset, read in the zone of $TZ.  The whole string must be
 * the time, no trailing bytes.  Returns 0, or -1 if it is not a valid time
 * (month 13, February 30, hour 24, offset over 18h, year outside
 * 1970..9999 are all invalid).
 *
 * Exactly: a 4-digit year, 2-digit fields; 'T', 't' or a space between
 * date and time in either form; seconds required with an offset,
 * optional without; a fraction only after seconds; "Z", "z" or
 * "+HH:MM"/"-HH:MM" ("-00:00" is UTC).  Leap seconds (:60) are refused.
 * A local time that does not exist in $TZ (skipped when clocks go
 * forward, e.g. 2026-03-08 02:30 in America/New_York) is refused; one
 * that exists twice (2026-11-01 01:30 there) is the earlier of the two
 * instants, whatever was read before.  A time with an offset never
 * depends on $TZ.
 */
int	time_parse(const char *s, struct inc_time *);
/* Same, for len bytes that need not be NUL-terminated. */
int	time_parse_n(const char *s, size_t len, struct inc_time *);

/*
 * A wall time in the zone of $TZ, the same whatever was read before:
 * WALL_ONCE when it exists once; WALL_TWICE when it exists twice (clocks
 * going back), the earlier instant taken; WALL_SKIPPED when it does not
 * exist (clocks going forward), moved forward by the gap, *moved the
 * seconds it moved; WALL_BAD for fields that are no time (February 30,
 * hour 24, year outside 1970..9999).
 */
enum { WALL_BAD = -1, WALL_ONCE, WALL_TWICE, WALL_SKIPPED };
int	time_wall(int year, int mon, int mday, int hour, int min, int sec,
	    struct inc_time *, int *moved);

/*
 * The time of those fields at a UTC offset (seconds east, within 18
 * hours): 0, or -1 for fields that are no time, as time_wall.
 */
int	time_at_offset(int year, int mon, int mday, int hour, int min,
	    int sec, int offset, struct inc_time *);

/* The proleptic Gregorian date of t in its own offset. */
void	time_date(struct inc_time t, int64_t *year, int *mon, int *mday);

/*
 * "2026-11-24T09:15:00+08:00" (an offset of 0 is written "+00:00"),
 * always INC_TIME_TEXT bytes and a NUL.  An offset that is not whole
 * minutes is written as UTC instead; instants outside years 0000..9999
 * are clamped.
 */
#define INC_TIME_TEXT	25
char	*time_format(char buf[INC_TIME_LEN], struct inc_time);
/*
 * Does time_format write tv as it is (years 0000..9999 in its offset)?
 * A time computed past them (a deadline after 9999-12-31) is refused by
 * its caller rather than written clamped.
 */
bool	time_writable(struct inc_time);

/* t seen in the zone of $TZ, with that zone's offset at that moment. */
struct inc_time time_local(int64_t t);

/*
 * The clock: "--now TIME" when given (any form time_parse reads), else
 * the current time in $TZ.  Returns 0, or -1 for an unreadable TIME.
 */
int	time_now(const char *opt, struct inc_time *);

/*
 * A calendar date "2026-11-24": its midnight in $TZ (or the day's first
 * moment, where clocks skip midnight).  0 or -1.
 */
int	date_parse(const char *s, struct inc_time *);

/*
 * Durations: "90s", "45m", "2h", "1h30m", "3d", "1d2h3m4s" (units in
 * descending order, each once, at least one).  0 or -1.  No sign, no
 * spaces; more than 100 years (36525d) is refused, so no input can
 * overflow.
 */
int	duration_parse(const char *s, int64_t *secs);
/* Shortest such text: 5400 -> "1h30m", 0 -> "0s"; negative gets "-". */
char	*duration_format(char buf[INC_DURATION_LEN], int64_t secs);

/*
 * The time at the start of a value, then free text: "2026-11-24T09:30:00
 * +08:00 by phone", "2026-11-24 09:30<TAB>chen", or the time alone.  The
 * time is the longest prefix of s (len bytes) that ends before a blank
 * (space, TAB, newline, CR) or at the end, blanks at the end aside, and
 * reads as a time_parse_n time (a local time holds a blank itself).  0
 * with *t set and, when end is not NULL, *end just past the time; -1
 * when the value does not start with a time or holds a NUL anywhere
 * (record-nul.h: "time\0junk" is not the value recutils sees).  The one
 * reader of such values: every program counts the same ones as met.
 */
int	time_lead(const char *s, size_t len, struct inc_time *t,
	    const char **end);

/*
 * Seconds of a clock that only goes forward (CLOCK_MONOTONIC), for
 * deadlines and holds that a change of the wall clock must not move.
 */
double	time_monotonic(void);

/* What a "not a time" message shows a person the forms by. */
#define INC_TIME_EXAMPLE \
	"like 2026-11-24T09:15:00+08:00 or 2026-11-24 09:15"

#endif
