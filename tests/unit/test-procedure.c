/*
 * test-procedure.c - procedures and steps (四): the step counts and the
 * routing of the shipped plan against the source text, the routing rules
 * on a small plan made here, step fields parsed, added once, counted.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "inc.h"

/* The shipped plan, as every program loads it by default. */
static struct inc_plan *
shipped(void)
{
	static struct inc_plan *plan;
	struct plan_errors errs = { 0 };

	if (plan == NULL)
		plan = plan_load_buffer("(embedded)", inc_plan_embedded,
		    inc_plan_embedded_len, &errs);
	assert_non_null(plan);
	plan_errors_free(&errs);
	return plan;
}

/* A small plan of its own, to test the routing rules alone. */
#define STEP(num, zh, en) { .n = (num), .clause = "c", .text = { zh, en } }
static struct inc_step p_steps[] = {
	STEP(1, "一", "one"), STEP(2, "二", "two"), STEP(3, "三", "three"),
};
#define PROC(pid, nst) { .id = (pid), .name = { pid, pid }, .clause = "p", \
	.steps = p_steps, .nsteps = (nst) }
static struct inc_procedure t_procs[] = {
	PROC("pp", 2), PROC("qq", 3), PROC("rr", 1),
};
static struct inc_subtype a_subs[2], b_subs[1];
static struct inc_category t_cats[] = {
	{ .id = "aa", .subtypes = a_subs, .nsubtypes = 2 },
	{ .id = "bb", .subtypes = b_subs, .nsubtypes = 1 },
	{ .id = "cc" },
};
static const struct inc_procedure *r_a[] = { &t_procs[0] };
static const struct inc_procedure *r_a1[] = { &t_procs[1], &t_procs[0],
    &t_procs[1] };
static const struct inc_procedure *r_b1[] = { &t_procs[2] };
static const struct inc_procedure *r_b2[] = { &t_procs[0] };
static const struct inc_procedure *r_fb[] = { &t_procs[2] };
#define ROUTE(c, s, v, nv) { .category = (c), .subtype = (s), \
	.procedures = (v), .nprocedures = (nv) }
static struct inc_route t_routes[] = {
	/* the category-wide route first: the subtype's must still win */
	ROUTE(&t_cats[0], NULL, r_a, 1),
	ROUTE(&t_cats[0], &a_subs[0], r_a1, 3),
	/* two routes alike: the first wins */
	ROUTE(&t_cats[1], NULL, r_b1, 1),
	ROUTE(&t_cats[1], NULL, r_b2, 1),
};
static struct inc_plan tplan = {
	.categories = t_cats, .ncategories = 3,
	.procedures = t_procs, .nprocedures = 3,
	.routes = t_routes, .nroutes = 4,
	.fallback = r_fb, .nfallback = 1,
};

static int
setup_tplan(void **state)
{
	(void)state;
	a_subs[0] = (struct inc_subtype){ .id = "a1", .category = &t_cats[0] };
	a_subs[1] = (struct inc_subtype){ .id = "a2", .category = &t_cats[0] };
	b_subs[0] = (struct inc_subtype){ .id = "b1", .category = &t_cats[1] };
	return 0;
}

/* "a b c" of the procedures' ids. */
static void
ids_of(char *buf, size_t size, const struct inc_procedure **v, size_t n)
{
	size_t i, k = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		k += snprintf(buf + k, size - k, "%s%s", i ? " " : "",
		    v[i]->id);
}

/* 四(一) to 四(五): steps per procedure, counted in the source text. */
static void
test_step_counts(void **state)
{
	static const struct { const char *id; size_t nsteps; } want[] = {
		{ "system-failure", 5 },	/* 四(一)1-5 */
		{ "network-attack", 5 },	/* 四(二)1-5 */
		{ "virus-outbreak", 7 },	/* 四(三)1-7 */
		{ "machine-room-fire", 3 },	/* 四(四)1, three sentences */
		{ "machine-room-water", 4 },	/* 四(四)2, four sentences */
		{ "device-server-anomaly", 5 },	/* 四(五)1-5 */
	};
	const struct inc_plan *plan = shipped();
	const struct inc_procedure *p;
	size_t i, k;

	(void)state;
	assert_int_equal(plan->nprocedures, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		p = plan_procedure(plan, want[i].id);
		assert_non_null(p);
		assert_int_equal(p->nsteps, want[i].nsteps);
		for (k = 0; k < p->nsteps; k++) {
			/* numbered 1..n, each with its text and clause */
			assert_int_equal(p->steps[k].n, (int)k + 1);
			assert_ptr_equal(procedure_step(p, (int)k + 1),
			    &p->steps[k]);
			assert_non_null(p->steps[k].clause);
			assert_true(*text_in(p->steps[k].text, LANG_ZH) != 0);
			assert_true(*text_in(p->steps[k].text, LANG_EN) != 0);
		}
		assert_null(procedure_step(p, 0));
		assert_null(procedure_step(p, (int)p->nsteps + 1));
	}
}

