/*
 * test-detect.c - the plan's detection rules (match.h, plan-detection.c):
 * rules before the subtypes' keywords, the first in plan order, ignore
 * rules, patterns gated by their literals, the address a pattern
 * captures, whole words, the category filter, examples checked where
 * the plan has them, every problem of a rule placed at its
 * line:column, with the limits, and the grouping keys a rule names
 * with what a match captures for them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ac.h"
#include "match.h"
#include "plan-impl.h"

#define MINIMAL	"tests/plan/minimal.yaml"

/* minimal.yaml, then text: a plan with a detection section. */
static struct inc_plan *
load(const char *text, struct plan_errors *errs)
{
	static char buf[1 << 22];
	FILE	*fp;
	size_t	 len;

	assert_non_null(fp = fopen(MINIMAL, "r"));
	len = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	assert_true(len + strlen(text) < sizeof(buf));
	memcpy(buf + len, text, strlen(text));
	len += strlen(text);
	memset(errs, 0, sizeof(*errs));
	return plan_load_buffer("t.yaml", buf, len, errs);
}

/* Lines of minimal.yaml, so that a rule's line numbers can be said. */
static long
minimal_lines(void)
{
	FILE	*fp;
	long	 n = 0;
	int	 c;

	assert_non_null(fp = fopen(MINIMAL, "r"));
	while ((c = getc(fp)) != EOF)
		n += c == '\n';
	fclose(fp);
	return n;
}

static const char rules[] =
    "detection:\n"
    "  clause: x\n"
    "  rules:\n"
    "    - id: noise\n"
    "      ignore: true\n"
    "      pattern: 'recovered'\n"
    "      literals: [recovered]\n"
    "    - id: login\n"
    "      subtype: attack/other\n"
    "      pattern: 'Failed password for (?<user>\\S+) from (?<address>\\S+)'\n"
    "      literals: [failed password]\n"
    "      examples: ['Nov 24 09:00:00 h sshd[1]: Failed password for root from 192.0.2.1 port 22']\n"
    "    - id: gated\n"
    "      subtype: attack/dos\n"
    "      pattern: 'flood'\n"
    "      literals: [syn]\n"
    "    - id: words\n"
    "      subtype: attack/other\n"
    "      keywords: [brute force, 暴力破解, ends-]\n"
    "      noise: ['brute forced nothing']\n";

struct fixture {
	struct inc_plan		*plan;
	struct inc_matcher	*dense, *sparse;
};

static int
setup(void **state)
{
	static struct fixture f;
	struct plan_errors errs;

	f.plan = load(rules, &errs);
	if (f.plan == NULL) {
		if (errs.n > 0)
			fprintf(stderr, "%ld:%ld: %s\n", errs.v[0].line,
			    errs.v[0].column, errs.v[0].message);
		return -1;
	}
	plan_errors_free(&errs);
	f.dense = matcher_build(f.plan);
	f.sparse = matcher_build_budget(f.plan, 0);
	*state = &f;
	return f.dense == NULL || f.sparse == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	matcher_free(f->dense);
	matcher_free(f->sparse);
	plan_free(f->plan);
	return 0;
}

struct want {
	const char	*text;
	const char	*rule;		/* NULL: nothing */
	const char	*subtype;	/* NULL: none (ignore) */
	const char	*address;
};

