/*
 * test-obligation.c - ob_state_of() against the table of DESIGN
 * section 3: every state of a clock obligation and of an event one, on
 * the deadline to the second, across time zones, with closed incidents;
 * the levels an obligation applies to; the fields it cannot read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "inc.h"
#include "notice.h"

/* As the plan has them, built here so the test needs no plan file. */
static const struct inc_obligation initial = {
	.id = "initial-report", .field = "reported", .after = "detected",
	.within = 3600
};
static const struct inc_obligation risk = {
	.id = "risk-assessment", .field = "assessed", .after = "detected",
	.within = 7200
};
static const struct inc_obligation leaders = {
	.id = "leaders-report", .field = "leaders_reported",
	.after = "detected", .within = 7200,
	.levels = LEVEL_BIT(LEVEL_I) | LEVEL_BIT(LEVEL_II)
};
static const struct inc_obligation handling = {
	.id = "handling-report", .field = "handling_report",
	.before = "closed"
};

#define D	"detected: 2026-11-24T09:15:00+08:00\n"

struct row {
	const char	*what;
	const struct inc_obligation *ob;
	const char	*fields;	/* "name: value\n" lines */
	const char	*now;
	int		 rc;
	enum ob_state	 state;
	const char	*deadline;	/* formatted, or "-" */
	const char	*bad;		/* when rc is -1 */
};