/* Every category and subtype of the taxonomy to its procedures. */
static void
test_route_shipped(void **state)
{
	static const struct {
		const char *category, *subtype, *want;
	} cases[] = {
		{ "harmful-program", NULL, "virus-outbreak" },
		{ "harmful-program", "virus", "virus-outbreak" },
		{ "harmful-program", "worm", "virus-outbreak" },
		{ "harmful-program", "trojan", "virus-outbreak" },
		{ "harmful-program", "botnet", "virus-outbreak" },
		{ "harmful-program", "blended", "virus-outbreak" },
		{ "harmful-program", "web-malicious-code", "virus-outbreak" },
		{ "harmful-program", "other", "virus-outbreak" },
		{ "network-attack", NULL, "network-attack" },
		{ "network-attack", "denial-of-service", "network-attack" },
		{ "network-attack", "backdoor", "network-attack" },
		{ "network-attack", "vulnerability", "network-attack" },
		{ "network-attack", "scanning-eavesdropping", "network-attack" },
		{ "network-attack", "phishing", "network-attack" },
		{ "network-attack", "interference", "network-attack" },
		{ "network-attack", "other", "network-attack" },
		{ "information-destruction", NULL, "network-attack" },
		{ "information-destruction", "tampering", "network-attack" },
		{ "information-destruction", "spoofing", "network-attack" },
		{ "information-destruction", "leak", "network-attack" },
		{ "information-destruction", "theft", "network-attack" },
		{ "information-destruction", "loss", "system-failure" },
		{ "information-destruction", "other", "network-attack" },
		{ "content-security", NULL, "system-failure" },
		{ "content-security", "prohibited-information",
		    "system-failure" },
		{ "content-security", "illegal-organizing", "system-failure" },
		{ "content-security", "sensitive-hype", "system-failure" },
		{ "content-security", "other", "system-failure" },
		{ "equipment-failure", NULL, "system-failure" },
		{ "equipment-failure", "hardware-software",
		    "device-server-anomaly" },
		{ "equipment-failure", "facility", "system-failure" },
		{ "equipment-failure", "human-damage", "system-failure" },
		{ "equipment-failure", "other", "system-failure" },
		{ "disaster", NULL, "system-failure" },
		{ "disaster", "fire", "machine-room-fire" },
		{ "disaster", "flood", "machine-room-water" },
		{ "disaster", "natural", "system-failure" },
		{ "disaster", "other", "system-failure" },
		{ "other", NULL, "system-failure" },
		{ "other", "other", "system-failure" },
	};
	const struct inc_plan *plan = shipped();
	const struct inc_procedure *out[16];
	const struct inc_category *c;
	const struct inc_subtype *s;
	char got[256];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		c = plan_category(plan, cases[i].category);
		assert_non_null(c);
		s = NULL;
		if (cases[i].subtype != NULL) {
			s = plan_subtype(c, cases[i].subtype);
			assert_non_null(s);
		}
		n = procedure_route(plan, c, s, out, 16);
		ids_of(got, sizeof(got), out, n);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s/%s: got \"%s\", want \"%s\"",
			    cases[i].category, cases[i].subtype ?
			    cases[i].subtype : "-", got, cases[i].want);
	}
	/* Nothing to route on: the plan's default. */
	n = procedure_route(plan, NULL, NULL, out, 16);
	ids_of(got, sizeof(got), out, n);
	assert_string_equal(got, "system-failure");
}