static void
test_rules(void **state)
{
	static const struct want t[] = {
		{ "Failed password for root from 192.0.2.1 port 22", "login",
		    "other", "192.0.2.1" },
		/* the ignore rule comes first; noise has no subtype here */
		{ "ddos recovered", "noise", NULL, NULL },
		/* a pattern is tried only where one of its literals is */
		{ "flood", NULL, NULL, NULL },
		{ "SYN flood", "gated", "dos", NULL },
		{ "syn only", NULL, NULL, NULL },
		/* the plan's rules before the subtypes' keywords */
		{ "brute force then ddos", "words", "other", NULL },
		{ "ddos", "attack/dos", "dos", NULL },
		{ "发生暴力破解", "words", "other", NULL },
		/* whole words */
		{ "brute forced", NULL, NULL, NULL },
		{ "xddos", NULL, NULL, NULL },
		{ "ends-x", "words", "other", NULL },
		{ "Failed password for root", NULL, NULL, NULL },
	};
	struct fixture *f = *state;
	struct inc_match m;
	size_t i;

	for (i = 0; i < 2 * sizeof(t) / sizeof(t[0]); i++) {
		const struct want *w = &t[i / 2];

		match_clear(&m);
		matcher_scan(i % 2 ? f->sparse : f->dense, w->text,
		    strlen(w->text), NULL, &m);
		if (w->rule == NULL) {
			if (m.rule != NULL)
				fail_msg("\"%s\": rule %s", w->text, m.rule);
			continue;
		}
		if (m.rule == NULL)
			fail_msg("\"%s\": no rule", w->text);
		assert_string_equal(m.rule, w->rule);
		assert_int_equal(m.ignore, w->subtype == NULL);
		if (w->subtype != NULL)
			assert_string_equal(m.subtype->id, w->subtype);
		if (w->address == NULL)
			assert_null(m.address);
		else {
			assert_int_equal(m.addresslen, strlen(w->address));
			assert_memory_equal(m.address, w->address,
			    m.addresslen);
		}
	}
}

/* Within a category a person gave: no ignore rule. */
static void
test_within(void **state)
{
	struct fixture *f = *state;
	struct inc_match m;

	match_clear(&m);
	matcher_scan(f->dense, "ddos recovered", 14,
	    &f->plan->categories[0], &m);
	assert_string_equal(m.rule, "attack/dos");
}

/* The examples pass; one that matches another rule is placed. */
static void
test_examples(void **state)
{
	struct fixture *f = *state;
	struct plan_errors errs;
	struct inc_plan *p;
	struct inc_matcher *m;
	long base = minimal_lines();

	memset(&errs, 0, sizeof(errs));
	assert_int_equal(matcher_check_examples(f->dense, f->plan, &errs), 0);
	p = load("detection:\n  rules:\n"
	    "    - id: a\n      subtype: attack/dos\n      keywords: [flood]\n"
	    "      examples: ['a ddos', 'nothing', 'flood']\n"
	    "      noise: ['x flood']\n", &errs);
	assert_non_null(p);
	assert_non_null(m = matcher_build(p));
	assert_int_equal(matcher_check_examples(m, p, &errs), 3);
	assert_int_equal(errs.v[0].line, base + 6);
	assert_int_equal(errs.v[0].column, 18);
	assert_string_equal(errs.v[0].message, "example of rule \"a\" matches "
	    "rule \"attack/dos\" first");
	assert_string_equal(errs.v[1].message,
	    "example of rule \"a\" matches no rule");
	assert_int_equal(errs.v[2].line, base + 7);
	assert_string_equal(errs.v[2].message,
	    "noise of rule \"a\" matches rule \"a\"");
	plan_errors_free(&errs);
	matcher_free(m);
	plan_free(p);
}

struct bad {
	const char	*rule;		/* the rule's lines after "- id: r\n" */
	long		 line, column;	/* line: of rule, from 1; 0 is
					 * the line "- id: r" */
	const char	*message;
};

