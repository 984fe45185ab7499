/*
 * obligation.h - the reporting obligations of the plan (DESIGN section 3)
 * checked against a clock.  inc-escalate and inc-report both use this: a
 * state is computed here and nowhere else.  Every name starts ob_: ob_*
 * on one obligation and a record, ob_state_* on a state, ob_fields_* on
 * every obligation at once.
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
/* "late" -> OB_LATE; 0, or -1 for no such state. */
int		 ob_state_parse(const char *, enum ob_state *);

/*
 * The time in a done field ("reported: ..."): a time as time_parse reads
 * it, alone or followed by a blank, a TAB or a line break and free text
 * ("... by phone"; time_lead, the one reader every program uses).  A
 * value without a time ("yes") is -1: when it was done decides met or
 * late, so it must be written.
 */
int		 ob_time(const char *value, struct inc_time *);

/*
 * The record's level: 1 with *lv set, 0 when it has no level field, -1
 * when the field is not I, II, III or IV (*lv is LEVEL_NONE then).
 */
int		 ob_record_level(const struct inc_record *,
		    enum inc_level *);

/*
 * Does the obligation apply to the record?  One without levels applies
 * to every incident; one with levels only when the record's level is
 * one of them (a missing or unreadable level: no).
 */
bool		 ob_applies(const struct inc_obligation *,
		    const struct inc_record *);

/*
 * The state of one obligation for one record at now.  Returns 0, or -1
 * when a time field it needs cannot be read (*bad names the field).
 * Comparisons are to the second: done exactly on the deadline is met,
 * now exactly on the deadline is still pending.
 *
 * The deadline is the obligation's "after" field plus "within" (that
 * field missing is an error: the clock has no start), or its "before"
 * field (missing: no deadline yet, has_deadline false).  Done (its field
 * holds a time): met, or late when after the deadline.  Not done: missed
 * when the record has a "closed" time, else overdue when now is past the
 * deadline, else pending.  *bad names a field that is needed but absent
 * (record_get gives NULL) or not a time.
 */
int		 ob_state_of(const struct inc_obligation *,
		    const struct inc_record *, struct inc_time now,
		    struct ob_status *, const char **bad);
/*
 * Why a field named by *bad was refused, given the field: "not a time",
 * or, for a time read, "a deadline counted from it is past 9999-12-31"
 * (it is not written clamped).  NULL for an absent field (it NULL).
 */
const char	*ob_bad_why(const struct inc_item *it);

/*
 * Every obligation of the plan against record after record: the fields
 * they read (closed, level, and each obligation's after or before and
 * its own field) found in one pass over the record, each time read once.
 * A filter that checks all of them for each record would otherwise look
 * up detected four times and closed five.  The answers are those of the
 * functions above, whose rules they share.
 *
 * ob_fields_new once for a plan (NULL: out of memory), with any other
 * fields the caller wants found in the same pass; then, per record,
 * ob_fields_read (or ob_fields_read_raw on a paragraph's bytes, holding no
 * NUL as the loop's answers do: false when record_raw_values cannot say,
 * and the record must be parsed), then ask.
 * Obligation i is the plan's obligations[i]; ob_fields_extra gives the
 * value of extra[j] (NULL: no such field) as record_get would, its length
 * in *len (not NUL-terminated when read from bytes).
 */
struct ob_fields;

struct ob_fields *ob_fields_new(const struct inc_plan *,
		    const char *const *extra, size_t nextra);
void		 ob_fields_free(struct ob_fields *);
void		 ob_fields_read(struct ob_fields *, const struct inc_record *);
bool		 ob_fields_read_raw(struct ob_fields *,
		    const struct raw_para *);
const char	*ob_fields_extra(const struct ob_fields *, size_t j,
		    size_t *len);
bool		 ob_fields_closed(const struct ob_fields *);	/* has closed */
int		 ob_fields_level(const struct ob_fields *, enum inc_level *);
bool		 ob_fields_applies(const struct ob_fields *, size_t i);
int		 ob_fields_state(struct ob_fields *, size_t i,
		    struct inc_time now, struct ob_status *, const char **bad);

#endif
