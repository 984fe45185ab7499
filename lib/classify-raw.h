/*
 * classify-raw.h - inc-classify --raw: alert lines in, incident records
 * out.  Each line is parsed (alert.h), scanned by the plan's detection
 * rules (classify_alert_scan), and the alerts grouped into incidents
 * (group.h) whose records are written to standard output or appended
 * to a record file under its lock (append.h); with all, every line is
 * a record of its own and nothing is grouped.
 */
#ifndef INC_CLASSIFY_RAW_H
#define INC_CLASSIFY_RAW_H

#include <stdbool.h>
#include <stddef.h>

#include "classify.h"
#include "timeutil.h"

struct classify_raw_opts {
	bool		 all;		/* --all: a record per line */
	bool		 stats;		/* --stats: counts on stderr */
	double		 hold;		/* --hold: seconds, live input */
	size_t		 max_open;	/* --max-open: groups at once */
	const char	*append;	/* --append FILE, or NULL */
	long		 wait;		/* --wait: seconds for its lock */
	struct inc_time	 now;		/* --now, or the clock */
	bool		 now_given;	/* --now was given: alerts' years */
};

/*
 * The alert lines of the files named (none, or "-": standard input),
 * read as inc-classify --raw does, with cl's plan and matcher.  Returns
 * the exit status: 0, 1 when an incident of level I or II was written,
 * 2 (EXIT_TROUBLE) after a message.
 */
int	classify_raw(struct inc_classifier *cl,
	    const struct classify_raw_opts *, int argc, char *argv[]);

#endif
