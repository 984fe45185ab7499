/*
 * test-grade.c - the grading of 一(五)2 (grade.h) on the embedded plan:
 * every cell of the importance x loss matrix, every impact level, the
 * more severe of the two routes, and the basis naming what is missing.
 * The tables are the plan's (DESIGN 2, "Grading"): a change to the plan
 * data that breaks them breaks these tests.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "grade.h"
#include "plan.h"

static const char *importance[] = { "critical", "important", "general" };
static const char *loss[] = { "extreme", "serious", "considerable", "minor" };
static const char *impact[] = { "extreme", "major", "considerable",
    "general" };

static const enum inc_level matrix[3][4] = {
	{ LEVEL_I, LEVEL_II, LEVEL_III, LEVEL_IV },
	{ LEVEL_II, LEVEL_III, LEVEL_IV, LEVEL_IV },
	{ LEVEL_III, LEVEL_IV, LEVEL_IV, LEVEL_IV },
};
static const enum inc_level by_impact[4] = {
	LEVEL_I, LEVEL_II, LEVEL_III, LEVEL_IV
};

static int
setup(void **state)
{
	struct plan_errors errs = { 0 };

	*state = plan_load_buffer("(embedded)", inc_plan_embedded,
	    inc_plan_embedded_len, &errs);
	plan_errors_free(&errs);
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	plan_free(*state);
	return 0;
}

static int
idx(const struct inc_scale *s, const char *id)
{
	int i = scale_index(s, id);

	assert_true(i >= 0);
	return i;
}

static void
test_matrix_cells(void **state)
{
	const struct inc_plan *p = *state;
	struct inc_grade g;
	char want[GRADE_BASIS_LEN];
	int i, l;

	for (i = 0; i < 3; i++)
		for (l = 0; l < 4; l++) {
			grade(p, idx(&p->importance, importance[i]),
			    idx(&p->loss, loss[l]), -1, &g);
			assert_int_equal(g.level, matrix[i][l]);
			assert_int_equal(g.by_matrix, matrix[i][l]);
			assert_int_equal(g.by_impact, LEVEL_NONE);
			snprintf(want, sizeof(want), "%s (plan): %s × %s → "
			    "%s; impact not given (%s)",
			    level_id(matrix[i][l]), importance[i], loss[l],
			    level_id(matrix[i][l]), p->grading.clause);
			assert_string_equal(g.basis, want);
		}
}

static void
test_impact_levels(void **state)
{
	const struct inc_plan *p = *state;
	struct inc_grade g;
	char want[GRADE_BASIS_LEN];
	int k;

	for (k = 0; k < 4; k++) {
		grade(p, -1, -1, idx(&p->impact, impact[k]), &g);
		assert_int_equal(g.level, by_impact[k]);
		assert_int_equal(g.by_matrix, LEVEL_NONE);
		snprintf(want, sizeof(want), "%s (plan): impact %s → %s; "
		    "importance and loss not given (%s)",
		    level_id(by_impact[k]), impact[k],
		    level_id(by_impact[k]), p->grading.clause);
		assert_string_equal(g.basis, want);
	}
}

/* Every combination of the three: the more severe route decides. */
static void
test_more_severe(void **state)
{
	const struct inc_plan *p = *state;
	struct inc_grade g;
	enum inc_level want;
	char basis[GRADE_BASIS_LEN];
	int i, l, k;

	for (i = 0; i < 3; i++)
		for (l = 0; l < 4; l++)
			for (k = 0; k < 4; k++) {
				grade(p, idx(&p->importance, importance[i]),
				    idx(&p->loss, loss[l]),
				    idx(&p->impact, impact[k]), &g);
				want = matrix[i][l] < by_impact[k] ?
				    matrix[i][l] : by_impact[k];
				assert_int_equal(g.level, want);
				snprintf(basis, sizeof(basis), "%s (plan): "
				    "%s × %s → %s; impact %s → %s; the more "
				    "severe: %s (%s)", level_id(want),
				    importance[i], loss[l],
				    level_id(matrix[i][l]), impact[k],
				    level_id(by_impact[k]), level_id(want),
				    p->grading.clause);
				assert_string_equal(g.basis, basis);
			}
}

