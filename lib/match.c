/*
 * match.c - the detection rules: one pass of Aho-Corasick over every
 * keyword and literal (ac.c), then the patterns of the rules whose
 * literals were found, in plan order, up to the first rule that matched.
 *
 * A rule found by a keyword needs no pattern, so a pattern is tried only
 * when it comes before every keyword rule found: a line costs the pass
 * and, at most, the patterns of the rules before its first keyword rule
 * whose literals it holds.  A pattern is bounded by PCRE2's match limit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "ac.h"
#include "alert.h"
#include "match.h"
#include "plan-impl.h"

#define MATCH_LIMIT	100000	/* PCRE2 steps one pattern may take */

struct mrule {
	const char	*id;			/* "category/subtype" for a
						 * subtype's keywords: own */
	char		*own;
	const struct inc_subtype *subtype;	/* other/other for ignore */
	const struct inc_category *category;	/* NULL for ignore */
	bool		 ignore;
	pcre2_code	*code;			/* the plan's, or NULL */
	bool		 jit;
	int		 address;		/* its group, or -1 */
	const struct inc_rule *def;		/* the detection section's
						 * rule, or NULL */
	int		 by[RULE_BY_MAX];	/* def->by's groups, or -1 */
	int		 distinct;		/* def->distinct's, or -1 */
};

/* A string of the automaton: a keyword, or a literal of a pattern. */
struct entry {
	uint32_t	 rule;
	bool		 keyword;
	bool		 word_start, word_end;	/* a keyword's edges */
	const char	*text;
	size_t		 len;
};

struct inc_matcher {
	struct ac	*ac;
	struct entry	*ent;
	size_t		 nent;
	struct mrule	*rules;
	size_t		 nrules;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	/* one scan's: the pattern rules whose literals were found */
	uint32_t	*mark;		/* [rule]: the scan that found it */
	uint32_t	 gen;
	uint32_t	*cand;
	size_t		 ncand;
	/* one scan's: the text, and the best keyword rule so far */
	const char	*text;
	size_t		 len;
	const struct inc_category *within;
	size_t		 limit;		/* rules from here on lose */
	uint32_t	 kwent;		/* the entry that set limit */
	bool		 kwfound;
};

static bool
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

void
matcher_free(struct inc_matcher *m)
{
	size_t i;

	if (m == NULL)
		return;
	ac_free(m->ac);
	free(m->ent);
	for (i = 0; m->rules != NULL && i < m->nrules; i++)
		free(m->rules[i].own);
	free(m->rules);
	free(m->mark);
	free(m->cand);
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	free(m);
}

static void
add_entry(struct inc_matcher *m, uint32_t rule, bool keyword,
    const char *text)
{
	struct entry *e;

	if (text == NULL || *text == '\0')
		return;		/* matches nothing */
	e = &m->ent[m->nent++];
	e->rule = rule;
	e->keyword = keyword;
	e->text = text;
	e->len = strlen(text);
	e->word_start = keyword && word_byte((unsigned char)text[0]);
	e->word_end = keyword && word_byte((unsigned char)text[e->len - 1]);
}

/* How many rules and strings the plan makes. */
static void
count(const struct inc_plan *p, size_t *nrules, size_t *nent)
{
	const struct inc_rule *r;
	size_t i, j;

	*nrules = p->detection.nrules;
	*nent = 0;
	for (i = 0; i < p->detection.nrules; i++) {
		r = &p->detection.rules[i];
		*nent += r->nkeywords + r->nliterals;
	}
	for (i = 0; i < p->ncategories; i++)
		for (j = 0; j < p->categories[i].nsubtypes; j++)
			if (p->categories[i].subtypes[j].nkeywords > 0) {
				(*nrules)++;
				*nent += p->categories[i].subtypes[j].nkeywords;
			}
}

/* The number of the group name names in code, or -1. */
static int
group(const pcre2_code *code, const char *name)
{
	int n;

	if (code == NULL || name == NULL)
		return -1;
	n = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
	return n > 0 ? n : -1;
}

