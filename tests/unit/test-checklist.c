/*
 * test-checklist.c - checklist.h on the shipped plan: --done items
 * parsed, --by names checked, procedure fields filled and kept, steps
 * marked only when every one fits the record, the --incident search.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "checklist.h"
#include "diag.h"

static struct inc_plan *plan;

/* The shipped plan, as every program loads it by default. */
static int
load(void **state)
{
	struct plan_errors errs = { 0 };

	(void)state;
	plan = plan_load_buffer("(embedded)", inc_plan_embedded,
	    inc_plan_embedded_len, &errs);
	plan_errors_free(&errs);
	return plan == NULL ? -1 : 0;
}

static int
unload(void **state)
{
	(void)state;
	plan_free(plan);
	return 0;
}

static void
setup(struct checklist *ck)
{
	memset(ck, 0, sizeof(*ck));
	ck->plan = plan;
	assert_int_equal(time_parse("2026-11-24T12:00:00+08:00", &ck->now), 0);
	ck->width = 80;
	assert_int_equal(checklist_init(ck), 0);
}

static void
record_of(struct inc_record *r, const char *const *fields)
{
	record_init(r);
	r->kind = RECORD_INCIDENT;
	r->file = "test";
	r->line = 1;
	for (; fields[0] != NULL; fields += 2)
		assert_int_equal(record_add(r, fields[0], fields[1]), 0);
}

static size_t
count(const struct inc_record *r, const char *name)
{
	size_t n = 0, pos = 0;

	while (record_next(r, name, &pos) != NULL)
		n++;
	return n;
}

static void
test_done_parse(void **state)
{
	static const struct {
		const char	*arg;
		const char	*operand;	/* PROCEDURE, or NULL */
		int		 rv;
		size_t		 n;		/* items */
		const char	*proc;		/* of the last item */
		int		 step;
	} cases[] = {
		{ "3", NULL, 0, 1, NULL, 3 },
		{ "3", "network-attack", 0, 1, "network-attack", 3 },
		{ "network-attack.2", NULL, 0, 1, "network-attack", 2 },
		{ "1,2,3", NULL, 0, 3, NULL, 3 },
		{ "1,virus-outbreak.7", NULL, 0, 2, "virus-outbreak", 7 },
		{ "machine-room-fire.4", NULL, -1, 0, NULL, 0 },
		{ "no-such.2", NULL, -1, 0, NULL, 0 },
		{ "x", NULL, -1, 0, NULL, 0 },
		{ "", NULL, -1, 0, NULL, 0 },
		{ "1,", NULL, -1, 0, NULL, 0 },
		{ "0", NULL, -1, 0, NULL, 0 },
	};
	struct checklist ck;
	char *args[1];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		setup(&ck);
		if (cases[i].operand != NULL)
			ck.proc = plan_procedure(ck.plan, cases[i].operand);
		args[0] = (char *)cases[i].arg;
		assert_int_equal(checklist_done_parse(&ck, args, 1),
		    cases[i].rv);
		if (cases[i].rv == 0) {
			assert_int_equal(ck.ndone, cases[i].n);
			assert_int_equal(ck.done[ck.ndone - 1].n,
			    cases[i].step);
			if (cases[i].proc == NULL)
				assert_null(ck.done[ck.ndone - 1].proc);
			else
				assert_string_equal(
				    ck.done[ck.ndone - 1].proc->id,
				    cases[i].proc);
			/* The text as given, for the messages. */
			assert_non_null(strstr(cases[i].arg,
			    ck.done[ck.ndone - 1].text));
		}
		checklist_free(&ck);
	}
}

static void
test_by_valid(void **state)
{
	(void)state;
	assert_true(checklist_by_valid("chen"));
	assert_true(checklist_by_valid("陈 值班员"));
	assert_false(checklist_by_valid(""));
	assert_false(checklist_by_valid("chen\nstep: x"));
	assert_false(checklist_by_valid("a\tb"));
	assert_false(checklist_by_valid("a\x7f"));
	assert_false(checklist_by_valid("\x1b[2J"));
}

static void
test_procedure_lookup(void **state)
{
	(void)state;
	assert_ptr_equal(checklist_procedure(plan, "network-attack", true),
	    plan_procedure(plan, "network-attack"));
	assert_null(checklist_procedure(plan, "no-such", false));
}

