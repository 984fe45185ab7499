/*
 * plan-detection.c - the "detection" section of a plan (inc-plan(5)
 * DETECTION): its rules checked and their patterns compiled by PCRE2,
 * and the limits that bound what a plan's keywords and patterns cost
 * every program that loads it (the subtypes' keywords count too).
 *
 * A pattern is compiled here, once, so that a bad one is reported with
 * where it is by every program; the code is kept in the rule and freed
 * with the plan (sec_detection_free).  The matcher (match.c) compiles it
 * further with the JIT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "plan-schema.h"
#include "record.h"

/* Compile r's pattern, at node n; report what is wrong with it. */
static void
compile(struct ld *l, const struct pnode *n, struct inc_rule *r)
{
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	 off;
	PCRE2_SPTR	 table;
	pcre2_code	*code;
	uint32_t	 count, size, i;
	int		 err;

	if (strlen(r->pattern) > PLAN_MAX_PATTERN) {
		ps_err(l, n, "pattern longer than %d bytes", PLAN_MAX_PATTERN);
		return;
	}
	code = pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &err, &off, NULL);
	if (code == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		ps_err(l, n, "bad pattern: %s at character %zu of it",
		    (const char *)msg, (size_t)off + 1);
		return;
	}
	r->code = code;
	if (pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count) != 0 ||
	    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &size) != 0 ||
	    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table) != 0)
		return;
	for (i = 0; i < count; i++)
		/* A group's name is a record field's (record.h). */
		if (!field_name_valid((const char *)table + i * size + 2,
		    strlen((const char *)table + i * size + 2)))
			ps_err(l, n, "bad group name \"%s\" in pattern (want "
			    "[a-z][a-z0-9_]*)", (const char *)table +
			    i * size + 2);
}

/* "category/subtype" of the plan, or NULL after saying why not. */
static const struct inc_subtype *
subtype_ref(struct ld *l, const struct pnode *n)
{
	const struct inc_category *c;
	const struct inc_subtype *s;
	const char	*slash;
	char		 cat[128];

	if (!ps_want(l, n, PN_SCALAR, "\"subtype\""))
		return NULL;
	if ((slash = strchr(n->s, '/')) == NULL ||
	    (size_t)(slash - n->s) >= sizeof(cat)) {
		ps_err(l, n, "subtype \"%s\" must be category/subtype", n->s);
		return NULL;
	}
	memcpy(cat, n->s, (size_t)(slash - n->s));
	cat[slash - n->s] = '\0';
	if ((c = ps_index_find(&l->cats, cat)) == NULL) {
		ps_err(l, n, "unknown category \"%s\" in rule", cat);
		return NULL;
	}
	if ((s = plan_subtype(c, slash + 1)) == NULL)
		ps_err(l, n, "unknown subtype \"%s\" in category \"%s\"",
		    slash + 1, cat);
	return s;
}

/* Examples or noise lines of a rule: scalars, with where they are. */
static struct inc_example *
lines(struct ld *l, const struct pnode *map, const char *key, size_t *np)
{
	const struct pnode *n;
	struct inc_example *v;
	char		 w[80];
	size_t		 i;

	*np = 0;
	if ((n = ps_seq(l, map, key)) == NULL || n->n == 0 ||
	    (v = ps_array(l, n->n, sizeof(*v))) == NULL)
		return NULL;
	ps_quoted(w, key);
	for (i = 0; i < n->n; i++) {
		if ((v[*np].text = ps_scalar(l, n->v[i], w)) == NULL)
			continue;
		v[*np].line = n->v[i]->line;
		v[*np].column = n->v[i]->column;
		(*np)++;
	}
	return v;
}

/* Keywords or literals: none empty, none too long. */
static const char **
words(struct ld *l, const struct pnode *map, const char *key, size_t *np)
{
	const struct pnode *n = ps_get(map, key);
	const char	**v;
	size_t		 i;

	v = ps_strs(l, map, key, np);
	if (n == NULL)
		return v;
	if (n->type == PN_SEQ && n->n == 0)
		ps_err(l, n, "\"%s\" is empty", key);
	for (i = 0; v != NULL && i < *np; i++)
		if (v[i] != NULL && strlen(v[i]) > PLAN_MAX_KEYWORD)
			ps_err(l, n->v[i], "%s longer than %d bytes", key,
			    PLAN_MAX_KEYWORD);
	return v;
}

