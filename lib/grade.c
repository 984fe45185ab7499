/*
 * grade.c - level and level_basis from the plan's grading (一(五)2).
 *
 * The basis is meant to be read by the person who checks the level, so it
 * names every input by its id, the level each route gave, what was not
 * given, and the clause.  A marker before it, the level and " (plan): ",
 * says that the level is the plan's, for inc-classify to tell its own
 * level from a person's without reading the prose.  Its forms:
 *
 *	II (plan): critical × serious → II; impact major → II; the more
 *	    severe: II (c)
 *	III (plan): important × serious → III; impact not given (c)
 *	II (plan): impact major → II; importance and loss not given (c)
 *	no level (plan): loss and impact not given (c)
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

#define MARK	" (plan): "

bool
grade_level_own(const char *level, const char *basis)
{
	enum inc_level lv = level != NULL ? level_parse(level) : LEVEL_NONE;
	const char *id;
	size_t n;

	if (lv == LEVEL_NONE || basis == NULL)
		return false;
	id = level_id(lv);
	n = strlen(id);
	return strncmp(basis, id, n) == 0 &&
	    strncmp(basis + n, MARK, sizeof(MARK) - 1) == 0;
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
	char why[GRADE_BASIS_LEN - 32];

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
		snprintf(why, sizeof(why),
		    "%s; %s; the more severe: %s (%s)", route_m, route_i,
		    level_id(g->level), clause);
	else if (g->by_matrix != LEVEL_NONE) {
		missing(miss, sizeof(miss), importance, loss, impact, false,
		    true);
		snprintf(why, sizeof(why), "%s; %s (%s)", route_m,
		    miss, clause);
	} else if (g->by_impact != LEVEL_NONE) {
		missing(miss, sizeof(miss), importance, loss, impact, true,
		    false);
		snprintf(why, sizeof(why), "%s; %s (%s)", route_i,
		    miss, clause);
	} else {
		missing(miss, sizeof(miss), importance, loss, impact, true,
		    true);
		snprintf(why, sizeof(why), "%s (%s)", miss, clause);
	}
	snprintf(g->basis, sizeof(g->basis), "%s" MARK "%s",
	    g->level == LEVEL_NONE ? "no level" : level_id(g->level), why);
}