static void
test_problems(void **state)
{
	static const struct bad t[] = {
		{ "      subtype: attack/dos\n      pattern: 'a(b'\n"
		  "      literals: [a]\n", 2, 16,
		  "bad pattern: missing closing parenthesis at character 4 of it" },
		{ "      subtype: attack/dos\n      pattern: 'a'\n", 2, 16,
		  "a pattern needs its literals (the words a line must hold "
		  "for the pattern to be tried)" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      literals: [a]\n", 3, 17, "literals belong to a pattern" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      pattern: 'a'\n      literals: [a]\n", 3, 16,
		  "a rule has keywords or a pattern, not both" },
		{ "      subtype: attack/dos\n", 0, 7,
		  "rule needs keywords or a pattern" },
		{ "      keywords: [a]\n", 0, 7,
		  "rule needs a subtype (or ignore: true)" },
		{ "      subtype: attack/nope\n      keywords: [a]\n", 1, 16,
		  "unknown subtype \"nope\" in category \"attack\"" },
		{ "      subtype: nope/dos\n      keywords: [a]\n", 1, 16,
		  "unknown category \"nope\" in rule" },
		{ "      subtype: dos\n      keywords: [a]\n", 1, 16,
		  "subtype \"dos\" must be category/subtype" },
		{ "      ignore: yes\n      keywords: [a]\n", 1, 15,
		  "\"ignore\" must be true, not \"yes\" (leave it out)" },
		{ "      ignore: true\n      subtype: attack/dos\n"
		  "      keywords: [a]\n", 2, 16,
		  "a rule has a subtype or ignore: true, not both" },
		{ "      subtype: attack/dos\n      keywords: []\n", 2, 17,
		  "\"keywords\" is empty" },
		{ "      subtype: attack/dos\n      pattern: '(?<Addr>a)'\n"
		  "      literals: [a]\n", 2, 16,
		  "bad group name \"Addr\" in pattern (want [a-z][a-z0-9_]*)" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      colour: red\n", 3, 7, "unknown key \"colour\" in rule" },
		/* grouping (inc-plan(5) GROUPING) */
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      window: 10 minutes\n", 3, 15,
		  "bad duration \"10 minutes\"" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      window: 0s\n", 3, 15,
		  "\"window\" must be longer than 0s" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      threshold: 0\n", 3, 18,
		  "bad threshold \"0\" (want a whole number from 1 to 1000)" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      threshold: 1001\n", 3, 18,
		  "bad threshold \"1001\" (want a whole number from 1 to 1000)" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      threshold: 5x\n", 3, 18,
		  "bad threshold \"5x\" (want a whole number from 1 to 1000)" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      threshold: 99999999999999999999\n", 3, 18,
		  "bad threshold \"99999999999999999999\" (want a whole number "
		  "from 1 to 1000)" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      by: []\n", 3, 11, "\"by\" is empty" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      by: host\n", 3, 11, "\"by\" must be a sequence, not a scalar" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      by: [host, source, host, source, host]\n", 3, 11,
		  "more than 4 fields in \"by\"" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      by: [host, host]\n", 3, 18,
		  "\"by\" names \"host\" twice" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      by: [user]\n", 3, 12, "\"by\" names \"user\": a rule "
		  "without a pattern groups by host and source only" },
		{ "      subtype: attack/dos\n      pattern: 'a (?<user>\\S+)'\n"
		  "      literals: [a]\n      by: [host, usr]\n", 4, 18,
		  "\"by\" names \"usr\": not host, source or a named group of "
		  "the pattern" },
		{ "      subtype: attack/dos\n      pattern: 'a (?<port>\\d+)'\n"
		  "      literals: [a]\n      distinct: port\n", 4, 17,
		  "\"distinct\" needs a threshold of 2 or more" },
		{ "      subtype: attack/dos\n      pattern: 'a (?<port>\\d+)'\n"
		  "      literals: [a]\n      threshold: 3\n"
		  "      distinct: prt\n", 5, 17, "\"distinct\" names \"prt\": "
		  "not a named group of the pattern" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      threshold: 3\n      distinct: host\n", 4, 17,
		  "\"distinct\" names \"host\": not a named group of the "
		  "pattern" },
		{ "      subtype: attack/dos\n      pattern: 'a (?<address>\\S+)'\n"
		  "      literals: [a]\n      threshold: 3\n"
		  "      distinct: address\n", 5, 17,
		  "\"distinct\" names \"address\", a field of the key" },
		{ "      subtype: attack/dos\n      pattern: 'a (?<port>\\d+)'\n"
		  "      literals: [a]\n      threshold: 3\n"
		  "      by: [port]\n      distinct: port\n", 6, 17,
		  "\"distinct\" names \"port\", a field of the key" },
		{ "      ignore: true\n      keywords: [a]\n"
		  "      threshold: 5\n", 3, 18, "an ignore rule has no "
		  "\"threshold\" (its lines make no incident)" },
		{ "      ignore: true\n      keywords: [a]\n"
		  "      window: 1m\n", 3, 15, "an ignore rule has no "
		  "\"window\" (its lines make no incident)" },
		{ "      ignore: true\n      keywords: [a]\n"
		  "      group: g\n", 3, 14, "an ignore rule has no "
		  "\"group\" (its lines make no incident)" },
		{ "      subtype: attack/dos\n      keywords: [a]\n"
		  "      group: Logins\n", 3, 14,
		  "bad id \"Logins\" (want [a-z][a-z0-9-]*)" },
	};
	struct plan_errors errs;
	char text[1024];
	long base = minimal_lines() + 3;	/* the line of "- id: r" */
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		snprintf(text, sizeof(text), "detection:\n  rules:\n"
		    "    - id: r\n%s", t[i].rule);
		assert_null(load(text, &errs));
		if (errs.n != 1 || errs.v[0].line != base + t[i].line ||
		    errs.v[0].column != t[i].column ||
		    strcmp(errs.v[0].message, t[i].message) != 0)
			fail_msg("case %zu: %zu problems, first %ld:%ld: %s",
			    i, errs.n, errs.n ? errs.v[0].line - base : 0,
			    errs.n ? errs.v[0].column : 0,
			    errs.n ? errs.v[0].message : "");
		plan_errors_free(&errs);
	}
	/* Two rules of one id. */
	assert_null(load("detection:\n  rules:\n"
	    "    - {id: r, subtype: attack/dos, keywords: [a]}\n"
	    "    - {id: r, subtype: attack/dos, keywords: [b]}\n", &errs));
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].message, "duplicate rule id \"r\"");
	plan_errors_free(&errs);
	/* Rules of one group are of one subtype: said at the later. */
	assert_null(load("detection:\n  rules:\n"
	    "    - {id: r, subtype: attack/dos, keywords: [a], group: g}\n"
	    "    - {id: s, subtype: attack/other, keywords: [b], group: g}\n",
	    &errs));
	assert_int_equal(errs.n, 1);
	assert_int_equal(errs.v[0].line, minimal_lines() + 4);
	assert_string_equal(errs.v[0].message, "group \"g\": rule \"s\" is of "
	    "another subtype than \"r\"");
	plan_errors_free(&errs);
}