static const struct row rows[] = {
	/* A clock: detected + 1h = 10:15:00+08:00. */
	{ "not done, now before", &initial, D, "2026-11-24T10:00:00+08:00",
	    0, OB_PENDING, "2026-11-24T10:15:00+08:00", NULL },
	{ "not done, now on the deadline", &initial, D,
	    "2026-11-24T10:15:00+08:00", 0, OB_PENDING,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "not done, now one second after", &initial, D,
	    "2026-11-24T10:15:01+08:00", 0, OB_OVERDUE,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "done before", &initial, D "reported: 2026-11-24T09:40:00+08:00\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_MET,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "done on the deadline", &initial,
	    D "reported: 2026-11-24T10:15:00+08:00\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_MET,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "done one second after", &initial,
	    D "reported: 2026-11-24T10:15:01+08:00\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_LATE,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "done, now before it was done", &initial,
	    D "reported: 2026-11-24T10:20:00+08:00\n",
	    "2026-11-24T09:30:00+08:00", 0, OB_LATE,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "closed, never done", &initial,
	    D "closed: 2026-11-24T11:00:00+08:00\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_MISSED,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "closed before the deadline, never done", &initial,
	    D "closed: 2026-11-24T09:50:00+08:00\n",
	    "2026-11-24T10:00:00+08:00", 0, OB_MISSED,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "closed, done late", &initial,
	    D "reported: 2026-11-24T10:30:00+08:00\n"
	    "closed: 2026-11-24T11:00:00+08:00\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_LATE,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "closed, done in time", &initial,
	    D "reported: 2026-11-24T10:00:00+08:00\n"
	    "closed: 2026-11-24T11:00:00+08:00\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_MET,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "2h clock, on the deadline", &risk,
	    D "assessed: 2026-11-24T11:15:00+08:00\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_MET,
	    "2026-11-24T11:15:00+08:00", NULL },
	{ "2h clock, one second after", &risk,
	    D "assessed: 2026-11-24T11:15:01+08:00\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_LATE,
	    "2026-11-24T11:15:00+08:00", NULL },
	{ "2h clock, overdue", &risk, D, "2026-11-24T11:15:01+08:00", 0,
	    OB_OVERDUE, "2026-11-24T11:15:00+08:00", NULL },
	{ "level I obligation, pending", &leaders, D "level: I\n",
	    "2026-11-24T11:15:00+08:00", 0, OB_PENDING,
	    "2026-11-24T11:15:00+08:00", NULL },

	/* Time zones: the record in Z, the clock and the done time +08:00. */
	{ "Z record, now on the deadline", &initial,
	    "detected: 2026-11-24T01:15:00Z\n", "2026-11-24T10:15:00+08:00",
	    0, OB_PENDING, "2026-11-24T02:15:00+00:00", NULL },
	{ "Z record, now one second after", &initial,
	    "detected: 2026-11-24T01:15:00Z\n", "2026-11-24T10:15:01+08:00",
	    0, OB_OVERDUE, "2026-11-24T02:15:00+00:00", NULL },
	{ "Z record, done +08:00 on the deadline", &initial,
	    "detected: 2026-11-24T01:15:00Z\n"
	    "reported: 2026-11-24T10:15:00+08:00\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_MET,
	    "2026-11-24T02:15:00+00:00", NULL },
	{ "Z record, done +08:00 one second after", &initial,
	    "detected: 2026-11-24T01:15:00Z\n"
	    "reported: 2026-11-24T10:15:01+08:00\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_LATE,
	    "2026-11-24T02:15:00+00:00", NULL },
	{ "local time without offset, read in $TZ", &initial,
	    "detected: 2026-11-24 09:15\n", "2026-11-24T10:15:01+08:00", 0,
	    OB_OVERDUE, "2026-11-24T10:15:00+08:00", NULL },
	{ "done time followed by who", &initial,
	    D "reported: 2026-11-24 10:15 by phone, 罗红霞\n",
	    "2026-11-24T12:00:00+08:00", 0, OB_MET,
	    "2026-11-24T10:15:00+08:00", NULL },
	{ "done time with trailing blanks", &initial,
	    D "reported: 2026-11-24T10:15:01+08:00  \n",
	    "2026-11-24T12:00:00+08:00", 0, OB_LATE,
	    "2026-11-24T10:15:00+08:00", NULL },

	/* An event: before closed. */
	{ "before closed, open, not done", &handling, D,
	    "2026-11-30T00:00:00+08:00", 0, OB_PENDING, "-", NULL },
	{ "before closed, open, done", &handling,
	    D "handling_report: 2026-11-24T15:00:00+08:00\n",
	    "2026-11-30T00:00:00+08:00", 0, OB_MET, "-", NULL },
	{ "filed before closing", &handling,
	    D "handling_report: 2026-11-24T15:59:59+08:00\n"
	    "closed: 2026-11-24T16:00:00+08:00\n",
	    "2026-11-30T00:00:00+08:00", 0, OB_MET,
	    "2026-11-24T16:00:00+08:00", NULL },
	{ "filed as it closed", &handling,
	    D "handling_report: 2026-11-24T16:00:00+08:00\n"
	    "closed: 2026-11-24T16:00:00+08:00\n",
	    "2026-11-30T00:00:00+08:00", 0, OB_MET,
	    "2026-11-24T16:00:00+08:00", NULL },
	{ "filed one second after closing", &handling,
	    D "handling_report: 2026-11-24T16:00:01+08:00\n"
	    "closed: 2026-11-24T16:00:00+08:00\n",
	    "2026-11-30T00:00:00+08:00", 0, OB_LATE,
	    "2026-11-24T16:00:00+08:00", NULL },
	{ "closed without it", &handling,
	    D "closed: 2026-11-24T16:00:00+08:00\n",
	    "2026-11-30T00:00:00+08:00", 0, OB_MISSED,
	    "2026-11-24T16:00:00+08:00", NULL },
	{ "closed in Z, filed +08:00 after", &handling,
	    D "handling_report: 2026-11-24T16:00:01+08:00\n"
	    "closed: 2026-11-24T08:00:00Z\n",
	    "2026-11-30T00:00:00+08:00", 0, OB_LATE,
	    "2026-11-24T08:00:00+00:00", NULL },

	/* What cannot be read. */
	{ "no detected", &initial, "title: x\n", "2026-11-24T12:00:00+08:00",
	    -1, 0, NULL, "detected" },
	{ "detected not a time", &initial, "detected: yesterday\n",
	    "2026-11-24T12:00:00+08:00", -1, 0, NULL, "detected" },
	{ "done field without a time", &initial, D "reported: yes\n",
	    "2026-11-24T12:00:00+08:00", -1, 0, NULL, "reported" },
	{ "done field, bad date", &initial,
	    D "reported: 2026-02-30T10:00:00+08:00\n",
	    "2026-11-24T12:00:00+08:00", -1, 0, NULL, "reported" },
	{ "closed not a time", &initial, D "closed: yes\n",
	    "2026-11-24T12:00:00+08:00", -1, 0, NULL, "closed" },
	{ "closed not a time, event obligation", &handling,
	    D "closed: 2026-11-24 25:00\n", "2026-11-24T12:00:00+08:00", -1,
	    0, NULL, "closed" },
};

