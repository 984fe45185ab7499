/*
 * test-report.c - the data of inc-report: the day's period, which
 * incidents a period keeps (to the second), open at the end, counts,
 * medians and worst times, the handling report's record, the labels,
 * the fields of incidents made from alerts and their columns.
 * Uses the small plan of tests/cmd/report/plan.yaml (run from the top).
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
#include "report.h"
#include "report-impl.h"

#define PLAN	"tests/cmd/report/plan.yaml"

/* 2026-11-24T00:00:00+08:00 */
#define DAY	INT64_C(1795449600)

static struct inc_plan *plan;

static int
setup(void **state)
{
	struct plan_errors errs = { 0 };

	(void)state;
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	inc_set_prog("test-report");
	plan = plan_load_file(PLAN, &errs);
	plan_errors_free(&errs);
	return plan == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	plan_free(plan);
	return 0;
}

static struct inc_time
at(int64_t t)
{
	struct inc_time x = { t, 8 * 3600 };

	return x;
}

/* A record from "name=value" pairs, NULL-terminated. */
static void
make(struct inc_record *rec, const char *const *kv)
{
	char name[64];
	const char *eq;

	record_init(rec);
	for (; *kv != NULL; kv++) {
		eq = strchr(*kv, '=');
		snprintf(name, sizeof(name), "%.*s", (int)(eq - *kv), *kv);
		assert_int_equal(record_add(rec, name, eq + 1), 0);
	}
}

static int
add(struct report *r, const char *const *kv)
{
	struct inc_record rec;
	int st;

	make(&rec, kv);
	st = report_add(r, &rec);
	record_free(&rec);
	return st;
}

static void
test_day_period(void **state)
{
	static const struct {
		const char	*tz, *date;
		int64_t		 since, len;
	} t[] = {
		{ "Asia/Shanghai", "2026-11-24", DAY, 86400 },
		{ "UTC", "2026-11-24", DAY + 8 * 3600, 86400 },
		/* DST ends: 25 hours; begins: 23 hours */
		{ "America/New_York", "2026-11-01", INT64_C(1793505600),
		    90000 },
		{ "America/New_York", "2026-03-08", INT64_C(1772946000),
		    82800 },
		{ "Asia/Shanghai", "2026-12-31", INT64_C(1798646400), 86400 },
		{ "Asia/Shanghai", "2028-02-29", INT64_C(1835366400), 86400 },
	};
	struct inc_time since, until;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		setenv("TZ", t[i].tz, 1);
		tzset();
		assert_int_equal(report_day_period(t[i].date, at(0), &since,
		    &until), 0);
		assert_int_equal(since.t, t[i].since);
		assert_int_equal(until.t - since.t, t[i].len);
	}
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
}

static void
test_day_default(void **state)
{
	struct inc_time since, until;

	(void)state;
	/* the day before the clock, in $TZ: not in UTC */
	assert_int_equal(report_day_period(NULL, at(DAY + 86400 + 1800),
	    &since, &until), 0);
	assert_int_equal(since.t, DAY);
	assert_int_equal(until.t, DAY + 86400);
	assert_int_equal(report_day_period(NULL, at(DAY + 86400 - 1),
	    &since, &until), 0);
	assert_int_equal(since.t, DAY - 86400);
	assert_int_equal(report_day_period(NULL, at(DAY + 86400),
	    &since, &until), 0);
	assert_int_equal(since.t, DAY);
}

static void
test_day_bad(void **state)
{
	static const char *const bad[] = { "2026-02-30", "2026-13-01",
	    "2026-11-24x", "2026-11-2", "", "yesterday", "2026-11-24 00:00",
	    "2026/11/24" };
	struct inc_time since, until;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(report_day_period(bad[i], at(0), &since,
		    &until), -1);
}