/* Captured, as the match has it: want NULL for nothing. */
static void
assert_capture(const char *got, size_t len, const char *want)
{
	if (want == NULL) {
		assert_null(got);
		assert_int_equal(len, 0);
		return;
	}
	assert_non_null(got);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(got, want, len);
}

static const char grouped[] =
    "detection:\n"
    "  window: 15m\n"
    "  rules:\n"
    "    - id: noise\n"
    "      ignore: true\n"
    "      keywords: [recovered]\n"
    "    - id: login\n"
    "      subtype: attack/other\n"
    "      pattern: 'Failed password for (?<user>\\S+) from (?<address>\\S+)(?: port (?<port>\\d+))?'\n"
    "      literals: [failed password]\n"
    "      threshold: 5\n"
    "      window: 1h30m\n"
    "    - id: scan\n"
    "      subtype: attack/dos\n"
    "      pattern: 'SRC=(?<address>\\S+)(?: DPT=(?<port>\\d+))?'\n"
    "      literals: [src=]\n"
    "      by: [host, user_agent, address]\n"
    "      distinct: port\n"
    "      threshold: 10\n"
    "    - id: ua\n"
    "      subtype: attack/other\n"
    "      pattern: 'UA (?<user_agent>\\S+)|SRC=(?<user_agent2>x)'\n"
    "      literals: [ua ]\n"
    "    - id: words\n"
    "      subtype: attack/other\n"
    "      keywords: [brute force]\n"
    "      by: [source]\n";

/*
 * A rule's grouping as loaded: its own window or the default, the
 * threshold (1 when absent), the key and distinct field; and what a
 * match captures for them, only from the rule that won.
 */