static void
rule(struct ld *l, const struct pnode *e, struct inc_rule *r, long window)
{
	static const char *const keys[] = { "*id", "subtype", "ignore",
	    "note", "keywords", "pattern", "literals", "examples", "noise",
	    "window", "threshold", "by", "distinct", "group", NULL };
	const struct pnode *n, *sub, *ign, *kw, *pat, *lit;

	r->line = e->line;
	r->column = e->column;
	if (!ps_map(l, e, "rule", keys))
		return;
	r->id = ps_id(l, e, "id");
	ps_text_at(l, e, "note", &r->note, NULL);
	sub = ps_get(e, "subtype");
	ign = ps_get(e, "ignore");
	if (ign != NULL && ps_want(l, ign, PN_SCALAR, "\"ignore\"")) {
		if (strcmp(ign->s, "true") != 0)
			ps_err(l, ign, "\"ignore\" must be true, not \"%s\" "
			    "(leave it out)", ign->s);
		else
			r->ignore = true;
	}
	if (sub != NULL && ign != NULL)
		ps_err(l, sub, "a rule has a subtype or ignore: true, not both");
	else if (sub == NULL && ign == NULL)
		ps_err(l, e, "rule needs a subtype (or ignore: true)");
	else if (sub != NULL)
		r->subtype = subtype_ref(l, sub);

	kw = ps_get(e, "keywords");
	pat = ps_get(e, "pattern");
	lit = ps_get(e, "literals");
	if (kw != NULL && pat != NULL)
		ps_err(l, pat, "a rule has keywords or a pattern, not both");
	else if (kw == NULL && pat == NULL)
		ps_err(l, e, "rule needs keywords or a pattern");
	if (pat != NULL && lit == NULL)
		ps_err(l, pat, "a pattern needs its literals (the words a "
		    "line must hold for the pattern to be tried)");
	if (lit != NULL && pat == NULL)
		ps_err(l, lit, "literals belong to a pattern");
	r->keywords = words(l, e, "keywords", &r->nkeywords);
	r->literals = words(l, e, "literals", &r->nliterals);
	if (pat != NULL && kw == NULL &&
	    (r->pattern = ps_str(l, e, "pattern")) != NULL)
		compile(l, pat, r);
	sec_grouping_rule(l, e, r, window);
	r->examples = lines(l, e, "examples", &r->nexamples);
	r->noise = lines(l, e, "noise", &r->nnoise);
	if ((n = ps_get(e, "examples")) != NULL && n->type == PN_SEQ &&
	    n->n > PLAN_MAX_EXAMPLES)
		ps_err(l, n, "more than %d examples", PLAN_MAX_EXAMPLES);
}

/* What every keyword and literal of the plan costs the matcher. */
static void
limits(struct ld *l, const struct pnode *where)
{
	const struct inc_plan *p = l->p;
	const struct inc_category *c;
	size_t		 i, j, k, n = 0, bytes = 0, pbytes = 0;

	for (i = 0; i < p->ncategories; i++) {
		c = &p->categories[i];
		for (j = 0; j < c->nsubtypes; j++)
			for (k = 0; k < c->subtypes[j].nkeywords; k++) {
				const char *w = c->subtypes[j].keywords[k];

				n++;
				bytes += w != NULL ? strlen(w) : 0;
			}
	}
	for (i = 0; i < p->detection.nrules; i++) {
		const struct inc_rule *r = &p->detection.rules[i];

		for (k = 0; k < r->nkeywords; k++, n++)
			bytes += r->keywords[k] ? strlen(r->keywords[k]) : 0;
		for (k = 0; k < r->nliterals; k++, n++)
			bytes += r->literals[k] ? strlen(r->literals[k]) : 0;
		pbytes += r->pattern != NULL ? strlen(r->pattern) : 0;
	}
	if (n > PLAN_MAX_KEYWORDS)
		plan_error_add(l->errs, l->file, where ? where->line : 0,
		    where ? where->column : 0, "%zu keywords and literals "
		    "(limit %d)", n, PLAN_MAX_KEYWORDS);
	if (bytes > PLAN_MAX_KEYWORD_BYTES)
		plan_error_add(l->errs, l->file, where ? where->line : 0,
		    where ? where->column : 0, "keywords and literals of %zu "
		    "bytes in all (limit %d)", bytes, PLAN_MAX_KEYWORD_BYTES);
	if (pbytes > PLAN_MAX_PATTERN_BYTES)
		plan_error_add(l->errs, l->file, where ? where->line : 0,
		    where ? where->column : 0, "patterns of %zu bytes in all "
		    "(limit %d)", pbytes, PLAN_MAX_PATTERN_BYTES);
}

/*
 * n: the section's value, or NULL when the plan has none (the limits
 * still hold for the subtypes' keywords).  where: the categories, for
 * a problem of the whole.
 */
void
sec_detection(struct ld *l, const struct pnode *n, const struct pnode *where)
{
	static const char *const keys[] = { "clause", "window", "*rules",
	    NULL };
	struct inc_detection *d = &l->p->detection;
	const struct pnode *rs, *w;
	struct index	 x;
	size_t		 i;

	d->window = DETECTION_WINDOW;
	if (n != NULL && ps_map(l, n, "\"detection\"", keys)) {
		d->clause = ps_str(l, n, "clause");
		if ((w = ps_get(n, "window")) != NULL &&
		    (d->window = sec_grouping_window(l, w)) == 0)
			d->window = DETECTION_WINDOW;
		if ((rs = ps_seq(l, n, "rules")) != NULL &&
		    rs->n > PLAN_MAX_RULES)
			ps_err(l, rs, "more than %d rules", PLAN_MAX_RULES);
		else if (rs != NULL && rs->n > 0 &&
		    (d->rules = ps_array(l, rs->n, sizeof(*d->rules))) !=
		    NULL) {
			ps_index_new(l, &x, rs->n);
			for (i = 0; i < rs->n; i++) {
				rule(l, rs->v[i], &d->rules[d->nrules++],
				    d->window);
				ps_index_add(&x, d->rules[i].id,
				    ps_get(rs->v[i], "id"), &d->rules[i]);
			}
			ps_index_done(l, &x, "rule id", "");
			sec_grouping_check(l, rs, d);
		}
	}
	limits(l, n != NULL ? n : where);
}

void
sec_detection_free(struct inc_plan *p)
{
	size_t	 i;

	for (i = 0; i < p->detection.nrules; i++) {
		pcre2_code_free(p->detection.rules[i].code);
		p->detection.rules[i].code = NULL;
	}
}
