/*
 * plan-grouping.c - how a detection rule's alerts make incidents
 * (inc-plan(5) GROUPING): the detection default window, and each rule's
 * window, threshold, key (by) and distinct field, checked against the
 * rule's pattern so that a key names something the matcher captures.
 *
 * Every rule leaves here with a window, its own or the default, so the
 * grouping never asks which; window_own keeps the difference for
 * inc-plan show.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "plan-schema.h"
#include "timeutil.h"

/* A window at n: a duration longer than 0s, else 0 after saying why. */
long
sec_grouping_window(struct ld *l, const struct pnode *n)
{
	const char	*s;
	int64_t		 secs;

	if ((s = ps_scalar(l, n, "\"window\"")) == NULL)
		return 0;
	if (duration_parse(s, &secs) < 0) {
		ps_err(l, n, "bad duration \"%s\"", s);
		return 0;
	}
	if (secs <= 0) {
		ps_err(l, n, "\"window\" must be longer than 0s");
		return 0;
	}
	return (long)secs;
}

/* 1 to RULE_THRESHOLD_MAX, in decimal; 0 after saying why not. */
static unsigned
threshold(struct ld *l, const struct pnode *n)
{
	const char	*s, *p;
	unsigned long	 v = 0;

	if ((s = ps_scalar(l, n, "\"threshold\"")) == NULL)
		return 0;
	for (p = s; *p >= '0' && *p <= '9' && v <= RULE_THRESHOLD_MAX; p++)
		v = v * 10 + (unsigned long)(*p - '0');
	if (*p != '\0' || v < 1 || v > RULE_THRESHOLD_MAX) {
		ps_err(l, n, "bad threshold \"%s\" (want a whole number from "
		    "1 to %d)", s, RULE_THRESHOLD_MAX);
		return 0;
	}
	return (unsigned)v;
}

/* The pattern of r has one group named name. */
static bool
is_group(const struct inc_rule *r, const char *name)
{
	return r->code != NULL && pcre2_substring_number_from_name(r->code,
	    (PCRE2_SPTR)name) > 0;
}

/* r's pattern is wrong or missing for a reason already reported. */
static bool
unknowable(const struct inc_rule *r)
{
	return r->pattern != NULL && r->code == NULL;
}

/* A field of the key at n, or NULL after saying why not. */
static const char *
key_field(struct ld *l, const struct pnode *n, const struct inc_rule *r)
{
	const char	*s;

	if ((s = ps_scalar(l, n, "\"by\"")) == NULL)
		return NULL;
	if (strcmp(s, "host") == 0 || strcmp(s, "source") == 0 ||
	    is_group(r, s) || unknowable(r))
		return s;
	if (r->pattern == NULL)
		ps_err(l, n, "\"by\" names \"%s\": a rule without a pattern "
		    "groups by host and source only", s);
	else
		ps_err(l, n, "\"by\" names \"%s\": not host, source or a "
		    "named group of the pattern", s);
	return NULL;
}

/* The key: 1 to RULE_BY_MAX fields, none twice. */
static void
key(struct ld *l, const struct pnode *e, struct inc_rule *r)
{
	const struct pnode *n;
	const char	*s;
	size_t		 i, j;

	if ((n = ps_seq(l, e, "by")) == NULL)
		return;
	if (n->n == 0) {
		ps_err(l, n, "\"by\" is empty");
		return;
	}
	if (n->n > RULE_BY_MAX) {
		ps_err(l, n, "more than %d fields in \"by\"", RULE_BY_MAX);
		return;
	}
	if ((r->by = ps_array(l, n->n, sizeof(*r->by))) == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		if ((s = key_field(l, n->v[i], r)) == NULL)
			continue;
		for (j = 0; j < r->nby; j++)
			if (strcmp(r->by[j], s) == 0)
				break;
		if (j < r->nby) {
			ps_err(l, n->v[i], "\"by\" names \"%s\" twice", s);
			continue;
		}
		r->by[r->nby++] = s;
	}
}

/* The group whose distinct values the threshold counts. */
static void
distinct(struct ld *l, const struct pnode *e, struct inc_rule *r)
{
	const struct pnode *n;
	const char	*s;
	size_t		 i;
	bool		 keyed;

	if ((n = ps_get(e, "distinct")) == NULL ||
	    (s = ps_scalar(l, n, "\"distinct\"")) == NULL)
		return;
	if (!is_group(r, s) && !unknowable(r)) {
		ps_err(l, n, "\"distinct\" names \"%s\": not a named group "
		    "of the pattern", s);
		return;
	}
	/* One key has one value of each of its fields: nothing to count. */
	keyed = r->nby == 0 && strcmp(s, "address") == 0;
	for (i = 0; i < r->nby; i++)
		keyed |= strcmp(r->by[i], s) == 0;
	if (keyed) {
		ps_err(l, n, "\"distinct\" names \"%s\", a field of the key",
		    s);
		return;
	}
	if (r->threshold < 2) {
		ps_err(l, n, "\"distinct\" needs a threshold of 2 or more");
		return;
	}
	r->distinct = s;
}

void
sec_grouping_rule(struct ld *l, const struct pnode *e, struct inc_rule *r,
    long window)
{
	static const char *const keys[] = { "window", "threshold", "by",
	    "distinct", "group" };
	const struct pnode *n;
	unsigned	 t;
	size_t		 i;

	r->window = window;
	r->threshold = 1;
	if (r->ignore) {
		/* Noise is no incident: nothing of it is grouped. */
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if ((n = ps_get(e, keys[i])) != NULL)
				ps_err(l, n, "an ignore rule has no \"%s\" "
				    "(its lines make no incident)", keys[i]);
		return;
	}
	if ((n = ps_get(e, "window")) != NULL &&
	    (window = sec_grouping_window(l, n)) > 0) {
		r->window = window;
		r->window_own = true;
	}
	if ((n = ps_get(e, "threshold")) != NULL && (t = threshold(l, n)) > 0)
		r->threshold = t;
	key(l, e, r);
	distinct(l, e, r);
	r->group = ps_id(l, e, "group");
}

/*
 * Rules that share a group make incidents together: of one subtype, or
 * an incident would be of two.  Said at the later rule.
 */
void
sec_grouping_check(struct ld *l, const struct pnode *rules,
    const struct inc_detection *d)
{
	size_t i, j;

	for (i = 0; i < d->nrules; i++) {
		if (d->rules[i].group == NULL)
			continue;
		for (j = 0; j < i; j++)
			if (d->rules[j].group != NULL &&
			    strcmp(d->rules[j].group, d->rules[i].group) == 0) {
				if (d->rules[j].subtype != d->rules[i].subtype)
					ps_err(l, ps_get(rules->v[i], "group"),
					    "group \"%s\": rule \"%s\" is of "
					    "another subtype than \"%s\"",
					    d->rules[i].group, d->rules[i].id,
					    d->rules[j].id);
				break;
			}
	}
}
