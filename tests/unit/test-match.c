/*
 * test-match.c - the subtypes' keywords as rules (match.h): case folding
 * for ASCII, Chinese byte for byte, whole words, the first rule in plan
 * order (never the longest keyword), the category filter, and an
 * exhaustive cross-check against a naive search on texts where keywords
 * overlap, with the dense automaton and the sparse one (ac.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "match.h"

/* A small plan of our own: the automaton must not depend on plan data. */
static const char *kw_a[] = { "DDoS", "拒绝服务", "flood" };
static const char *kw_b[] = { "scan", "扫描", "port scan" };
static const char *kw_c[] = { "病毒", "virus", "" };
static const char *kw_d[] = { "flood", "水浸", "water" };	/* "flood" again */
static const char *kw_e[] = { "he", "she", "his", "hers" };

static struct inc_subtype net_subs[2], mal_subs[1], dis_subs[1], toy_subs[1];
static struct inc_category cats[4];
static struct inc_plan plan;

static void
mkplan(void)
{
	memset(&plan, 0, sizeof(plan));
	cats[0] = (struct inc_category){ .id = "network-attack",
	    .subtypes = net_subs, .nsubtypes = 2 };
	net_subs[0] = (struct inc_subtype){ .id = "denial-of-service",
	    .keywords = kw_a, .nkeywords = 3, .category = &cats[0] };
	net_subs[1] = (struct inc_subtype){ .id = "scanning",
	    .keywords = kw_b, .nkeywords = 3, .category = &cats[0] };
	cats[1] = (struct inc_category){ .id = "harmful-program",
	    .subtypes = mal_subs, .nsubtypes = 1 };
	mal_subs[0] = (struct inc_subtype){ .id = "virus",
	    .keywords = kw_c, .nkeywords = 3, .category = &cats[1] };
	cats[2] = (struct inc_category){ .id = "disaster",
	    .subtypes = dis_subs, .nsubtypes = 1 };
	dis_subs[0] = (struct inc_subtype){ .id = "flood",
	    .keywords = kw_d, .nkeywords = 3, .category = &cats[2] };
	cats[3] = (struct inc_category){ .id = "toy",
	    .subtypes = toy_subs, .nsubtypes = 1 };
	toy_subs[0] = (struct inc_subtype){ .id = "ac",
	    .keywords = kw_e, .nkeywords = 4, .category = &cats[3] };
	plan.categories = cats;
	plan.ncategories = 4;
}

static struct inc_matcher *sparse;

static struct inc_match
find(struct inc_matcher *m, const char *text,
    const struct inc_category *within)
{
	struct inc_match best;

	match_clear(&best);
	matcher_scan(m, text, strlen(text), within, &best);
	return best;
}

static int
setup(void **state)
{
	mkplan();
	*state = matcher_build(&plan);
	sparse = matcher_build_budget(&plan, 0);
	return *state == NULL || sparse == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	matcher_free(*state);
	matcher_free(sparse);
	return 0;
}

struct want {
	const char	*text;
	const char	*subtype;	/* NULL: nothing found */
	const char	*keyword;
};

static void
test_table(void **state)
{
	static const struct want t[] = {
		{ "DDoS attack on portal", "denial-of-service", "DDoS" },
		{ "ddos ATTACK", "denial-of-service", "DDoS" },
		{ "dDoS", "denial-of-service", "DDoS" },
		{ "门户网站遭受拒绝服务攻击", "denial-of-service", "拒绝服务" },
		{ "发现病毒", "virus", "病毒" },
		{ "VIRUS found", "virus", "virus" },
		/* whole words: not inside an ASCII word, fine beside CJK */
		{ "antivirus updated", NULL, NULL },
		{ "发现virus", "virus", "virus" },
		{ "virus发现", "virus", "virus" },
		{ "x.virus", "virus", "virus" },
		{ "viruses", NULL, NULL },
		{ "virus_x", NULL, NULL },
		{ "3scan", NULL, NULL },
		{ "scan3", NULL, NULL },
		{ "floods", NULL, NULL },
		{ "DDoS:", "denial-of-service", "DDoS" },
		/* the first rule in plan order, not the longest keyword */
		{ "port scan then DDoS", "denial-of-service", "DDoS" },
		{ "扫描 and 拒绝服务", "denial-of-service", "拒绝服务" },
		{ "scan DDoS", "denial-of-service", "DDoS" },
		/* within a rule, the keyword that ends first, the longest */
		{ "port scan", "scanning", "port scan" },
		{ "扫描 port scan", "scanning", "扫描" },
		/* the same keyword in two subtypes: the first in plan order */
		{ "udp flood", "denial-of-service", "flood" },
		/* Chinese is exact bytes: a half character never matches */
		{ "\xe6\x8b\x92\xe7\xbb", NULL, NULL },
		{ "", NULL, NULL },
		{ "no match at all", NULL, NULL },
		/* overlapping keywords through failure links */
		{ "u.hers", "ac", "hers" },
		{ "病she.rs", "ac", "she" },
		{ "病shers", NULL, NULL },
		{ "ushers", NULL, NULL },
	};
	size_t i;
	struct inc_match m;

	for (i = 0; i < 2 * sizeof(t) / sizeof(t[0]); i++) {
		m = find(i % 2 ? sparse : *state, t[i / 2].text, NULL);
		if (t[i / 2].subtype == NULL) {
			if (m.subtype != NULL)
				fail_msg("\"%s\": found %s", t[i / 2].text,
				    m.keyword);
			continue;
		}
		if (m.subtype == NULL)
			fail_msg("\"%s\": nothing found", t[i / 2].text);
		assert_string_equal(m.subtype->id, t[i / 2].subtype);
		assert_string_equal(m.keyword, t[i / 2].keyword);
		/* a subtype's keywords: no detection rule, nothing keyed */
		assert_null(m.def);
		assert_null(m.by[0]);
		assert_null(m.distinct);
	}
}