/* A record from "name: value" lines. */
static void
build(struct inc_record *r, const char *fields)
{
	char *copy = strdup(fields), *line, *save = NULL, *colon;

	assert_non_null(copy);
	record_init(r);
	r->kind = RECORD_INCIDENT;
	r->file = "t.rec";
	r->line = 1;
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		colon = strchr(line, ':');
		assert_non_null(colon);
		*colon = '\0';
		assert_int_equal(record_add(r, line, colon + 2), 0);
	}
	free(copy);
}

static void
test_states(void **state)
{
	struct inc_record r;
	struct inc_time now;
	struct ob_status st;
	char buf[INC_TIME_LEN];
	const char *bad;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *w = &rows[i];

		print_message("# %s\n", w->what);
		build(&r, w->fields);
		assert_int_equal(time_parse(w->now, &now), 0);
		rc = ob_state_of(w->ob, &r, now, &st, &bad);
		assert_int_equal(rc, w->rc);
		if (rc == -1) {
			assert_non_null(bad);
			assert_string_equal(bad, w->bad);
		} else {
			assert_string_equal(ob_state_name(st.state),
			    ob_state_name(w->state));
			assert_ptr_equal(st.ob, w->ob);
			assert_string_equal(st.has_deadline ?
			    time_format(buf, st.deadline) : "-", w->deadline);
			assert_int_equal(st.done, w->state == OB_MET ||
			    w->state == OB_LATE);
		}
		record_free(&r);
	}
}

static void
test_levels(void **state)
{
	static const struct {
		const char	*fields;
		int		 rc;
		bool		 leaders, initial;
	} t[] = {
		{ D "level: I\n", 1, true, true },
		{ D "level: II\n", 1, true, true },
		{ D "level: III\n", 1, false, true },
		{ D "level: IV\n", 1, false, true },
		{ D "level: II \n", 1, true, true },
		{ D, 0, false, true },
		{ D "level: V\n", -1, false, true },
		{ D "level: i\n", -1, false, true },
		{ D "level: \n", -1, false, true },
	};
	struct inc_record r;
	enum inc_level lv;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		build(&r, t[i].fields);
		assert_int_equal(ob_record_level(&r, &lv), t[i].rc);
		assert_int_equal(ob_applies(&leaders, &r),
		    t[i].leaders);
		assert_int_equal(ob_applies(&initial, &r),
		    t[i].initial);
		record_free(&r);
	}
}

static void
test_names(void **state)
{
	static const char *names[] = {
		"met", "late", "pending", "overdue", "missed"
	};
	enum ob_state s;
	size_t i;

	(void)state;
	for (i = 0; i < 5; i++) {
		assert_int_equal(ob_state_parse(names[i], &s), 0);
		assert_int_equal(s, (enum ob_state)i);
		assert_string_equal(ob_state_name(s), names[i]);
	}
	assert_int_equal(ob_state_parse("done", &s), -1);
	/* Notices: pending, overdue and late only. */
	assert_true(notice_wanted(OB_PENDING));
	assert_true(notice_wanted(OB_OVERDUE));
	assert_true(notice_wanted(OB_LATE));
	assert_false(notice_wanted(OB_MET));
	assert_false(notice_wanted(OB_MISSED));
	assert_string_equal(ob_state_label(OB_LATE, LANG_ZH), "迟报");
	assert_string_equal(ob_state_label(OB_MISSED, LANG_ZH), "漏报");
	assert_string_equal(ob_state_label(OB_OVERDUE, LANG_EN), "overdue");
}

static void
test_time_value(void **state)
{
	static const struct {
		const char	*v;
		int		 rc;
		int64_t		 t;
	} t[] = {
		{ "2026-11-24T10:15:00+08:00", 0, 1795486500 },
		{ "2026-11-24T02:15:00Z", 0, 1795486500 },
		{ "2026-11-24 10:15", 0, 1795486500 },
		{ "2026-11-24 10:15 by phone", 0, 1795486500 },
		{ "2026-11-24T10:15:00+08:00\tpolice desk", 0, 1795486500 },
		{ "yes", -1, 0 },
		{ "", -1, 0 },
		{ "by phone 2026-11-24 10:15", -1, 0 },
		{ "2026-11-24T10:15:00+08:00x", -1, 0 },
	};
	struct inc_time tm;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		print_message("# %s\n", t[i].v);
		assert_int_equal(ob_time(t[i].v, &tm), t[i].rc);
		if (t[i].rc == 0)
			assert_int_equal(tm.t, t[i].t);
	}
}

