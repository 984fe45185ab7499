/*
 * notice.h - one notice for one obligation of one incident: who must be
 * told (the plan's organisation, 二), how to reach them, by when; for
 * the duty officer (text, zh or en) and for mail and SMS gateways (tsv).
 */
#ifndef INC_NOTICE_H
#define INC_NOTICE_H

#include <stdbool.h>
#include <stdio.h>

#include "alert-span.h"
#include "obligation.h"
#include "plan.h"
#include "record.h"
#include "roster.h"
#include "timeutil.h"

enum notice_format { NOTICE_TEXT, NOTICE_TSV };

struct notice {
	const struct inc_plan	*plan;
	const struct inc_record	*rec;	/* id, title; file and line */
	const struct ob_status	*st;
	struct inc_time		 now;	/* times are shown in its offset */
	const struct duty_officer *duty; /* from the roster, or NULL */
	enum inc_lang		 lang;
	const struct alert_span	*alerts; /* made from alerts: how many,
					 * first and last seen, the
					 * address; NULL or none: a
					 * person's record */
};

/* Is this state one a notice is written for: pending, overdue, late. */
bool		 notice_wanted(enum ob_state);

/* "逾期" / "overdue": a state for people. */
const char	*ob_state_label(enum ob_state, enum inc_lang);

/*
 * The person to name for a unit: its member with role "head", else
 * "director", else its first member; NULL when it lists none.
 */
const struct inc_person *notice_person(const struct inc_unit *);

/*
 * The phones that reach a unit: its own, else those of its contact unit
 * (and so on, a few steps at most).  Returns the unit whose phones they
 * are (u itself, or a contact), or NULL when none has a phone.
 */
const struct inc_unit *notice_reach(const struct inc_unit *);

/*
 * Seconds past the deadline: now - deadline while not done (negative:
 * time left), done - deadline when done.  False when there is no
 * deadline.
 */
bool		 notice_delta(const struct ob_status *, struct inc_time now,
		    int64_t *);

/*
 * Write the notice.  Text: one line for people, record text made safe
 * for a terminal; an incident made from alerts says how many, from
 * where, first and last seen (alert_span_phrase) after its title.  Tsv:
 * one line, the columns of inc-escalate(1), tabs and line breaks in
 * values made spaces.  0, or -1 on a write error.
 */
int		 notice_write(FILE *, const struct notice *,
		    enum notice_format);

#endif
