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
 * Fills at most max, returns how many there are.
 */
size_t		 procedure_route(const struct inc_plan *,
		    const struct inc_category *, const struct inc_subtype *,
		    const struct inc_procedure **out, size_t max);

/* A step field's value, parsed. */
struct step_done {
	const struct inc_procedure *proc;
	int		 n;
	struct inc_time	 at;
	const char	*who;		/* may be empty */
	size_t		 wholen;
};

/* Parse "network-attack.3 2026-11-24T09:15:00+08:00 chen".  0 or -1. */
int		 step_parse(const struct inc_plan *, const char *value,
		    struct step_done *);

/* Is step n of proc recorded done in the record? */
bool		 step_is_done(const struct inc_plan *,
		    const struct inc_record *, const struct inc_procedure *,
		    int n);

/* The steps of the record's procedures not yet done. */
size_t		 steps_left(const struct inc_plan *,
		    const struct inc_record *);

#endif