static void
test_grouping(void **state)
{
	struct plan_errors errs;
	struct inc_plan *p;
	struct inc_matcher *m;
	struct inc_match x;
	const struct inc_rule *r;
	const char *t;

	(void)state;
	/* scan names user_agent, a group of another rule's pattern */
	assert_null(load(grouped, &errs));
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].message, "\"by\" names "
	    "\"user_agent\": not host, source or a named group of the "
	    "pattern");
	plan_errors_free(&errs);
	{
		static char text[sizeof(grouped)];
		char *u = strstr(strcpy(text, grouped), "user_agent, ");

		memmove(u, u + 12, strlen(u + 12) + 1);
		p = load(text, &errs);
	}
	if (p == NULL)
		fail_msg("%s", errs.n ? errs.v[0].message : "?");
	assert_int_equal(p->detection.window, 15 * 60);
	r = &p->detection.rules[0];		/* noise */
	assert_int_equal(r->window, 15 * 60);
	assert_false(r->window_own);
	assert_int_equal(r->threshold, 1);
	r = &p->detection.rules[1];		/* login */
	assert_int_equal(r->window, 5400);
	assert_true(r->window_own);
	assert_int_equal(r->threshold, 5);
	assert_int_equal(r->nby, 0);
	assert_null(r->distinct);
	r = &p->detection.rules[2];		/* scan */
	assert_int_equal(r->window, 15 * 60);
	assert_false(r->window_own);
	assert_int_equal(r->threshold, 10);
	assert_int_equal(r->nby, 2);
	assert_string_equal(r->by[0], "host");
	assert_string_equal(r->by[1], "address");
	assert_string_equal(r->distinct, "port");
	r = &p->detection.rules[4];		/* words */
	assert_int_equal(r->nby, 1);
	assert_string_equal(r->by[0], "source");

	assert_non_null(m = matcher_build(p));
	/* the default key: nothing in by[]; the address as before */
	match_clear(&x);
	t = "Failed password for root from 192.0.2.1 port 22";
	matcher_scan(m, t, strlen(t), NULL, &x);
	assert_ptr_equal(x.def, &p->detection.rules[1]);
	assert_capture(x.address, x.addresslen, "192.0.2.1");
	assert_capture(x.by[0], x.bylen[0], NULL);
	assert_capture(x.distinct, x.distinctlen, NULL);
	/* host: the line's, never a group; address and port captured */
	match_clear(&x);
	t = "blocked SRC=192.0.2.9 DPT=3389";
	matcher_scan(m, t, strlen(t), NULL, &x);
	assert_ptr_equal(x.def, &p->detection.rules[2]);
	assert_capture(x.by[0], x.bylen[0], NULL);
	assert_capture(x.by[1], x.bylen[1], "192.0.2.9");
	assert_capture(x.by[2], x.bylen[2], NULL);
	assert_capture(x.distinct, x.distinctlen, "3389");
	/* a group that took no part is NULL, not the last line's */
	match_clear(&x);
	t = "blocked SRC=192.0.2.9";
	matcher_scan(m, t, strlen(t), NULL, &x);
	assert_capture(x.by[1], x.bylen[1], "192.0.2.9");
	assert_capture(x.distinct, x.distinctlen, NULL);
	/*
	 * A later rule's pattern also matches (ua holds "SRC=x"), but only
	 * the winner's captures count; scanning again with a match that
	 * an earlier rule wins replaces them all.
	 */
	match_clear(&x);
	t = "UA curl SRC=x DPT=1";
	matcher_scan(m, t, strlen(t), NULL, &x);
	assert_ptr_equal(x.def, &p->detection.rules[2]);
	assert_capture(x.by[1], x.bylen[1], "x");
	assert_capture(x.distinct, x.distinctlen, "1");
	t = "Failed password for root from 192.0.2.1";
	matcher_scan(m, t, strlen(t), NULL, &x);
	assert_ptr_equal(x.def, &p->detection.rules[1]);
	assert_capture(x.by[1], x.bylen[1], NULL);
	assert_capture(x.distinct, x.distinctlen, NULL);
	/* keywords of a rule: def set, nothing captured */
	match_clear(&x);
	t = "brute force";
	matcher_scan(m, t, strlen(t), NULL, &x);
	assert_ptr_equal(x.def, &p->detection.rules[4]);
	assert_capture(x.by[0], x.bylen[0], NULL);
	/* an ignore rule's match has its rule too */
	match_clear(&x);
	t = "recovered";
	matcher_scan(m, t, strlen(t), NULL, &x);
	assert_true(x.ignore);
	assert_ptr_equal(x.def, &p->detection.rules[0]);
	/* a subtype's keywords: no rule of the section */
	match_clear(&x);
	t = "ddos";
	matcher_scan(m, t, strlen(t), NULL, &x);
	assert_string_equal(x.rule, "attack/dos");
	assert_null(x.def);
	/* match_clear forgets them all */
	match_clear(&x);
	t = "blocked SRC=192.0.2.9 DPT=3389";
	matcher_scan(m, t, strlen(t), NULL, &x);
	match_clear(&x);
	assert_null(x.def);
	assert_null(x.by[1]);
	assert_null(x.distinct);
	assert_int_equal(x.distinctlen, 0);
	matcher_free(m);
	plan_free(p);

	/* No window in the plan: DETECTION_WINDOW for every rule. */
	assert_non_null(p = load("detection:\n  rules:\n"
	    "    - {id: r, subtype: attack/dos, keywords: [a]}\n", &errs));
	assert_int_equal(p->detection.window, DETECTION_WINDOW);
	assert_int_equal(p->detection.rules[0].window, DETECTION_WINDOW);
	assert_false(p->detection.rules[0].window_own);
	plan_free(p);
	/* A bad default window is placed. */
	assert_null(load("detection:\n  window: -5m\n  rules:\n"
	    "    - {id: r, subtype: attack/dos, keywords: [a]}\n", &errs));
	assert_int_equal(errs.n, 1);
	assert_int_equal(errs.v[0].line, minimal_lines() + 2);
	assert_int_equal(errs.v[0].column, 11);
	assert_string_equal(errs.v[0].message, "bad duration \"-5m\"");
	plan_errors_free(&errs);
}

