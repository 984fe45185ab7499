/*
 * test-group.c - group.h: alerts of one rule and key folded into one
 * incident; a threshold counted in a sliding window, of alerts or of
 * distinct values; a gap longer than the window closing an incident;
 * the key keeping hosts apart; the cap closing the oldest early; live
 * incidents handed out at --hold and again when they grew; the lines an
 * incident keeps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "group.h"

#define MAXOUT	16

/* What emit was given, copied. */
struct seen {
	size_t		 n;
	uint64_t	 alerts[MAXOUT];
	int64_t		 first[MAXOUT], last[MAXOUT];
	size_t		 nlines[MAXOUT];
	char		 line0[MAXOUT][64], lastline[MAXOUT][64];
	bool		 update[MAXOUT], early[MAXOUT];
	int		 stop_at;	/* emit returns -1 at this call (1-) */
};

static int
emit(const struct group_incident *gi, void *ctx)
{
	struct seen *s = ctx;
	size_t i = s->n;

	if (i >= MAXOUT)
		return -1;
	s->alerts[i] = gi->alerts;
	s->first[i] = gi->first.t;
	s->last[i] = gi->last.t;
	s->nlines[i] = gi->nlines;
	snprintf(s->line0[i], 64, "%.*s", (int)gi->lens[0], gi->lines[0]);
	snprintf(s->lastline[i], 64, "%.*s", (int)gi->lens[gi->nlines - 1],
	    gi->lines[gi->nlines - 1]);
	s->update[i] = gi->update;
	s->early[i] = gi->early;
	s->n++;
	return s->stop_at != 0 && (int)s->n == s->stop_at ? -1 : 0;
}

static struct inc_rule rule;
static struct inc_match match;
static const char *by_user[] = { "user" };

static void
reset_rule(unsigned threshold, long window)
{
	memset(&rule, 0, sizeof(rule));
	rule.id = "r";
	rule.threshold = threshold;
	rule.window = window;
	memset(&match, 0, sizeof(match));
	match.rule = "r";
	match.def = &rule;
}

/* An alert at t from host, address (match's), line "host#t". */
static int
add(struct grouping *g, int64_t t, const char *host, const char *address,
    double seen)
{
	static char line[64];
	struct group_alert a;

	match.address = address;
	match.addresslen = address != NULL ? strlen(address) : 0;
	memset(&a, 0, sizeof(a));
	a.match = &match;
	a.detected.t = a.received.t = t;
	a.host = host;
	a.hostlen = strlen(host);
	snprintf(line, sizeof(line), "%s#%lld", host, (long long)t);
	a.line = line;
	a.len = strlen(line);
	a.seen = seen;
	return group_add(g, &a);
}