/* The filter fills procedure from the routing; a person's is kept. */
static void
test_mark_routes(void **state)
{
	static const char *const routed[] = { "id", "a", "category",
	    "network-attack", "subtype", "denial-of-service", NULL };
	static const char *const kept[] = { "id", "a", "category",
	    "network-attack", "procedure", "system-failure", NULL };
	static const char *const unclassified[] = { "id", "a", NULL };
	struct checklist ck;
	struct inc_record r;

	(void)state;
	setup(&ck);
	record_of(&r, routed);
	assert_int_equal(checklist_mark(&r, &ck), EXIT_OK);
	assert_string_equal(record_get(&r, "procedure"), "network-attack");
	record_free(&r);

	record_of(&r, kept);
	assert_int_equal(checklist_mark(&r, &ck), EXIT_OK);
	assert_string_equal(record_get(&r, "procedure"), "system-failure");
	ck.force = true;
	assert_int_equal(checklist_mark(&r, &ck), EXIT_OK);
	assert_string_equal(record_get(&r, "procedure"), "network-attack");
	assert_int_equal(count(&r, "procedure"), 1);
	record_free(&r);

	/* Nothing to route on yet: no field that outlives classifying. */
	record_of(&r, unclassified);
	assert_int_equal(checklist_mark(&r, &ck), EXIT_OK);
	assert_null(record_get(&r, "procedure"));
	record_free(&r);
	checklist_free(&ck);
}

/* --done: all the steps named, or none when one does not fit. */
static void
test_mark_done(void **state)
{
	static const char *const rec[] = { "id", "a", "category",
	    "network-attack", NULL };
	static const char *const badstep[] = { "id", "a", "category",
	    "network-attack", "step", "network-attack.x", NULL };
	struct checklist ck;
	struct inc_record r;
	char *args[] = { "1,2", "system-failure.1" };

	(void)state;
	setup(&ck);
	ck.by = "chen";
	assert_int_equal(checklist_done_parse(&ck, args, 1), 0);
	record_of(&r, rec);
	assert_int_equal(checklist_mark(&r, &ck), EXIT_OK);
	assert_int_equal(count(&r, "step"), 2);
	assert_true(step_is_done(ck.plan, &r,
	    plan_procedure(ck.plan, "network-attack"), 2));
	/* Done already: not added twice. */
	assert_int_equal(checklist_mark(&r, &ck), EXIT_OK);
	assert_int_equal(count(&r, "step"), 2);
	record_free(&r);
	checklist_free(&ck);

	/* A procedure the record does not have: nothing marked. */
	setup(&ck);
	assert_int_equal(checklist_done_parse(&ck, args, 2), 0);
	record_of(&r, rec);
	assert_int_equal(checklist_mark(&r, &ck), EXIT_TROUBLE);
	assert_int_equal(count(&r, "step"), 0);
	record_free(&r);

	/* A bad step field: the record is left as read. */
	record_of(&r, badstep);
	assert_int_equal(checklist_mark(&r, &ck), EXIT_TROUBLE);
	assert_null(record_get(&r, "procedure"));
	assert_int_equal(count(&r, "step"), 1);
	record_free(&r);
	checklist_free(&ck);
}

/* --incident: only that record is marked, and it must be there. */
static void
test_incident(void **state)
{
	static const char *const a[] = { "id", "a", "category",
	    "network-attack", NULL };
	static const char *const b[] = { "id", "b", "category",
	    "network-attack", NULL };
	struct checklist ck;
	struct inc_record ra, rb;
	char *args[] = { "1" };

	(void)state;
	setup(&ck);
	ck.incident = "b";
	assert_int_equal(checklist_done_parse(&ck, args, 1), 0);
	record_of(&ra, a);
	assert_int_equal(checklist_mark(&ra, &ck), EXIT_OK);
	assert_int_equal(count(&ra, "step"), 0);
	assert_int_equal(checklist_finish(&ck, EXIT_OK), EXIT_TROUBLE);
	record_of(&rb, b);
	assert_int_equal(checklist_mark(&rb, &ck), EXIT_OK);
	assert_int_equal(count(&rb, "step"), 1);
	assert_int_equal(checklist_finish(&ck, EXIT_OK), EXIT_OK);
	assert_int_equal(checklist_finish(&ck, EXIT_FOUND), EXIT_FOUND);
	record_free(&ra);
	record_free(&rb);
	checklist_free(&ck);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_done_parse),
		cmocka_unit_test(test_by_valid),
		cmocka_unit_test(test_procedure_lookup),
		cmocka_unit_test(test_mark_routes),
		cmocka_unit_test(test_mark_done),
		cmocka_unit_test(test_incident),
	};

	return cmocka_run_group_tests(tests, load, unload);
}