/* The rules: subtype over category, first of equals, unique, fallback. */
static void
test_route_rules(void **state)
{
	static const struct {
		int cat;		/* index in t_cats, -1 none */
		const char *sub;
		const char *want;
		size_t max, wantn;
	} cases[] = {
		{ 0, "a1", "qq pp", 16, 2 },	/* subtype route, unique */
		{ 0, "a2", "pp", 16, 1 },	/* no route of a2: a's */
		{ 0, NULL, "pp", 16, 1 },
		{ 1, "b1", "rr", 16, 1 },	/* first of two alike */
		{ 1, NULL, "rr", 16, 1 },
		{ 2, NULL, "rr", 16, 1 },	/* no route: fallback */
		{ -1, NULL, "rr", 16, 1 },	/* no category: fallback */
		{ 0, "a1", "qq", 1, 2 },	/* max 1: counts all */
	};
	const struct inc_procedure *out[16];
	char got[64];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct inc_category *c = cases[i].cat < 0 ? NULL :
		    &t_cats[cases[i].cat];
		const struct inc_subtype *s = cases[i].sub && c ?
		    plan_subtype(c, cases[i].sub) : NULL;

		n = procedure_route(&tplan, c, s, out, cases[i].max);
		assert_int_equal(n, cases[i].wantn);
		ids_of(got, sizeof(got), out, n < cases[i].max ? n :
		    cases[i].max);
		assert_string_equal(got, cases[i].want);
	}
}

static void
test_step_parse(void **state)
{
	static const struct {
		const char *value;
		int ok;
		const char *proc;
		int n;
		const char *at;		/* as time_format writes it */
		const char *who;
	} cases[] = {
		{ "qq.3 2026-11-24T09:15:00+08:00 chen", 0, "qq", 3,
		    "2026-11-24T09:15:00+08:00", "chen" },
		{ "qq.1 2026-11-24T01:15:00Z", 0, "qq", 1,
		    "2026-11-24T01:15:00+00:00", "" },
		{ "pp.2   2026-11-24T09:15:00+08:00\t陈 钊  ", 0, "pp", 2,
		    "2026-11-24T09:15:00+08:00", "陈 钊" },
		/* the local form of inc-record(5), read in $TZ */
		{ "pp.1 2026-11-24 09:15 chen", 0, "pp", 1,
		    "2026-11-24T09:15:00+08:00", "chen" },
		{ "pp.1 2026-11-24 09:15:30", 0, "pp", 1,
		    "2026-11-24T09:15:30+08:00", "" },
		{ "qq.03 2026-11-24T09:15:00+08:00", 0, "qq", 3,
		    "2026-11-24T09:15:00+08:00", "" },
		{ "", -1, NULL, 0, NULL, NULL },
		{ "qq", -1, NULL, 0, NULL, NULL },
		{ "qq 2026-11-24T09:15:00+08:00", -1, NULL, 0, NULL, NULL },
		{ "zz.1 2026-11-24T09:15:00+08:00", -1, NULL, 0, NULL, NULL },
		{ ".1 2026-11-24T09:15:00+08:00", -1, NULL, 0, NULL, NULL },
		{ "pp.3 2026-11-24T09:15:00+08:00", -1, NULL, 0, NULL, NULL },
		{ "pp.0 2026-11-24T09:15:00+08:00", -1, NULL, 0, NULL, NULL },
		{ "pp.-1 2026-11-24T09:15:00+08:00", -1, NULL, 0, NULL, NULL },
		{ "pp.x 2026-11-24T09:15:00+08:00", -1, NULL, 0, NULL, NULL },
		{ "pp. 2026-11-24T09:15:00+08:00", -1, NULL, 0, NULL, NULL },
		{ "pp.99999 2026-11-24T09:15:00+08:00", -1, NULL, 0, NULL,
		    NULL },
		{ "pp.1", -1, NULL, 0, NULL, NULL },
		{ "pp.1 ", -1, NULL, 0, NULL, NULL },
		{ "pp.1 yesterday chen", -1, NULL, 0, NULL, NULL },
		{ "pp.1 2026-13-24T09:15:00+08:00", -1, NULL, 0, NULL, NULL },
		{ "pp.1 2026-11-24T09:15:00+08:00x", -1, NULL, 0, NULL, NULL },
		{ "pp.1 2026-11-24 chen", -1, NULL, 0, NULL, NULL },
		{ "pp.1x 2026-11-24T09:15:00+08:00", -1, NULL, 0, NULL, NULL },
	};
	struct step_done sd;
	char tbuf[INC_TIME_LEN];
	const char *why;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		why = NULL;
		rc = step_parse_why(&tplan, cases[i].value, &sd, &why);
		if (rc != cases[i].ok)
			fail_msg("\"%s\": got %d, want %d", cases[i].value, rc,
			    cases[i].ok);
		if (rc == -1) {
			assert_non_null(why);
			assert_int_equal(step_parse(&tplan, cases[i].value,
			    &sd), -1);
			continue;
		}
		assert_string_equal(sd.proc->id, cases[i].proc);
		assert_int_equal(sd.n, cases[i].n);
		assert_string_equal(time_format(tbuf, sd.at), cases[i].at);
		assert_int_equal(sd.wholen, strlen(cases[i].who));
		assert_memory_equal(sd.who, cases[i].who, sd.wholen);
	}
}