/* Which incidents the day keeps, to the second. */
static void
test_boundaries(void **state)
{
	static const struct {
		const char	*detected, *status, *closed;
		bool		 kept, in_period, open_at_end;
	} t[] = {
		{ "2026-11-23T23:59:59+08:00", "closed", NULL, false, false,
		    false },
		{ "2026-11-23T23:59:59+08:00", "open", NULL, true, false,
		    true },
		{ "2026-11-23T15:59:59Z", "open", NULL, true, false, true },
		{ "2026-11-23T16:00:00Z", "open", NULL, true, true, true },
		{ "2026-11-24T00:00:00+08:00", "closed", NULL, true, true,
		    false },
		{ "2026-11-24 23:59:59", "open", NULL, true, true, true },
		{ "2026-11-25T00:00:00+08:00", "open", NULL, false, false,
		    false },
		{ "2026-11-24T16:00:00Z", "open", NULL, false, false, false },
		/* closed at the end: still open at it, [since, until) */
		{ "2026-11-24T10:00:00+08:00", "closed",
		    "2026-11-25T00:00:00+08:00", true, true, true },
		{ "2026-11-24T10:00:00+08:00", "closed",
		    "2026-11-24T23:59:59+08:00", true, true, false },
		/* closed later than the end: open at it, whatever status */
		{ "2026-11-20T10:00:00+08:00", "closed",
		    "2026-11-26T00:00:00+08:00", true, false, true },
		/* closed within the period, detected before: listed */
		{ "2026-11-20T10:00:00+08:00", "closed",
		    "2026-11-24T08:00:00+08:00", true, false, false },
		/* closed before the period: not */
		{ "2026-11-20T10:00:00+08:00", "closed",
		    "2026-11-23T23:59:59+08:00", false, false, false },
	};
	const char *kv[8];
	char d[64], c[64];
	struct report r;
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(report_init_day(&r, plan, LANG_EN, at(DAY),
		    at(DAY + 86400)), 0);
		k = 0;
		kv[k++] = "id=x";
		kv[k++] = t[i].status[0] == 'c' ? "status=closed" :
		    "status=open";
		/* done, so no obligation brings it in */
		kv[k++] = "reported=2026-11-01T00:00:00+08:00";
		kv[k++] = "assessed=2026-11-01T00:00:00+08:00";
		kv[k++] = "handling_report=2026-11-01T00:00:00+08:00";
		snprintf(d, sizeof(d), "detected=%s", t[i].detected);
		kv[k++] = d;
		if (t[i].closed != NULL) {
			snprintf(c, sizeof(c), "closed=%s", t[i].closed);
			kv[k++] = c;
		}
		kv[k] = NULL;
		/* closed without a closed time: a data error (status.h) */
		assert_int_equal(add(&r, kv), t[i].status[0] == 'c' &&
		    t[i].closed == NULL ? EXIT_TROUBLE : 0);
		assert_int_equal(report_finish(&r), 0);
		if (r.n != (t[i].kept ? 1u : 0u))
			fail_msg("%s closed %s: kept %zu", t[i].detected,
			    t[i].closed ? t[i].closed : "-", r.n);
		if (t[i].kept) {
			assert_int_equal(r.v[0].in_period, t[i].in_period);
			assert_int_equal(r.v[0].open_at_end, t[i].open_at_end);
			assert_int_equal(r.ndetected, t[i].in_period);
		}
		report_free(&r);
	}
}

static void
test_late_within(void **state)
{
	struct report r;

	(void)state;
	/* detected and closed before, handling report filed late today */
	assert_int_equal(report_init_day(&r, plan, LANG_EN, at(DAY),
	    at(DAY + 86400)), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=old",
	    "detected=2026-11-20T10:00:00+08:00",
	    "reported=2026-11-20T10:10:00+08:00",
	    "assessed=2026-11-20T10:20:00+08:00",
	    "closed=2026-11-21T10:00:00+08:00", "status=closed",
	    "handling_report=2026-11-24T09:00:00+08:00", NULL }), 0);
	assert_int_equal(report_finish(&r), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.ndetected, 0);
	assert_int_equal(r.nbreach, 1);
	assert_string_equal(r.breach[0].ob->ob->id, "handling-report");
	assert_int_equal(r.breach[0].ob->state, OB_LATE);
	assert_true(report_has_breach(&r));
	report_free(&r);
}

