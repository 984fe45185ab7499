/*
 * procedure.h - the response procedures of the plan (四) and the progress
 * of their steps kept in a record ("step: <procedure>.<n> <time> [who]").
 */
#ifndef INC_PROCEDURE_H
#define INC_PROCEDURE_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"
#include "record.h"
#include "timeutil.h"

/*
 * The procedures the plan routes a category and subtype to (subtype may
 * be NULL), most specific route first; the plan's fallback when none.
 * A route for the subtype wins over one for the whole category; among
 * routes equally specific the first in the plan wins.  A NULL category
 * (a record not yet classified) gets the fallback.  Fills at most max,
 * returns how many there are.
 */
size_t		 procedure_route(const struct inc_plan *,
		    const struct inc_category *, const struct inc_subtype *,
		    const struct inc_procedure **out, size_t max);

/* Step n of a procedure, or NULL when it has none of that number. */
const struct inc_step *procedure_step(const struct inc_procedure *, int n);

/* A step field's value, parsed. */
struct step_done {
	const struct inc_procedure *proc;
	int		 n;
	struct inc_time	 at;
	const char	*who;		/* may be empty */
	size_t		 wholen;
};

/*
 * Parse "network-attack.3 2026-11-24T09:15:00+08:00 chen" (the time may
 * also be "2026-11-24 09:15", read in $TZ; who is the rest, may be
 * empty).  0 or -1.  who points into value.
 */
int		 step_parse(const struct inc_plan *, const char *value,
		    struct step_done *);
/* Same; on -1, *why (when not NULL) says what is wrong. */
int		 step_parse_why(const struct inc_plan *, const char *value,
		    struct step_done *, const char **why);

/*
 * Parse a --done item: "3" (procedure from dflt, which may be NULL) or
 * "network-attack.3".  0, or -1 with *why.  *proc is NULL when the item
 * is a bare number and dflt is NULL: the record must say which.
 */
int		 step_ref_parse(const struct inc_plan *, const char *item,
		    const struct inc_procedure *dflt,
		    const struct inc_procedure **proc, int *n,
		    const char **why);

/* Is step n of proc recorded done in the record? */
bool		 step_is_done(const struct inc_plan *,
		    const struct inc_record *, const struct inc_procedure *,
		    int n);

/* The first step field saying step n of proc is done, parsed; or false. */
bool		 step_find(const struct inc_plan *, const struct inc_record *,
		    const struct inc_procedure *, int n, struct step_done *);

/*
 * The progress of one procedure in one pass over the record: done[i]
 * tells whether proc->steps[i] is recorded done, and at[i] (when not
 * NULL) is the first step field that says so.  Returns the steps left.
 */
size_t		 step_progress(const struct inc_plan *,
		    const struct inc_record *, const struct inc_procedure *,
		    bool *done, struct step_done *at);

/*
 * Record step n of proc done at t by who (NULL or "": nobody named), as
 * a step field at the end, unless it is already recorded.  Returns 1
 * when added, 0 when it was there, -1 when out of memory.
 */
int		 step_add(const struct inc_plan *, struct inc_record *,
		    const struct inc_procedure *, int n, struct inc_time t,
		    const char *who);

/* The steps of the record's procedures not yet done. */
size_t		 steps_left(const struct inc_plan *,
		    const struct inc_record *);

/* What is wrong with a record's procedures, and where. */
struct proc_trouble {
	long		 line;		/* the field at fault, else the record */
	char		 msg[256];
};

/*
 * The procedures that apply to a record: those its procedure fields name
 * (one id or several per field, separated by spaces or commas; a
 * person's choice),
 * else those the plan routes its category and subtype to.  Fills at most
 * max (plan->nprocedures is always enough: no procedure twice), returns
 * how many, or -1 with *why when a procedure, category or subtype id is
 * not in the plan.  *from_fields tells where they came from.
 */
int		 record_procedures(const struct inc_plan *,
		    const struct inc_record *, const struct inc_procedure **out,
		    size_t max, bool *from_fields, struct proc_trouble *why);

/* The procedures the plan routes the record to, ignoring its fields. */
int		 record_route(const struct inc_plan *,
		    const struct inc_record *, const struct inc_procedure **out,
		    size_t max, struct proc_trouble *why);

#endif
