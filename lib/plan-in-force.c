/*
 * plan-in-force.c - the plan in force: the one named by --plan or
 * $INC_PLAN, else the embedded default.  On top of the loader; nothing
 * of the plan module needs it.
 */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "plan.h"

/*
 * --plan FILE, else $INC_PLAN when set and not empty, else the embedded
 * default.  A plan with problems is refused whole: a tool must not grade
 * or escalate by half a plan.
 */
struct inc_plan *
plan_load_in_force(const char *opt, struct plan_errors *errs)
{
	const char	*path = opt;

	if (path == NULL && (path = getenv("INC_PLAN")) != NULL &&
	    *path == '\0')
		path = NULL;
	if (path != NULL)
		return plan_load_file(path, errs);
	return plan_load_buffer("(embedded)", inc_plan_embedded,
	    inc_plan_embedded_len, errs);
}

struct inc_plan *
plan_in_force(const char *opt)
{
	struct plan_errors errs = { NULL, 0, 0 };
	struct inc_plan	*p;
	size_t		 i;

	p = plan_load_in_force(opt, &errs);
	for (i = 0; i < errs.n; i++)
		plan_error_print(stderr, inc_prog, &errs.v[i]);
	plan_errors_free(&errs);
	return p;
}