static void
test_step_ref_parse(void **state)
{
	static const struct {
		const char *item;
		int dflt;		/* index in t_procs, -1 none */
		int ok;
		const char *proc;	/* NULL: the record's own */
		int n;
	} cases[] = {
		{ "1", -1, 0, NULL, 1 },
		{ "9", -1, 0, NULL, 9 },	/* checked per record */
		{ "2", 0, 0, "pp", 2 },
		{ "3", 0, -1, NULL, 0 },	/* pp has 2 steps */
		{ "qq.3", 0, 0, "qq", 3 },	/* named wins */
		{ "qq.3", -1, 0, "qq", 3 },
		{ "qq.4", -1, -1, NULL, 0 },
		{ "zz.1", -1, -1, NULL, 0 },
		{ "0", -1, -1, NULL, 0 },
		{ "", -1, -1, NULL, 0 },
		{ "x", -1, -1, NULL, 0 },
		{ "1.5", -1, -1, NULL, 0 },
		{ "qq.", -1, -1, NULL, 0 },
		{ "-1", -1, -1, NULL, 0 },
		{ "12345", -1, -1, NULL, 0 },
	};
	const struct inc_procedure *p;
	const char *why;
	size_t i;
	int n, rc;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		rc = step_ref_parse(&tplan, cases[i].item, cases[i].dflt < 0 ?
		    NULL : &t_procs[cases[i].dflt], &p, &n, &why);
		if (rc != cases[i].ok)
			fail_msg("\"%s\": got %d, want %d", cases[i].item, rc,
			    cases[i].ok);
		if (rc == -1)
			continue;
		assert_int_equal(n, cases[i].n);
		if (cases[i].proc == NULL)
			assert_null(p);
		else
			assert_string_equal(p->id, cases[i].proc);
	}
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

static void
test_record_procedures(void **state)
{
	static const struct {
		const char *fields[9];
		int want;		/* count, or -1 */
		const char *ids;
		bool from_fields;
	} cases[] = {
		{ { "category", "aa", "subtype", "a1", NULL }, 2, "qq pp",
		    false },
		{ { "category", "aa", NULL }, 1, "pp", false },
		{ { "category", "", NULL }, 1, "rr", false },
		{ { "title", "x", NULL }, 1, "rr", false },
		{ { "subtype", "a1", NULL }, 1, "rr", false },
		{ { "category", "zz", NULL }, -1, NULL, false },
		{ { "category", "aa", "subtype", "b1", NULL }, -1, NULL,
		    false },
		/* a person's choice wins over the routing */
		{ { "category", "aa", "procedure", "rr", NULL }, 1, "rr",
		    true },
		{ { "procedure", "rr qq", "procedure", "qq\tpp", NULL }, 3,
		    "rr qq pp", true },
		{ { "procedure", " rr ", NULL }, 1, "rr", true },
		{ { "procedure", "rr, pp,qq", NULL }, 3, "rr pp qq", true },
		{ { "procedure", ",", NULL }, -1, NULL, true },
		{ { "procedure", "rr", "procedure", "zz", NULL }, -1, NULL,
		    true },
		{ { "procedure", "", NULL }, -1, NULL, true },
		{ { "category", "zz", "procedure", "pp", NULL }, 1, "pp",
		    true },
	};
	const struct inc_procedure *out[3];
	struct proc_trouble why;
	struct inc_record r;
	char got[64];
	bool fields;
	size_t i;
	int n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		record_of(&r, cases[i].fields);
		memset(&why, 0, sizeof(why));
		n = record_procedures(&tplan, &r, out, 3, &fields, &why);
		assert_int_equal(n, cases[i].want);
		assert_int_equal(fields, cases[i].from_fields);
		if (n == -1) {
			assert_true(why.msg[0] != '\0');
			assert_true(why.line >= 0);
		} else {
			ids_of(got, sizeof(got), out, n);
			assert_string_equal(got, cases[i].ids);
		}
		record_free(&r);
	}
}