/* The groups of r's key and distinct field, looked up once. */
static void
grouping_groups(struct mrule *mr, const struct inc_rule *r)
{
	size_t i;

	mr->def = r;
	for (i = 0; i < RULE_BY_MAX; i++)
		mr->by[i] = -1;
	/* "host" and "source" are the line's, never a group's. */
	for (i = 0; i < r->nby && i < RULE_BY_MAX; i++)
		if (strcmp(r->by[i], "host") != 0 &&
		    strcmp(r->by[i], "source") != 0)
			mr->by[i] = group(r->code, r->by[i]);
	mr->distinct = group(r->code, r->distinct);
}

/* The plan's other/other, what an ignore rule makes of a line. */
static const struct inc_subtype *
other_other(const struct inc_plan *p)
{
	const struct inc_category *c = plan_category(p, "other");

	return c != NULL ? plan_subtype(c, "other") : NULL;
}

static int
declared_rules(struct inc_matcher *m, const struct inc_plan *p)
{
	const struct inc_subtype *oo = other_other(p);
	const struct inc_rule *r;
	struct mrule *mr;
	uint32_t groups, most = 1;
	size_t i, k;

	for (i = 0; i < p->detection.nrules; i++) {
		r = &p->detection.rules[i];
		mr = &m->rules[m->nrules];
		mr->id = r->id;
		mr->ignore = r->ignore;
		mr->subtype = r->ignore ? oo : r->subtype;
		mr->category = r->ignore || r->subtype == NULL ? NULL :
		    r->subtype->category;
		mr->address = -1;
		grouping_groups(mr, r);
		if ((mr->code = r->code) != NULL) {
			/* The plan's code, compiled once more by the JIT. */
			mr->jit = pcre2_jit_compile(mr->code,
			    PCRE2_JIT_COMPLETE) == 0;
			if (pcre2_pattern_info(mr->code,
			    PCRE2_INFO_CAPTURECOUNT, &groups) == 0 &&
			    groups + 1 > most)
				most = groups + 1;
			mr->address = group(mr->code, "address");
		}
		for (k = 0; k < r->nkeywords; k++)
			add_entry(m, (uint32_t)m->nrules, true, r->keywords[k]);
		for (k = 0; k < r->nliterals; k++)
			add_entry(m, (uint32_t)m->nrules, false,
			    r->literals[k]);
		m->nrules++;
	}
	if ((m->md = pcre2_match_data_create(most, NULL)) == NULL ||
	    (m->mctx = pcre2_match_context_create(NULL)) == NULL)
		return -1;
	pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
	return 0;
}

static int
subtype_rules(struct inc_matcher *m, const struct inc_plan *p)
{
	const struct inc_subtype *s;
	struct mrule *r;
	size_t i, j, k, n;

	for (i = 0; i < p->ncategories; i++)
		for (j = 0; j < p->categories[i].nsubtypes; j++) {
			s = &p->categories[i].subtypes[j];
			if (s->nkeywords == 0)
				continue;
			r = &m->rules[m->nrules++];
			n = strlen(s->category->id) + strlen(s->id) + 2;
			if ((r->own = malloc(n)) == NULL)
				return -1;
			snprintf(r->own, n, "%s/%s", s->category->id, s->id);
			r->id = r->own;
			r->subtype = s;
			r->category = s->category;
			r->address = -1;
			for (k = 0; k < s->nkeywords; k++)
				add_entry(m, (uint32_t)(m->nrules - 1), true,
				    s->keywords[k]);
		}
	return 0;
}

