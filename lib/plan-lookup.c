/*
 * plan-lookup.c - lookups by id in a loaded plan.  Pure: the loader uses
 * them too (scale_index, plan_id_valid, plan_subtype), so they depend on
 * nothing of it.
 */
#include <string.h>

#include "plan.h"

const struct inc_category *
plan_category(const struct inc_plan *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->ncategories; i++)
		if (strcmp(p->categories[i].id, id) == 0)
			return &p->categories[i];
	return NULL;
}

const struct inc_subtype *
plan_subtype(const struct inc_category *c, const char *id)
{
	size_t	 i;

	for (i = 0; i < c->nsubtypes; i++)
		if (c->subtypes[i].id != NULL &&
		    strcmp(c->subtypes[i].id, id) == 0)
			return &c->subtypes[i];
	return NULL;
}

const struct inc_procedure *
plan_procedure(const struct inc_plan *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->nprocedures; i++)
		if (strcmp(p->procedures[i].id, id) == 0)
			return &p->procedures[i];
	return NULL;
}

const struct inc_obligation *
plan_obligation(const struct inc_plan *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->nobligations; i++)
		if (strcmp(p->obligations[i].id, id) == 0)
			return &p->obligations[i];
	return NULL;
}

const struct inc_unit *
plan_unit(const struct inc_plan *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->nunits; i++)
		if (strcmp(p->units[i].id, id) == 0)
			return &p->units[i];
	return NULL;
}

const struct inc_system *
plan_system(const struct inc_plan *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->nsystems; i++)
		if (strcmp(p->systems[i].id, id) == 0)
			return &p->systems[i];
	return NULL;
}

/* Also used while loading, when a value's id may still be missing. */
int
scale_index(const struct inc_scale *s, const char *id)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->values[i].id != NULL && strcmp(s->values[i].id, id) == 0)
			return (int)i;
	return -1;
}

bool
plan_id_valid(const char *s)
{
	if (*s < 'a' || *s > 'z')
		return false;
	for (s++; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return false;
	return true;
}