static void
test_counts_and_times(void **state)
{
	struct report r;

	(void)state;
	assert_int_equal(report_init_day(&r, plan, LANG_EN, at(DAY),
	    at(DAY + 86400)), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=a", "level=I",
	    "category=network-attack", "detected=2026-11-24T01:00:00+08:00",
	    "reported=2026-11-24T01:10:00+08:00",
	    "assessed=2026-11-24T02:00:00+08:00",
	    "recovered=2026-11-24T05:00:00+08:00", NULL }), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=b", "level=I",
	    "category=network-attack", "detected=2026-11-24T02:00:00+08:00",
	    "reported=2026-11-24T02:30:00+08:00",
	    "closed=2026-11-24T03:00:00+08:00", NULL }), 0);
	/* Values the plan does not know: counted as unknown, and said. */
	assert_int_equal(add(&r, (const char *[]){ "id=c", "level=IV",
	    "category=nonesuch", "detected=2026-11-24T03:00:00+08:00",
	    "reported=2026-11-24T03:20:00+08:00", NULL }), 2);
	/* reported after the end: not known at the end, not measured */
	assert_int_equal(add(&r, (const char *[]){ "id=d", "level=bogus",
	    "detected=2026-11-24T23:00:00+08:00",
	    "reported=2026-11-25T01:00:00+08:00", NULL }), 2);
	assert_int_equal(report_finish(&r), 0);
	assert_int_equal(r.ndetected, 4);
	assert_int_equal(r.nlevel[LEVEL_I], 2);
	assert_int_equal(r.nlevel[LEVEL_IV], 1);
	assert_int_equal(r.nlevel[LEVEL_NONE], 1);
	/* network-attack, then unknown */
	assert_int_equal(r.ncategory[0], 2);
	assert_int_equal(r.ncategory[plan->ncategories], 2);
	/* 10m, 30m, 20m: odd median */
	assert_int_equal(r.stat[MEASURE_REPORTED].n, 3);
	assert_int_equal(r.stat[MEASURE_REPORTED].median, 20 * 60);
	assert_int_equal(r.stat[MEASURE_REPORTED].worst, 30 * 60);
	assert_int_equal(r.stat[MEASURE_ASSESSED].n, 1);
	assert_int_equal(r.stat[MEASURE_ASSESSED].median, 3600);
	/* 4h (recovered) and 1h (closed): even median */
	assert_int_equal(r.stat[MEASURE_RECOVERED].n, 2);
	assert_int_equal(r.stat[MEASURE_RECOVERED].median, 9000);
	assert_int_equal(r.stat[MEASURE_RECOVERED].worst, 4 * 3600);
	/* sorted by detection */
	assert_string_equal(r.v[0].id, "a");
	assert_string_equal(r.v[3].id, "d");
	report_free(&r);
}

