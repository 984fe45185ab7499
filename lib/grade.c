/*
 * grade.c - level and level_basis from the plan's grading (一(五)2).
 *
 * The basis is meant to be read by the person who checks the level, so it
 * names every input by its id, the level each route gave, what was not
 * given, and the clause.  Its forms:
 *
 *	critical × serious → II; impact major → II; the more severe: II (c)
 *	important × serious → III; impact not given (c)
 *	impact major → II; importance and loss not given (c)
 *	no level: loss and impact not given (c)
 */
#include <stdio.h>
#include <string.h>

#include "grade.h"

enum inc_level
level_max(enum inc_level a, enum inc_level b)
{
	if (a == LEVEL_NONE)
		return b;
	if (b == LEVEL_NONE)
		return a;
	return a < b ? a : b;	/* LEVEL_I is the most severe */
}

enum inc_level
grade_basis_level(const char *basis)
{
	static const char severe[] = "; the more severe: ";
	const char *p, *e;
	char id[8];
	size_t n;

	if (basis == NULL || strncmp(basis, "no level:", 9) == 0)
		return LEVEL_NONE;
	if ((p = strstr(basis, severe)) != NULL)
		p += sizeof(severe) - 1;
	else if ((p = strstr(basis, " → ")) != NULL)
		p += strlen(" → ");
	else
		return LEVEL_NONE;
	for (e = p; *e == 'I' || *e == 'V'; e++)
		;
	if ((n = (size_t)(e - p)) == 0 || n >= sizeof(id) ||
	    (*e != ';' && *e != ' '))
		return LEVEL_NONE;
	memcpy(id, p, n);
	id[n] = '\0';
	return level_parse(id);
}

/* "x", "x and y", "x, y and z" of the inputs not given. */
static void
missing(char *buf, size_t len, int importance, int loss, int impact,
    bool matrix, bool by_impact)
{
	const char *v[3];
	size_t n = 0;

	if (matrix && importance < 0)
		v[n++] = "importance";
	if (matrix && loss < 0)
		v[n++] = "loss";
	if (by_impact && impact < 0)
		v[n++] = "impact";
	switch (n) {
	case 0:
		buf[0] = '\0';
		break;
	case 1:
		snprintf(buf, len, "%s not given", v[0]);
		break;
	case 2:
		snprintf(buf, len, "%s and %s not given", v[0], v[1]);
		break;
	default:
		snprintf(buf, len, "%s, %s and %s not given", v[0], v[1],
		    v[2]);
		break;
	}
}

void
grade(const struct inc_plan *p, int importance, int loss, int impact,
    struct inc_grade *g)
{
	const struct inc_grading *gr = &p->grading;
	const char *clause = gr->clause ? gr->clause : "";
	char route_m[128], route_i[128], miss[96];

	memset(g, 0, sizeof(*g));
	if (importance >= (int)p->importance.n || loss >= (int)p->loss.n ||
	    impact >= (int)p->impact.n)
		importance = loss = impact = -1;	/* not the plan's */
	if (importance >= 0 && loss >= 0) {
		g->by_matrix = gr->matrix[importance * p->loss.n + loss];
		snprintf(route_m, sizeof(route_m), "%s × %s → %s",
		    p->importance.values[importance].id,
		    p->loss.values[loss].id, level_id(g->by_matrix));
	}
	if (impact >= 0) {
		g->by_impact = gr->by_impact[impact];
		snprintf(route_i, sizeof(route_i), "impact %s → %s",
		    p->impact.values[impact].id, level_id(g->by_impact));
	}
	g->level = level_max(g->by_matrix, g->by_impact);

	if (g->by_matrix != LEVEL_NONE && g->by_impact != LEVEL_NONE)
		snprintf(g->basis, sizeof(g->basis),
		    "%s; %s; the more severe: %s (%s)", route_m, route_i,
		    level_id(g->level), clause);
	else if (g->by_matrix != LEVEL_NONE) {
		missing(miss, sizeof(miss), importance, loss, impact, false,
		    true);
		snprintf(g->basis, sizeof(g->basis), "%s; %s (%s)", route_m,
		    miss, clause);
	} else if (g->by_impact != LEVEL_NONE) {
		missing(miss, sizeof(miss), importance, loss, impact, true,
		    false);
		snprintf(g->basis, sizeof(g->basis), "%s; %s (%s)", route_i,
		    miss, clause);
	} else {
		missing(miss, sizeof(miss), importance, loss, impact, true,
		    true);
		snprintf(g->basis, sizeof(g->basis), "no level: %s (%s)",
		    miss, clause);
	}
}
