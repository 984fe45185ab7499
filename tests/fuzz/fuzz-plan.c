/*
 * fuzz-plan.c - the plan loader on any bytes: a plan comes back with no
 * problem or no plan with at least one; every problem has a place inside
 * the text (or 0:0) and a message without control characters; every
 * element of a plan that loads is found by its id.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_errors(const struct plan_errors *errs, const uint8_t *data, size_t size)
{
	const unsigned char *m;
	long	 lines = 1;
	size_t	 i;

	/*
	 * YAML breaks lines at CR, LF, NEL, LS and PS: count them all, and
	 * one more, as libyaml ends a last line without a break at the end.
	 */
	for (i = 0; i < size; i++)
		if (data[i] == '\n' || data[i] == '\r' || data[i] == 0x85 ||
		    data[i] == 0xA8 || data[i] == 0xA9)
			lines++;
	lines++;
	for (i = 0; i < errs->n; i++) {
		if (strcmp(errs->v[i].file, "f.yaml") != 0)
			abort();
		if (errs->v[i].line < 0 || errs->v[i].line > lines ||
		    errs->v[i].column < 0 ||
		    (errs->v[i].line == 0) != (errs->v[i].column == 0))
			abort();
		if (i > 0 && (errs->v[i].line < errs->v[i - 1].line ||
		    (errs->v[i].line == errs->v[i - 1].line &&
		    errs->v[i].column < errs->v[i - 1].column)))
			abort();	/* not in file order */
		m = (const unsigned char *)errs->v[i].message;
		if (*m == '\0')
			abort();
		for (; *m != '\0'; m++)
			if (*m < 0x20 || *m == 0x7F ||
			    (m[0] == 0xC2 && m[1] >= 0x80 && m[1] <= 0x9F))
				abort();
	}
}

static void
check_plan(const struct inc_plan *p)
{
	size_t	 i, j;

	for (i = 0; i < p->ncategories; i++) {
		if (plan_category(p, p->categories[i].id) !=
		    &p->categories[i])
			abort();
		for (j = 0; j < p->categories[i].nsubtypes; j++)
			if (plan_subtype(&p->categories[i],
			    p->categories[i].subtypes[j].id) !=
			    &p->categories[i].subtypes[j])
				abort();
	}
	for (i = 0; i < p->nprocedures; i++)
		if (plan_procedure(p, p->procedures[i].id) !=
		    &p->procedures[i] || p->procedures[i].nsteps == 0)
			abort();
	for (i = 0; i < p->nobligations; i++)
		if (plan_obligation(p, p->obligations[i].id) !=
		    &p->obligations[i])
			abort();
	for (i = 0; i < p->nunits; i++)
		if (plan_unit(p, p->units[i].id) != &p->units[i])
			abort();
	for (i = 0; i < p->nsystems; i++)
		if (plan_system(p, p->systems[i].id) != &p->systems[i] ||
		    scale_index(&p->importance, p->systems[i].importance) < 0)
			abort();
	for (i = 0; i < p->importance.n * p->loss.n; i++)
		if (level_id(p->grading.matrix[i]) == NULL)
			abort();
	for (i = 0; i < p->impact.n; i++)
		if (level_id(p->grading.by_impact[i]) == NULL)
			abort();
	if (p->duty == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan_errors errs = { NULL, 0, 0 };
	struct inc_plan	*p;

	p = plan_load_buffer("f.yaml", (const char *)data, size, &errs);
	if ((p == NULL) == (errs.n == 0))
		abort();
	check_errors(&errs, data, size);
	if (p != NULL)
		check_plan(p);
	plan_free(p);
	plan_errors_free(&errs);
	return 0;
}