static void
test_within(void **state)
{
	struct inc_match m;

	m = find(*state, "flood of water", &cats[2]);
	assert_non_null(m.subtype);
	assert_string_equal(m.subtype->id, "flood");
	m = find(*state, "flood of water", NULL);
	assert_string_equal(m.subtype->id, "denial-of-service");
	m = find(*state, "DDoS", &cats[1]);
	assert_null(m.subtype);
}

/* Several texts into one best: a rule earlier in plan order wins. */
static void
test_accumulates(void **state)
{
	struct inc_match best;

	match_clear(&best);
	matcher_scan(*state, "scan", 4, NULL, &best);
	assert_string_equal(best.keyword, "scan");
	assert_string_equal(best.rule, "network-attack/scanning");
	matcher_scan(*state, "nothing", 7, NULL, &best);
	assert_string_equal(best.keyword, "scan");
	matcher_scan(*state, "virus", 5, NULL, &best);
	assert_string_equal(best.keyword, "scan");
	matcher_scan(*state, "a DDoS", 6, NULL, &best);
	assert_string_equal(best.keyword, "DDoS");
	assert_string_equal(best.rule, "network-attack/denial-of-service");
	assert_int_equal(best.order, 0);
}

static int
word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/*
 * The same rules, the slow way: the first subtype in plan order with a
 * keyword anywhere as a whole word; of its keywords, the one that ends
 * first, the longest of those that end at the same byte.
 */
static const char *
naive(const char *text, size_t len)
{
	const char *best = NULL;
	size_t bestend = 0, ci, si, k, pos, n, j;

	for (ci = 0; ci < plan.ncategories && best == NULL; ci++)
	for (si = 0; si < cats[ci].nsubtypes && best == NULL; si++)
	for (k = 0; k < cats[ci].subtypes[si].nkeywords; k++) {
		const char *w = cats[ci].subtypes[si].keywords[k];

		if ((n = strlen(w)) == 0 || n > len)
			continue;
		for (pos = 0; pos + n <= len; pos++) {
			for (j = 0; j < n; j++) {
				unsigned char a = text[pos + j], b = w[j];

				if (a >= 'A' && a <= 'Z')
					a += 'a' - 'A';
				if (b >= 'A' && b <= 'Z')
					b += 'a' - 'A';
				if (a != b)
					break;
			}
			if (j < n)
				continue;
			if (word(w[0]) && pos > 0 && word(text[pos - 1]))
				continue;
			if (word(w[n - 1]) && pos + n < len &&
			    word(text[pos + n]))
				continue;
			if (best == NULL || pos + n < bestend ||
			    (pos + n == bestend && n > strlen(best))) {
				best = w;
				bestend = pos + n;
			}
			break;
		}
	}
	return best;
}

/* Every text of up to 6 symbols over an alphabet full of overlaps. */
static void
test_cross_check(void **state)
{
	static const char *alpha[] = { "h", "e", "r", "s", "S", "i", " ",
	    "flood", "病", "毒" };
	const size_t na = sizeof(alpha) / sizeof(alpha[0]);
	char text[64];
	size_t digits[6], len, i, n, total = 0;
	struct inc_match m;
	const char *want;

	for (len = 1; len <= 5; len++) {
		memset(digits, 0, sizeof(digits));
		for (;;) {
			text[0] = '\0';
			for (i = 0; i < len; i++)
				strcat(text, alpha[digits[i]]);
			n = strlen(text);
			want = naive(text, n);
			m = find(total % 2 ? sparse : *state, text, NULL);
			if ((want == NULL) != (m.subtype == NULL) ||
			    (want != NULL && strcmp(want, m.keyword) != 0))
				fail_msg("\"%s\": automaton %s, naive %s",
				    text, m.keyword ? m.keyword : "-",
				    want ? want : "-");
			total++;
			for (i = 0; i < len && ++digits[i] == na; i++)
				digits[i] = 0;
			if (i == len)
				break;
		}
	}
	assert_true(total > 100000);
}

static void
test_empty_plan(void **state)
{
	struct inc_plan empty;
	struct inc_matcher *m;
	struct inc_match best;

	(void)state;
	memset(&empty, 0, sizeof(empty));
	assert_non_null(m = matcher_build(&empty));
	match_clear(&best);
	matcher_scan(m, "DDoS", 4, NULL, &best);
	assert_null(best.subtype);
	matcher_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_within),
		cmocka_unit_test(test_accumulates),
		cmocka_unit_test(test_cross_check),
		cmocka_unit_test(test_empty_plan),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