struct missing {
	int		 imp, loss, impact;
	enum inc_level	 level;
	const char	*basis;		/* before " (clause)" */
};

static void
test_missing(void **state)
{
	const struct inc_plan *p = *state;
	static const struct missing t[] = {
		{ -1, -1, -1, LEVEL_NONE,
		    "no level (plan): importance, loss and impact not given" },
		{ 0, -1, -1, LEVEL_NONE,
		    "no level (plan): loss and impact not given" },
		{ -1, 0, -1, LEVEL_NONE,
		    "no level (plan): importance and impact not given" },
		{ 1, -1, 1, LEVEL_II,
		    "II (plan): impact major → II; loss not given" },
		{ -1, 3, 3, LEVEL_IV, "IV (plan): impact general → IV; "
		    "importance not given" },
		/* an index outside the scale is no input at all */
		{ 7, 0, -1, LEVEL_NONE,
		    "no level (plan): importance, loss and impact not given" },
	};
	struct inc_grade g;
	char want[GRADE_BASIS_LEN];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		grade(p, t[i].imp, t[i].loss, t[i].impact, &g);
		assert_int_equal(g.level, t[i].level);
		snprintf(want, sizeof(want), "%s (%s)", t[i].basis,
		    p->grading.clause);
		assert_string_equal(g.basis, want);
	}
}

/*
 * What grade() writes, grade_level_own() owns, for any input, and only
 * for the level it gave; a basis without the marker is a person's.
 */
static void
test_level_own(void **state)
{
	const struct inc_plan *p = *state;
	static const char *levels[] = { "I", "II", "III", "IV" };
	static const char *notown[] = { "", "whatever",
	    "critical × serious → II; impact not given (c)",
	    "II(plan): x", "II (plan) x", "IIII (plan): x",
	    "level set by hand; the plan gives: II (plan): x",
	    "no level (plan): loss and impact not given (c)" };
	struct inc_grade g;
	size_t i, k;
	int a, b, c;

	for (a = -1; a < (int)p->importance.n; a++)
		for (b = -1; b < (int)p->loss.n; b++)
			for (c = -1; c < (int)p->impact.n; c++) {
				grade(p, a, b, c, &g);
				for (k = 0; k < 4; k++)
					assert_int_equal(grade_level_own(
					    levels[k], g.basis),
					    level_parse(levels[k]) == g.level);
			}
	for (i = 0; i < sizeof(notown) / sizeof(notown[0]); i++)
		for (k = 0; k < 4; k++)
			assert_false(grade_level_own(levels[k], notown[i]));
	assert_false(grade_level_own("II", NULL));
	assert_false(grade_level_own(NULL, "II (plan): x"));
	assert_false(grade_level_own("V", "V (plan): x"));
	assert_true(grade_level_own("II", "II (plan): x"));
}

static void
test_level_max(void **state)
{
	(void)state;
	assert_int_equal(level_max(LEVEL_NONE, LEVEL_NONE), LEVEL_NONE);
	assert_int_equal(level_max(LEVEL_NONE, LEVEL_III), LEVEL_III);
	assert_int_equal(level_max(LEVEL_IV, LEVEL_NONE), LEVEL_IV);
	assert_int_equal(level_max(LEVEL_II, LEVEL_III), LEVEL_II);
	assert_int_equal(level_max(LEVEL_IV, LEVEL_I), LEVEL_I);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matrix_cells),
		cmocka_unit_test(test_impact_levels),
		cmocka_unit_test(test_more_severe),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_level_own),
		cmocka_unit_test(test_level_max),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