/* Attacker bytes in an unknown id never reach the message raw. */
static void
test_trouble_message_safe(void **state)
{
	static const char *const fields[] = {
		"category", "\033]0;pwned\007x", NULL };
	const struct inc_procedure *out[3];
	struct proc_trouble why;
	struct inc_record r;
	bool f;
	size_t i;

	(void)state;
	record_of(&r, fields);
	assert_int_equal(record_procedures(&tplan, &r, out, 3, &f, &why), -1);
	for (i = 0; why.msg[i] != '\0'; i++)
		assert_true((unsigned char)why.msg[i] >= ' ');
	record_free(&r);
}

static void
test_step_add_and_left(void **state)
{
	static const char *const fields[] = {
		"category", "aa", "subtype", "a1",
		"step", "qq.2 2026-11-24T09:00:00+08:00 earlier",
		"step", "qq.2 2026-11-24T09:05:00+08:00 twice",
		"step", "zz.1 2026-11-24T09:00:00+08:00",	/* bad: ignored */
		"step", "rr.1 2026-11-24T09:00:00+08:00",	/* not its own */
		NULL };
	struct inc_record r;
	struct inc_time t;
	struct step_done sd;
	size_t pos = 0, nstep = 0;
	struct inc_item *it;

	(void)state;
	assert_int_equal(time_parse("2026-11-24T10:00:00+08:00", &t), 0);
	record_of(&r, fields);
	/* qq has 3 steps, pp 2: 5, of which qq.2 done (twice: once) */
	assert_int_equal(steps_left(&tplan, &r), 4);
	assert_true(step_is_done(&tplan, &r, &t_procs[1], 2));
	assert_false(step_is_done(&tplan, &r, &t_procs[1], 1));
	assert_true(step_find(&tplan, &r, &t_procs[1], 2, &sd));
	assert_memory_equal(sd.who, "earlier", sd.wholen);

	{
		bool done[3];
		struct step_done at[3];

		assert_int_equal(step_progress(&tplan, &r, &t_procs[1], done,
		    at), 2);
		assert_false(done[0]);
		assert_true(done[1]);
		assert_false(done[2]);
		/* the first field that says so */
		assert_memory_equal(at[1].who, "earlier", at[1].wholen);
		assert_int_equal(step_progress(&tplan, &r, &t_procs[2], done,
		    NULL), 0);	/* rr.1 is recorded, if not its own */
	}
	assert_int_equal(step_add(&tplan, &r, &t_procs[1], 1, t, "chen"), 1);
	assert_int_equal(step_add(&tplan, &r, &t_procs[1], 1, t, "li"), 0);
	assert_int_equal(step_add(&tplan, &r, &t_procs[1], 2, t, "li"), 0);
	assert_int_equal(step_add(&tplan, &r, &t_procs[0], 2, t, NULL), 1);
	assert_int_equal(steps_left(&tplan, &r), 2);
	while ((it = record_next(&r, "step", &pos)) != NULL)
		nstep++;
	assert_int_equal(nstep, 6);
	assert_string_equal(r.items[r.nitems - 2].value,
	    "qq.1 2026-11-24T10:00:00+08:00 chen");
	assert_string_equal(r.items[r.nitems - 1].value,
	    "pp.2 2026-11-24T10:00:00+08:00");
	/* what step_add writes, step_parse reads */
	assert_int_equal(step_parse(&tplan, r.items[r.nitems - 2].value,
	    &sd), 0);
	assert_int_equal(sd.at.t, t.t);
	assert_int_equal(sd.at.offset, t.offset);
	assert_int_equal(step_add(&tplan, &r, &t_procs[1], 3, t, "x"), 1);
	assert_int_equal(step_add(&tplan, &r, &t_procs[0], 1, t, "x"), 1);
	assert_int_equal(steps_left(&tplan, &r), 0);
	record_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_step_counts),
		cmocka_unit_test(test_route_shipped),
		cmocka_unit_test(test_route_rules),
		cmocka_unit_test(test_step_parse),
		cmocka_unit_test(test_step_ref_parse),
		cmocka_unit_test(test_record_procedures),
		cmocka_unit_test(test_trouble_message_safe),
		cmocka_unit_test(test_step_add_and_left),
	};

	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	return cmocka_run_group_tests(tests, setup_tplan, NULL);
}