static void
test_threshold_sliding(void **state)
{
	struct grouping *g;
	struct seen s = { 0 };
	int i;

	(void)state;
	reset_rule(5, 600);
	assert_non_null(g = grouping_new(100, 600, emit, &s));
	/* Five alerts 3 minutes apart: never five within 10 minutes. */
	for (i = 0; i < 5; i++)
		assert_int_equal(add(g, 1000 + i * 180, "www", "a", 0), 0);
	assert_int_equal(group_close_all(g), 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(group_stats(g)->below, 5);
	/* Four, then a fifth within the window of the second: an incident
	 * of the four still in the window, from the second. */
	for (i = 0; i < 4; i++)
		assert_int_equal(add(g, 5000 + i * 200, "www", "a", 0), 0);
	assert_int_equal(add(g, 5000 + 790, "www", "a", 0), 0);
	assert_int_equal(add(g, 5000 + 795, "www", "a", 0), 0);
	assert_int_equal(group_close_all(g), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.alerts[0], 5);	/* 200..795: 4 + the sixth */
	assert_int_equal(s.first[0], 5200);
	assert_int_equal(s.last[0], 5795);
	assert_int_equal(group_stats(g)->below, 6);
	grouping_free(g);
}

static void
test_gap_and_key(void **state)
{
	struct grouping *g;
	struct seen s = { 0 };

	(void)state;
	reset_rule(1, 600);
	assert_non_null(g = grouping_new(100, 600, emit, &s));
	assert_int_equal(add(g, 0, "www", "a", 0), 0);
	assert_int_equal(add(g, 500, "www", "a", 0), 0);
	assert_int_equal(add(g, 500, "db", "a", 0), 0);	/* another host */
	assert_int_equal(add(g, 500, "www", "b", 0), 0);	/* address */
	assert_int_equal(add(g, 1101, "www", "a", 0), 0);	/* > window */
	assert_int_equal(s.n, 1);			/* the gap closed it */
	assert_int_equal(s.alerts[0], 2);
	assert_int_equal(group_close_all(g), 0);
	assert_int_equal(s.n, 4);
	assert_int_equal(group_stats(g)->incidents, 4);
	assert_int_equal(group_stats(g)->alerts, 5);
	grouping_free(g);
}

static void
test_expire_in_alert_time(void **state)
{
	struct grouping *g;
	struct seen s = { 0 };

	(void)state;
	reset_rule(1, 60);
	assert_non_null(g = grouping_new(100, 600, emit, &s));
	assert_int_equal(add(g, 0, "a", NULL, 0), 0);
	assert_int_equal(group_expire(g), 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(add(g, 61, "b", NULL, 0), 0);
	assert_int_equal(group_expire(g), 0);	/* a's window passed */
	assert_int_equal(s.n, 1);
	assert_string_equal(s.line0[0], "a#0");
	grouping_free(g);
}

static void
test_distinct(void **state)
{
	struct grouping *g;
	struct seen s = { 0 };
	char port[8];
	int i;

	(void)state;
	reset_rule(3, 60);
	rule.distinct = "port";
	assert_non_null(g = grouping_new(100, 600, emit, &s));
	/* One port ten times: one distinct value, no scan. */
	match.distinct = "22";
	match.distinctlen = 2;
	for (i = 0; i < 10; i++)
		assert_int_equal(add(g, i, "gw", "x", 0), 0);
	/* Two more ports: three distinct, twelve alerts. */
	for (i = 0; i < 2; i++) {
		snprintf(port, sizeof(port), "%d", 80 + i);
		match.distinct = port;
		match.distinctlen = strlen(port);
		assert_int_equal(add(g, 20 + i, "gw", "x", 0), 0);
	}
	assert_int_equal(group_close_all(g), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.alerts[0], 12);
	grouping_free(g);
}

static void
test_by_fields(void **state)
{
	struct grouping *g;
	struct seen s = { 0 };

	(void)state;
	reset_rule(1, 600);
	rule.by = by_user;
	rule.nby = 1;
	assert_non_null(g = grouping_new(100, 600, emit, &s));
	match.by[0] = "alice";
	match.bylen[0] = 5;
	assert_int_equal(add(g, 0, "h1", "a", 0), 0);
	assert_int_equal(add(g, 1, "h2", "b", 0), 0);	/* same user */
	match.by[0] = "bob";
	match.bylen[0] = 3;
	assert_int_equal(add(g, 2, "h1", "a", 0), 0);
	assert_int_equal(group_close_all(g), 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.alerts[0], 2);
	assert_int_equal(s.alerts[1], 1);
	grouping_free(g);
}

static void
test_lines_kept(void **state)
{
	struct grouping *g;
	struct seen s = { 0 };
	int i;

	(void)state;
	reset_rule(2, 600);
	assert_non_null(g = grouping_new(100, 600, emit, &s));
	for (i = 0; i < 1000; i++)
		assert_int_equal(add(g, i / 10, "www", "a", 0), 0);
	assert_int_equal(group_close_all(g), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.alerts[0], 1000);
	assert_int_equal(s.nlines[0], GROUP_HEAD + 1);
	assert_string_equal(s.line0[0], "www#0");
	assert_string_equal(s.lastline[0], "www#99");
	grouping_free(g);
}

static void
test_cap(void **state)
{
	struct grouping *g;
	struct seen s = { 0 };

	(void)state;
	reset_rule(1, 600);
	assert_non_null(g = grouping_new(2, 600, emit, &s));
	assert_int_equal(add(g, 0, "a", NULL, 0), 0);
	assert_int_equal(add(g, 1, "b", NULL, 0), 0);
	assert_int_equal(add(g, 2, "c", NULL, 0), 0);	/* a closed early */
	assert_int_equal(s.n, 1);
	assert_true(s.early[0]);
	assert_string_equal(s.line0[0], "a#0");
	assert_int_equal(group_stats(g)->early, 1);
	assert_int_equal(group_close_all(g), 0);
	assert_int_equal(s.n, 3);
	assert_false(s.early[1]);
	grouping_free(g);
}

static void
test_live_hold(void **state)
{
	struct grouping *g;
	struct seen s = { 0 };

	(void)state;
	reset_rule(2, 600);
	assert_non_null(g = grouping_new(100, 600, emit, &s));
	grouping_hold(g, 60);
	assert_int_equal(group_due(g, 1.0), -1);	/* nothing open */
	assert_int_equal(add(g, 0, "www", "a", 10.0), 0);
	assert_int_equal(add(g, 1, "www", "a", 11.0), 0);  /* threshold */
	/* Due at 11 + 60: not before. */
	assert_true(group_due(g, 20.0) > 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(group_due(g, 71.5), 600L * 1000 - 60500 + 1);
	assert_int_equal(s.n, 1);
	assert_false(s.update[0]);
	assert_int_equal(s.alerts[0], 2);
	/* More alerts: again a hold after it was written, as an update. */
	assert_int_equal(add(g, 100, "www", "a", 100.0), 0);
	assert_true(group_due(g, 120.0) > 0);
	assert_int_equal(s.n, 1);
	assert_true(group_due(g, 131.5) > 0);
	assert_int_equal(s.n, 2);
	assert_true(s.update[1]);
	assert_int_equal(s.alerts[1], 3);
	/* Nothing new: nothing written; its window passes: closed. */
	assert_true(group_due(g, 200.0) > 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(group_due(g, 700.0), -1);
	assert_int_equal(s.n, 2);		/* nothing new to write */
	assert_int_equal(group_stats(g)->incidents, 1);
	grouping_free(g);
}

/*
 * Rules of one group share incidents; an alert of the default key
 * without an address joins the latest group on its host that has one,
 * while that attack goes on, and makes its own once it is over.
 */
static void
test_group_and_alias(void **state)
{
	struct grouping *g;
	struct seen s = { 0 };
	struct inc_rule other;

	(void)state;
	reset_rule(3, 600);
	rule.group = "logins";
	other = rule;
	other.id = "s";
	other.threshold = 1;
	assert_non_null(g = grouping_new(100, 600, emit, &s));
	assert_int_equal(add(g, 0, "www", "a", 0), 0);
	assert_int_equal(add(g, 1, "www", NULL, 0), 0);	/* alias: a's */
	match.def = &other;
	match.rule = "s";
	assert_int_equal(add(g, 2, "www", "a", 0), 0);	/* rule s, group */
	assert_int_equal(group_stats(g)->incidents, 0);
	assert_int_equal(group_close_all(g), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.alerts[0], 3);
	/* The attack over (a gap of more than the window): its own. */
	match.def = &rule;
	match.rule = "r";
	rule.threshold = 1;
	assert_int_equal(add(g, 5000, "www", "b", 0), 0);
	assert_int_equal(add(g, 5001, "www", NULL, 0), 0);
	assert_int_equal(add(g, 9000, "www", NULL, 0), 0);	/* b over */
	assert_int_equal(group_close_all(g), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.alerts[1], 2);		/* b and its alias */
	assert_int_equal(s.alerts[2], 1);
	grouping_free(g);
}

static void
test_emit_stops(void **state)
{
	struct grouping *g;
	struct seen s = { 0 };

	(void)state;
	reset_rule(1, 10);
	s.stop_at = 1;
	assert_non_null(g = grouping_new(100, 600, emit, &s));
	assert_int_equal(add(g, 0, "a", NULL, 0), 0);
	assert_int_equal(add(g, 100, "a", NULL, 0), -1);	/* said stop */
	grouping_free(g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threshold_sliding),
		cmocka_unit_test(test_gap_and_key),
		cmocka_unit_test(test_expire_in_alert_time),
		cmocka_unit_test(test_distinct),
		cmocka_unit_test(test_by_fields),
		cmocka_unit_test(test_lines_kept),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_live_hold),
		cmocka_unit_test(test_group_and_alias),
		cmocka_unit_test(test_emit_stops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
