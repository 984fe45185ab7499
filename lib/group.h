/*
 * group.h - alerts folded into incidents (DESIGN 5 step 3, inc-plan(5)
 * GROUPING): alerts of the same rule and key within the rule's window
 * of each other are one incident; a rule with a threshold makes an
 * incident only once threshold of its alerts (or of distinct values of
 * its distinct field) fall within one window.
 *
 * Time is the alerts' own (detected): the same input gives the same
 * incidents whenever it is read.  A group is closed, and its incident
 * handed to the emit function, when an alert of its key comes more than
 * a window after the last, when the latest alert time read passes its
 * window (group_expire), when the cap on open groups makes room
 * (the oldest first, with a warning), or at the end (group_close_all).
 * A live input also has incidents handed out before they close
 * (group_due): no later than hold seconds after the threshold is
 * reached, and again when more alerts came, at most once a hold.
 *
 * Memory: at most max_open groups; one below its threshold holds a
 * copy of each alert line still in its window (at most threshold), one
 * at or above it the first GROUP_HEAD lines and the last.
 */
#ifndef INC_GROUP_H
#define INC_GROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "match.h"
#include "timeutil.h"

#define GROUP_HEAD	3	/* first alert lines an incident keeps */
#define GROUP_MAX_OPEN	10000	/* open groups, by default */

/* An alert, as the grouping takes it: what the caller read and matched. */
struct group_alert {
	const struct inc_match *match;		/* subtype set, not ignore */
	struct inc_time	 detected;
	struct inc_time	 received;
	const char	*host, *source;		/* or NULL */
	size_t		 hostlen, sourcelen;
	const char	*line;			/* the whole line */
	size_t		 len;
	double		 seen;			/* live: monotonic seconds
						 * when read; else 0 */
};

/* An incident, as the emit function gets it (valid during the call). */
struct group_incident {
	const char	*rule;			/* the rule's id */
	const struct inc_rule *def;		/* or NULL (keywords) */
	uint64_t	 alerts;
	struct inc_time	 first, last;		/* detected, last_seen */
	struct inc_time	 received;		/* of the first alert */
	const char	*lines[GROUP_HEAD + 1];	/* first ones, then the last */
	size_t		 lens[GROUP_HEAD + 1];
	size_t		 nlines;
	bool		 update;		/* handed out before (live) */
	bool		 early;			/* closed by the cap */
};

/* Returns 0, or -1 to stop (after a message). */
typedef int group_emit_fn(const struct group_incident *, void *ctx);

struct group_stats {
	uint64_t	 alerts;	/* alerts taken */
	uint64_t	 incidents;	/* incidents handed out (first time) */
	uint64_t	 below;		/* alerts of no incident: under the
					 * threshold when their window passed */
	uint64_t	 early;		/* groups closed by the cap */
};

struct grouping;

/* NULL when out of memory.  window_default: for keyword rules. */
struct grouping	*grouping_new(size_t max_open, long window_default,
		    group_emit_fn *, void *ctx);
void		 grouping_free(struct grouping *);

/* Fold in an alert; 0, or -1 (out of memory, or emit said stop). */
int		 group_add(struct grouping *, const struct group_alert *);

/* Close every group whose window has passed in the alerts' time. */
int		 group_expire(struct grouping *);

/* Live: the hold, in seconds (0 until set: at once). */
void		 grouping_hold(struct grouping *, double hold);

/*
 * Live: at now (a monotonic count of seconds, as group_alert's seen),
 * hand out what is due (see above), and close groups whose window has
 * passed since their last alert was read.  Returns the milliseconds
 * until something is next due (-1: nothing), or -2 when emit said stop.
 * Cheap when nothing is due: call it as often as you like.
 */
long		 group_due(struct grouping *, double now);

/* The end of input: every group closed, the oldest first. */
int		 group_close_all(struct grouping *);

const struct group_stats *group_stats(const struct grouping *);

#endif