static void
test_bad_records(void **state)
{
	struct report r;

	(void)state;
	assert_int_equal(report_init_day(&r, plan, LANG_EN, at(DAY),
	    at(DAY + 86400)), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=a", NULL }), 2);
	assert_int_equal(add(&r, (const char *[]){ "id=b",
	    "detected=2026-11-24T24:00:00+08:00", NULL }), 2);
	assert_int_equal(add(&r, (const char *[]){ "id=c",
	    "detected=2026-11-24T10:00:00+08:00", "reported=soon", NULL }),
	    2);
	assert_int_equal(report_finish(&r), 0);
	/* the one with a readable detected is still reported */
	assert_int_equal(r.n, 1);
	report_free(&r);
}

/*
 * An incident made from alerts: its fields kept, their columns in the
 * incident list after detected; a person's record has "-" there, and a
 * report of people's records alone has the columns it always had.
 */
static void
test_alerts(void **state)
{
	enum rep_label col[REP_MAXCOLS];
	struct rep_cells rc;
	struct report r;
	size_t i, n;

	(void)state;
	assert_int_equal(report_init_day(&r, plan, LANG_EN, at(DAY),
	    at(DAY + 86400)), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=brute",
	    "detected=2026-11-24T09:15:01+08:00", "alerts=412",
	    "last_seen=2026-11-24T09:52:40+08:00", "address=203.0.113.5",
	    "rule=sshd-failed-password", NULL }), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=person",
	    "detected=2026-11-24T10:15:00+08:00", NULL }), 0);
	assert_int_equal(report_finish(&r), 0);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.v[0].alerts, 412);
	assert_true(r.v[0].last_seen.set);
	assert_int_equal(r.v[0].last_seen.at.t, DAY + 9 * 3600 + 52 * 60 + 40);
	assert_string_equal(r.v[0].address, "203.0.113.5");
	assert_null(r.v[0].rule);		/* the handling report's */
	assert_int_equal(r.v[1].alerts, 0);
	assert_false(r.v[1].last_seen.set);
	assert_null(r.v[1].address);
	assert_true(r.any_alerts && r.any_last_seen && r.any_address);

	n = rep_incident_columns(&r, col);
	assert_int_equal(n, REP_INC_COLS + 3);
	assert_int_equal(col[5], L_DETECTED);
	assert_int_equal(col[6], L_LAST_SEEN);
	assert_int_equal(col[7], L_ALERTS);
	assert_int_equal(col[8], L_ADDRESS);
	assert_int_equal(col[n - 1], L_TITLE);
	assert_int_equal(rep_incident_cells(&r, &r.v[0], &rc), n);
	assert_string_equal(rc.c[5], "2026-11-24 09:15");
	assert_string_equal(rc.c[6], "2026-11-24 09:52");
	assert_string_equal(rc.c[7], "412");
	assert_string_equal(rc.c[8], "203.0.113.5");
	rep_incident_cells(&r, &r.v[1], &rc);
	assert_null(rc.c[6]);
	assert_null(rc.c[7]);
	assert_null(rc.c[8]);
	report_free(&r);

	/* people's records alone: the columns of rep_inc_head */
	assert_int_equal(report_init_day(&r, plan, LANG_EN, at(DAY),
	    at(DAY + 86400)), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=person",
	    "detected=2026-11-24T10:15:00+08:00", NULL }), 0);
	assert_int_equal(report_finish(&r), 0);
	assert_false(r.any_alerts || r.any_last_seen || r.any_address);
	assert_int_equal(rep_incident_columns(&r, col), REP_INC_COLS);
	for (i = 0; i < REP_INC_COLS; i++)
		assert_int_equal(col[i], rep_inc_head[i]);
	report_free(&r);
}

/* Bad alert fields: reported (2), left out, the incident kept. */
static void
test_alerts_bad(void **state)
{
	struct report r;

	(void)state;
	assert_int_equal(report_init_day(&r, plan, LANG_EN, at(DAY),
	    at(DAY + 86400)), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=a",
	    "detected=2026-11-24T09:00:00+08:00", "alerts=0",
	    "last_seen=2026-11-24T09:10:00+08:00", NULL }), 2);
	assert_int_equal(add(&r, (const char *[]){ "id=b",
	    "detected=2026-11-24T09:01:00+08:00", "alerts=7",
	    "last_seen=2026-11-24T09:00:59+08:00", NULL }), 2);
	assert_int_equal(add(&r, (const char *[]){ "id=c",
	    "detected=2026-11-24T09:02:00+08:00", "last_seen=soon", NULL }),
	    2);
	/* detected the next day: not read, as its level would not be */
	assert_int_equal(add(&r, (const char *[]){ "id=d",
	    "detected=2026-11-25T09:00:00+08:00", "alerts=x", NULL }), 0);
	assert_int_equal(report_finish(&r), 0);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.v[0].alerts, 0);
	assert_true(r.v[0].last_seen.set);
	assert_int_equal(r.v[1].alerts, 7);
	assert_false(r.v[1].last_seen.set);
	assert_false(r.v[2].last_seen.set);
	assert_true(r.any_alerts && r.any_last_seen);
	report_free(&r);
}

static void
test_handling_alerts(void **state)
{
	const struct rep_incident *inc;
	struct report r;

	(void)state;
	assert_int_equal(report_init_handling(&r, plan, LANG_EN, "x",
	    at(DAY + 86400)), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=x",
	    "detected=2026-11-24T09:15:01+08:00", "alerts=5",
	    "last_seen=2026-11-24T09:16:00+08:00", "address=203.0.113.5",
	    "rule=sshd-failed-password", NULL }), 0);
	assert_int_equal(report_finish(&r), 0);
	assert_non_null(inc = report_incident(&r));
	assert_int_equal(inc->alerts, 5);
	assert_string_equal(inc->rule, "sshd-failed-password");
	assert_string_equal(inc->address, "203.0.113.5");
	report_free(&r);
}

