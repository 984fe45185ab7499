/*
 * plan-free.c - freeing a loaded plan: apart from the loader, which
 * frees a plan it refuses, and from the plan in force.
 */
#include <stddef.h>

#include "plan-impl.h"

void
plan_free(struct inc_plan *p)
{
	if (p == NULL)
		return;
	sec_detection_free(p);
	pa_free(p->arena);	/* the plan itself is in its arena */
}