/* Seconds past the deadline, as --notices shows them. */
static void
test_delta(void **state)
{
	struct ob_status st;
	struct inc_time now = { 1000, 0 };
	int64_t d;

	(void)state;
	memset(&st, 0, sizeof(st));
	assert_false(notice_delta(&st, now, &d));
	st.has_deadline = true;
	st.deadline.t = 1600;
	assert_true(notice_delta(&st, now, &d));
	assert_int_equal(d, -600);
	st.done = true;
	st.done_at.t = 1660;
	assert_true(notice_delta(&st, now, &d));
	assert_int_equal(d, 60);
}

/* One obligation's answers, by lookups and from the gathered fields. */
static void
agree(struct ob_fields *f, size_t i, const struct inc_obligation *ob,
    const struct inc_record *r, struct inc_time now)
{
	struct ob_status a, b;
	const char *bad_a, *bad_b;
	char ta[INC_TIME_LEN], tb[INC_TIME_LEN];
	int rc;

	assert_int_equal(ob_fields_applies(f, i), ob_applies(ob, r));
	rc = ob_state_of(ob, r, now, &a, &bad_a);
	assert_int_equal(ob_fields_state(f, i, now, &b, &bad_b), rc);
	if (rc == -1) {
		assert_string_equal(bad_b, bad_a);
		return;
	}
	assert_ptr_equal(b.ob, ob);
	assert_int_equal(b.state, a.state);
	assert_int_equal(b.has_deadline, a.has_deadline);
	if (a.has_deadline)
		assert_string_equal(time_format(tb, b.deadline),
		    time_format(ta, a.deadline));
	assert_int_equal(b.done, a.done);
	if (a.done)
		assert_int_equal(b.done_at.t, a.done_at.t);
}

/*
 * ob_fields, read from a parsed record and from its bytes, answers as
 * ob_state_of and ob_applies do, for every row of the
 * table and every obligation; and finds the extra fields asked for.
 */
static void
test_fields(void **state)
{
	struct inc_obligation obs[] = { initial, risk, leaders, handling };
	struct inc_plan plan;
	static const char *const extra[] = { "status", "closed" };
	const char *levels[] = { "", "level: II\n", "level: IV\n",
	    "level: V\n", "level: \n" };
	static const char wrapped[] = D "level: II\n+ more\n";
	struct ob_fields *f;
	struct inc_record r;
	struct inc_time now;
	struct raw_para para;
	enum inc_level lv, lv2;
	const char *v;
	char text[512];
	size_t i, j, k, len;
	int n;

	(void)state;
	memset(&plan, 0, sizeof(plan));
	plan.obligations = obs;
	plan.nobligations = sizeof(obs) / sizeof(obs[0]);
	assert_non_null(f = ob_fields_new(&plan, extra, 2));
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		for (k = 0; k < sizeof(levels) / sizeof(levels[0]); k++) {
			n = snprintf(text, sizeof(text), "id: x\n%s%s"
			    "status: open\n", rows[i].fields, levels[k]);
			assert_true(n > 0 && (size_t)n < sizeof(text));
			build(&r, text);
			assert_int_equal(time_parse(rows[i].now, &now), 0);
			ob_fields_read(f, &r);
			assert_int_equal(ob_fields_level(f, &lv),
			    ob_record_level(&r, &lv2));
			assert_int_equal(lv, lv2);
			assert_int_equal(ob_fields_closed(f),
			    record_get(&r, "closed") != NULL);
			v = ob_fields_extra(f, 0, &len);
			assert_true(v != NULL && len == 4 &&
			    memcmp(v, "open", 4) == 0);
			v = ob_fields_extra(f, 1, &len);
			assert_true(v == record_get(&r, "closed"));
			for (j = 0; j < plan.nobligations; j++)
				agree(f, j, &obs[j], &r, now);
			/* From the bytes: one line per field, so it can say. */
			para.raw = text;
			para.len = (size_t)n;
			para.ends = NULL;
			para.nends = 0;
			assert_true(ob_fields_read_raw(f, &para));
			for (j = 0; j < plan.nobligations; j++)
				agree(f, j, &obs[j], &r, now);
			record_free(&r);
		}
	/* A value read on more than one line: parse it. */
	para.raw = wrapped;
	para.len = sizeof(wrapped) - 1;
	assert_false(ob_fields_read_raw(f, &para));
	ob_fields_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_time_value),
		cmocka_unit_test(test_delta),
		cmocka_unit_test(test_fields),
	};

	setenv("TZ", "Asia/Shanghai", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