struct inc_matcher *
matcher_build_budget(const struct inc_plan *p, size_t budget)
{
	struct inc_matcher *m;
	const char **texts = NULL;
	size_t nrules, nent, *lens = NULL, i;

	count(p, &nrules, &nent);
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	m->rules = calloc(nrules ? nrules : 1, sizeof(*m->rules));
	m->ent = calloc(nent ? nent : 1, sizeof(*m->ent));
	m->mark = calloc(nrules ? nrules : 1, sizeof(*m->mark));
	m->cand = calloc(nrules ? nrules : 1, sizeof(*m->cand));
	if (m->rules == NULL || m->ent == NULL || m->mark == NULL ||
	    m->cand == NULL || declared_rules(m, p) == -1)
		goto fail;
	if (subtype_rules(m, p) == -1)
		goto fail;
	texts = calloc(m->nent ? m->nent : 1, sizeof(*texts));
	lens = calloc(m->nent ? m->nent : 1, sizeof(*lens));
	if (texts == NULL || lens == NULL)
		goto fail;
	for (i = 0; i < m->nent; i++) {
		texts[i] = m->ent[i].text;
		lens[i] = m->ent[i].len;
	}
	if ((m->ac = ac_build(texts, lens, m->nent, budget)) == NULL)
		goto fail;
	free(texts);
	free(lens);
	return m;
fail:
	free(texts);
	free(lens);
	matcher_free(m);
	return NULL;
}

size_t
matcher_size(const struct inc_matcher *m, int *dense)
{
	*dense = ac_dense(m->ac);
	return ac_size(m->ac) + m->nent * sizeof(*m->ent) +
	    m->nrules * (sizeof(*m->rules) + 2 * sizeof(uint32_t));
}

struct inc_matcher *
matcher_build(const struct inc_plan *p)
{
	return matcher_build_budget(p, AC_DENSE_BUDGET);
}

void
match_clear(struct inc_match *best)
{
	memset(best, 0, sizeof(*best));
}

static bool
counts(const struct inc_matcher *m, const struct mrule *r)
{
	if (m->within == NULL)
		return true;
	return !r->ignore && r->category == m->within;
}

/* A string found, ending at end: a keyword rule, or a pattern's gate. */
static void
hit(void *ctx, uint32_t i, size_t end)
{
	struct inc_matcher *m = ctx;
	const struct entry *e = &m->ent[i];
	size_t start = end - e->len;

	if (e->rule >= m->limit || !counts(m, &m->rules[e->rule]))
		return;
	if (!e->keyword) {
		if (m->mark[e->rule] != m->gen) {
			m->mark[e->rule] = m->gen;
			m->cand[m->ncand++] = e->rule;
		}
		return;
	}
	if (e->word_start && start > 0 &&
	    word_byte((unsigned char)m->text[start - 1]))
		return;
	if (e->word_end && end < m->len &&
	    word_byte((unsigned char)m->text[end]))
		return;
	m->limit = e->rule;
	m->kwent = i;
	m->kwfound = true;
}

static void
found(const struct inc_matcher *m, uint32_t rule, struct inc_match *best)
{
	const struct mrule *r = &m->rules[rule];

	best->subtype = r->subtype;
	best->ignore = r->ignore;
	best->order = rule;
	best->address = NULL;
	best->addresslen = 0;
	best->def = r->def;
	memset(best->by, 0, sizeof(best->by));
	memset(best->bylen, 0, sizeof(best->bylen));
	best->distinct = NULL;
	best->distinctlen = 0;
}

/* Group g of the match, rc its count, into the text; NULL when unset. */
static const char *
captured(const struct inc_matcher *m, int g, int rc, size_t *lenp)
{
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);

	*lenp = 0;
	if (g <= 0 || g >= rc || ov[2 * g] == PCRE2_UNSET)
		return NULL;
	*lenp = ov[2 * g + 1] - ov[2 * g];
	return m->text + ov[2 * g];
}

