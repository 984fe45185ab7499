/*
 * obligation.h - the reporting obligations of the plan (DESIGN section 3)
 * checked against a clock.  inc-escalate and inc-report both use this: a
 * state is computed here and nowhere else.
 */
#ifndef INC_OBLIGATION_H
#define INC_OBLIGATION_H

#include <stdbool.h>

#include "plan.h"
#include "record.h"
#include "timeutil.h"

enum ob_state {
	OB_MET,		/* done by the deadline */
	OB_LATE,	/* done after it: 迟报 */
	OB_PENDING,	/* not done, not yet due */
	OB_OVERDUE,	/* not done, past due */
	OB_MISSED	/* incident closed and never done: 漏报 */
};

struct ob_status {
	const struct inc_obligation *ob;
	enum ob_state	 state;
	bool		 has_deadline;	/* false: "-" (e.g. no closed yet) */
	struct inc_time	 deadline;
	bool		 done;
	struct inc_time	 done_at;	/* when done */
};

const char	*ob_state_name(enum ob_state);	/* "met", "late", ... */

/* Does the obligation apply to the record (levels)? */
bool		 obligation_applies(const struct inc_obligation *,
		    const struct inc_record *);

/*
 * The state of one obligation for one record at now.  Returns 0, or -1
 * when a time field it needs cannot be read (*bad names the field).
 * Comparisons are to the second: done exactly on the deadline is met,
 * now exactly on the deadline is still pending.
 */
int		 obligation_state(const struct inc_obligation *,
		    const struct inc_record *, struct inc_time now,
		    struct ob_status *, const char **bad);

#endif