static void
test_handling_last_wins(void **state)
{
	const struct rep_incident *inc;
	struct report r;

	(void)state;
	assert_int_equal(report_init_handling(&r, plan, LANG_EN, "x",
	    at(DAY + 86400)), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=x", "title=first",
	    "detected=2026-11-24T10:00:00+08:00", NULL }), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=y", "title=other",
	    "detected=2026-11-24T10:00:00+08:00", NULL }), 0);
	assert_int_equal(add(&r, (const char *[]){ "id=x", "title=second",
	    "detected=2026-11-24T10:00:00+08:00", "category=network-attack",
	    "step=network-attack.2 2026-11-24T10:30:00+08:00 chen",
	    "log=2026-11-24T10:05:00+08:00 seen", NULL }), 0);
	assert_int_equal(report_finish(&r), 0);
	assert_non_null(inc = report_incident(&r));
	assert_string_equal(inc->title, "second");
	/* no procedure field: routed from the category */
	assert_int_equal(inc->nprocs, 1);
	assert_string_equal(inc->procs[0]->id, "network-attack");
	assert_non_null(rep_step_done(inc, inc->procs[0], 2));
	assert_null(rep_step_done(inc, inc->procs[0], 1));
	assert_int_equal(inc->nlog, 1);
	/* every obligation that applies, whatever its state */
	assert_int_equal(inc->nobs, plan->nobligations);
	report_free(&r);
}

static void
test_log_split(void **state)
{
	struct rep_when w;

	(void)state;
	assert_string_equal(rep_log_split("2026-11-24T10:05:00+08:00 seen it",
	    &w), "seen it");
	assert_true(w.set);
	assert_int_equal(w.at.t, DAY + 10 * 3600 + 300);
	assert_string_equal(rep_log_split("2026-11-24 10:05 local", &w),
	    "local");
	assert_true(w.set);
	assert_string_equal(rep_log_split("no time here", &w),
	    "no time here");
	assert_false(w.set);
}

static void
test_formats_and_labels(void **state)
{
	enum rep_format f;
	size_t l;

	(void)state;
	assert_int_equal(report_format_parse("json", &f), 0);
	assert_int_equal(f, FMT_JSON);
	assert_int_equal(report_format_parse("markdown", &f), 0);
	assert_int_equal(f, FMT_MARKDOWN);
	assert_int_equal(report_format_parse("JSON", &f), -1);
	assert_int_equal(report_format_parse("xml", &f), -1);
	for (l = 0; l < L_COUNT; l++) {
		assert_true(*rep_label(l, LANG_ZH) != '\0');
		assert_true(*rep_label(l, LANG_EN) != '\0');
	}
	assert_string_equal(rep_status_label("closed", LANG_ZH), "已关闭");
	assert_string_equal(rep_status_label("weird", LANG_ZH), "weird");
	assert_string_equal(rep_state_label(OB_MISSED, LANG_ZH), "漏报");
	assert_string_equal(rep_state_label(OB_LATE, LANG_ZH), "迟报");
}

static void
test_plain(void **state)
{
	(void)state;
	assert_true(rep_plain("abc def", 0));
	assert_false(rep_plain("a\nb", 0));
	assert_true(rep_plain("a\nb", 1));
	assert_false(rep_plain("\033[2J", 1));
	assert_false(rep_plain("\x7f", 1));
	assert_false(rep_plain("中文", 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_period),
		cmocka_unit_test(test_day_default),
		cmocka_unit_test(test_day_bad),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_late_within),
		cmocka_unit_test(test_counts_and_times),
		cmocka_unit_test(test_bad_records),
		cmocka_unit_test(test_alerts),
		cmocka_unit_test(test_alerts_bad),
		cmocka_unit_test(test_handling_alerts),
		cmocka_unit_test(test_handling_last_wins),
		cmocka_unit_test(test_log_split),
		cmocka_unit_test(test_formats_and_labels),
		cmocka_unit_test(test_plain),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