/* The limits: past them a plan is refused, saying which. */
static void
test_limits(void **state)
{
	static char text[1 << 21];
	struct plan_errors errs;
	size_t n, i;

	(void)state;
	/* one keyword too long */
	n = (size_t)snprintf(text, sizeof(text), "detection:\n  rules:\n"
	    "    - id: r\n      subtype: attack/dos\n      keywords: [");
	for (i = 0; i <= PLAN_MAX_KEYWORD; i++)
		text[n++] = 'k';
	strcpy(text + n, "]\n");
	assert_null(load(text, &errs));
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].message, "keywords longer than 256 "
	    "bytes");
	plan_errors_free(&errs);
	/* too many keywords in all */
	n = (size_t)snprintf(text, sizeof(text), "detection:\n  rules:\n"
	    "    - id: r\n      subtype: attack/dos\n      keywords: [");
	for (i = 0; i <= PLAN_MAX_KEYWORDS; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%sk%zu",
		    i ? "," : "", i);
	strcpy(text + n, "]\n");
	assert_null(load(text, &errs));
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].message, "20003 keywords and literals "
	    "(limit 20000)");
	plan_errors_free(&errs);
	/* a pattern too long */
	n = (size_t)snprintf(text, sizeof(text), "detection:\n  rules:\n"
	    "    - id: r\n      subtype: attack/dos\n      literals: [a]\n"
	    "      pattern: '");
	for (i = 0; i <= PLAN_MAX_PATTERN; i++)
		text[n++] = 'p';
	strcpy(text + n, "'\n");
	assert_null(load(text, &errs));
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].message, "pattern longer than 2048 "
	    "bytes");
	plan_errors_free(&errs);
}

/*
 * Memory linear in the keywords' bytes: a plan at the limits, keywords
 * of bytes that make as many classes and states as they can, costs the
 * sparse automaton a small multiple of its size; a small plan keeps
 * the dense table.  (Before, such a plan cost states x classes: GB.)
 */
static void
test_bounded(void **state)
{
	static char text[1 << 21];
	struct plan_errors errs;
	struct inc_plan *p;
	struct inc_matcher *m;
	struct fixture *f = *state;
	size_t n, i, k, bytes = 0, size;
	uint32_t x = 1;
	int dense;

	n = (size_t)snprintf(text, sizeof(text), "detection:\n  rules:\n"
	    "    - id: r\n      subtype: attack/dos\n      keywords: [");
	for (i = 0; i < PLAN_MAX_KEYWORDS - 3; i++) {
		text[n++] = i ? ',' : ' ';
		text[n++] = '"';
		for (k = 0; k < 24; k++, bytes++) {
			x = x * 1103515245 + 12345;
			text[n++] = (char)('0' + (x >> 16) % 75);
			if (text[n - 1] == '\\' || text[n - 1] == '"')
				text[n - 1] = 'z';
		}
		text[n++] = '"';
	}
	strcpy(text + n, "]\n");
	p = load(text, &errs);
	if (p == NULL)
		fail_msg("%s", errs.n ? errs.v[0].message : "?");
	assert_non_null(m = matcher_build(p));
	size = matcher_size(m, &dense);
	assert_false(dense);
	assert_true(size < 32 * bytes);
	matcher_free(m);
	plan_free(p);
	assert_true(matcher_size(f->dense, &dense) < AC_DENSE_BUDGET);
	assert_true(dense);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_within),
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_problems),
		cmocka_unit_test(test_grouping),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_bounded),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