/* The first pattern rule before limit that matches, in plan order. */
static bool
patterns(struct inc_matcher *m, struct inc_match *best)
{
	const struct mrule *r;
	size_t i, j;
	uint32_t x;
	int rc;

	for (i = 1; i < m->ncand; i++)		/* few: insertion sort */
		for (j = i; j > 0 && m->cand[j - 1] > m->cand[j]; j--) {
			x = m->cand[j];
			m->cand[j] = m->cand[j - 1];
			m->cand[j - 1] = x;
		}
	for (i = 0; i < m->ncand && m->cand[i] < m->limit; i++) {
		r = &m->rules[m->cand[i]];
		if (r->code == NULL)
			continue;
		rc = r->jit ? pcre2_jit_match(r->code, (PCRE2_SPTR)m->text,
		    m->len, 0, 0, m->md, m->mctx) : pcre2_match(r->code,
		    (PCRE2_SPTR)m->text, m->len, 0, 0, m->md, m->mctx);
		if (rc < 0)
			continue;	/* no match, or past the limit */
		found(m, m->cand[i], best);
		best->rule = r->id;
		best->keyword = r->id;
		best->key = m->nent + m->cand[i];
		/* Only the winner's captures are copied. */
		best->address = captured(m, r->address, rc,
		    &best->addresslen);
		for (j = 0; j < RULE_BY_MAX; j++)
			best->by[j] = captured(m, r->by[j], rc,
			    &best->bylen[j]);
		best->distinct = captured(m, r->distinct, rc,
		    &best->distinctlen);
		return true;
	}
	return false;
}

void
matcher_scan(struct inc_matcher *m, const char *text, size_t len,
    const struct inc_category *within, struct inc_match *best)
{
	const struct entry *e;

	if (++m->gen == 0) {		/* wrapped: no stale marks */
		memset(m->mark, 0, m->nrules * sizeof(*m->mark));
		m->gen = 1;
	}
	m->ncand = 0;
	m->text = text;
	m->len = len;
	m->within = within;
	m->limit = best->subtype != NULL || best->ignore ? best->order :
	    m->nrules;
	m->kwfound = false;
	ac_scan(m->ac, text, len, hit, m);
	if (m->ncand > 0 && patterns(m, best))
		return;
	if (!m->kwfound)
		return;
	e = &m->ent[m->kwent];
	found(m, e->rule, best);
	best->keyword = e->text;
	best->key = m->kwent;
	best->rule = m->rules[e->rule].id;
}

/* The rule an alert line matches: its message scanned, as --raw does. */
static void
scan_line(struct inc_matcher *m, const struct alert_clock *clk,
    const char *line, struct inc_match *best)
{
	struct inc_alert a;

	match_clear(best);
	if (alert_parse(line, strlen(line), clk, &a) == 0)
		matcher_scan(m, a.msg, a.msglen, NULL, best);
}

int
matcher_check_examples(struct inc_matcher *m, const struct inc_plan *p,
    struct plan_errors *errs)
{
	const struct inc_rule *r;
	const struct inc_example *x;
	struct alert_clock clk;
	struct inc_match best;
	size_t i, k, n0 = errs->n;
	struct inc_time now = { 1795000000, 8 * 3600 };

	alert_clock_set(&clk, now, true);
	for (i = 0; i < p->detection.nrules; i++) {
		r = &p->detection.rules[i];
		for (k = 0; k < r->nexamples; k++) {
			x = &r->examples[k];
			scan_line(m, &clk, x->text, &best);
			if (best.rule == NULL)
				plan_error_add(errs, p->source, x->line,
				    x->column, "example of rule \"%s\" "
				    "matches no rule", r->id);
			else if (best.order != i)
				plan_error_add(errs, p->source, x->line,
				    x->column, "example of rule \"%s\" "
				    "matches rule \"%s\" first", r->id,
				    best.rule);
		}
		for (k = 0; k < r->nnoise; k++) {
			x = &r->noise[k];
			scan_line(m, &clk, x->text, &best);
			if (best.rule != NULL && !best.ignore)
				plan_error_add(errs, p->source, x->line,
				    x->column, "noise of rule \"%s\" matches "
				    "rule \"%s\"", r->id, best.rule);
		}
	}
	plan_errors_sort(errs);
	return (int)(errs->n - n0);
}
