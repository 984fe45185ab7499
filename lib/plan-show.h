/*
 * plan-show.h - the plan in force printed whole (inc-plan show): as text
 * for people in one language, or as JSON with both languages and every
 * clause, for programs.
 */
#ifndef INC_PLAN_SHOW_H
#define INC_PLAN_SHOW_H

#include <stdio.h>

#include "plan.h"

/* Every section as text in lang; 0, or -1 on a write error. */
int	plan_show_text(FILE *, const struct inc_plan *, enum inc_lang);

/* Every element as one pretty JSON document; 0, or -1 on a write error. */
int	plan_show_json(FILE *, const struct inc_plan *);

/* The detection rules, in plan-show-detection.c, for the two above. */
struct json;
void	plan_show_detection_text(FILE *, const struct inc_plan *,
	    enum inc_lang);
void	plan_show_detection_json(struct json *, const struct inc_plan *);

/*
 * A one-line count of the plan's elements for "inc-plan check -v":
 * "7 categories, 33 subtypes, ...".  0, or -1 on a write error.
 */
int	plan_show_summary(FILE *, const struct inc_plan *);

#endif
