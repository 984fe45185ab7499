/*
 * classify.c - one record: taxonomy from keywords, importance from the
 * plan's systems, level and level_basis from the grading, an id.
 *
 * What a person wrote wins: a field already in the record is kept (its
 * bytes untouched) unless --force, and a field that holds a value the
 * plan does not know is reported and left as it is, with what depends on
 * it.  The fields inc-classify alone writes (match; level_basis while
 * there is no level) are recomputed on every run, so that a second run
 * over its own output changes nothing, and a run after a person added
 * loss or impact fills the level.
 */
#include <stdio.h>
#include <string.h>

#include "alert.h"
#include "classify.h"
#include "diag.h"
#include "grade.h"

#define SAFE_LEN	64

static const char *text_fields[] = { "title", "description", "log" };

static const char *
file_of(const struct inc_record *r)
{
	return r->file != NULL ? r->file : "-";
}

static long
line_of(const struct inc_record *r, const char *name)
{
	const struct inc_item *it = record_field(r, name);

	return it != NULL && it->line > 0 ? it->line : r->line;
}

/*
 * A value quoted in a message: record text may come from an attacker, so
 * no control bytes reach the terminal, and it is cut (at a character).
 */
static const char *
safe(char buf[SAFE_LEN], const char *s)
{
	size_t n = strlen(s), i, max = SAFE_LEN - 4;
	bool cut = n > max;

	if (cut) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++)
		buf[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' :
		    s[i];
	if (cut)
		memcpy(buf + i, "...", 3), i += 3;
	buf[i] = '\0';
	return buf;
}

static int
bad(const struct inc_record *r, const char *name, const char *what)
{
	char b[SAFE_LEN];

	inc_warn_at(file_of(r), line_of(r, name), "%s \"%s\": %s", name,
	    safe(b, record_get(r, name)), what);
	return EXIT_TROUBLE;
}

/* Fill name when absent; with force replace it, and say so. */
static int
fill(const struct inc_classifier *cl, struct inc_record *r,
    const char *name, const char *value)
{
	const struct inc_item *it = record_field(r, name);
	char a[SAFE_LEN], b[SAFE_LEN];

	if (it == NULL)
		return record_set(r, name, value);
	if (!cl->force || strcmp(it->value, value) == 0)
		return 0;
	inc_warn_at(file_of(r), it->line > 0 ? it->line : r->line,
	    "--force: %s was \"%s\", now \"%s\"", name, safe(a, it->value),
	    safe(b, value));
	return record_set(r, name, value);
}

/* The subtype of that id in any category; *many when in several. */
static const struct inc_subtype *
subtype_anywhere(const struct inc_plan *p, const char *id, bool *many)
{
	const struct inc_subtype *found = NULL, *s;
	size_t i;

	*many = false;
	for (i = 0; i < p->ncategories; i++)
		if ((s = plan_subtype(&p->categories[i], id)) != NULL) {
			if (found != NULL)
				*many = true;
			else
				found = s;
		}
	return found;
}

static void
scan(const struct inc_classifier *cl, const struct inc_record *r,
    const struct inc_category *within, struct inc_match *m)
{
	const struct inc_item *it;
	size_t f, pos;

	match_clear(m);
	for (f = 0; f < sizeof(text_fields) / sizeof(text_fields[0]); f++)
		for (pos = 0; (it = record_next(r, text_fields[f], &pos)) !=
		    NULL;)
			matcher_scan(cl->matcher, it->value, it->len, within,
			    m);
}

/* Category, subtype and match.  cat and sub: the record's, valid. */
static int
taxonomy(const struct inc_classifier *cl, struct inc_record *r,
    const struct inc_category *cat, const struct inc_subtype *sub,
    bool sub_many)
{
	const struct inc_plan *p = cl->plan;
	const struct inc_category *ncat;
	const struct inc_subtype *nsub;
	struct inc_match m;
	bool by_keyword = true;

	if (cat != NULL && sub != NULL && !cl->force)
		return 0;
	scan(cl, r, cl->force ? NULL : cat, &m);
	if (!cl->force && sub != NULL) {
		/* A person named the subtype: its category follows. */
		if (sub_many && (m.subtype == NULL ||
		    plan_subtype(m.subtype->category, sub->id) == NULL))
			return bad(r, "subtype", "in several categories: "
			    "set category");
		ncat = sub_many ? m.subtype->category : sub->category;
		nsub = plan_subtype(ncat, sub->id);
		by_keyword = false;
	} else if (m.subtype != NULL) {
		nsub = m.subtype;
		ncat = nsub->category;
	} else {
		ncat = cat != NULL && !cl->force ? cat :
		    plan_category(p, "other");
		nsub = ncat != NULL ? plan_subtype(ncat, "other") : NULL;
	}
	if ((ncat != NULL && fill(cl, r, "category", ncat->id) == -1) ||
	    (nsub != NULL && fill(cl, r, "subtype", nsub->id) == -1))
		return -1;
	if (by_keyword && record_set(r, "match",
	    m.subtype != NULL ? m.keyword : "none") == -1)
		return -1;
	return 0;
}

static int
level(const struct inc_classifier *cl, struct inc_record *r)
{
	const struct inc_plan *p = cl->plan;
	const char *v;
	char buf[GRADE_BASIS_LEN + 64];
	struct inc_grade g;
	int imp = -1, loss = -1, impact = -1;
	bool have;

	if ((v = record_get(r, "importance")) != NULL)
		imp = scale_index(&p->importance, v);
	if ((v = record_get(r, "loss")) != NULL)
		loss = scale_index(&p->loss, v);
	if ((v = record_get(r, "impact")) != NULL)
		impact = scale_index(&p->impact, v);
	grade(p, imp, loss, impact, &g);
	have = record_get(r, "level") != NULL;

	if (!have) {
		if (g.level != LEVEL_NONE &&
		    record_set(r, "level", level_id(g.level)) == -1)
			return -1;
		if (record_set(r, "level_basis", g.basis) == -1)
			return -1;
		return g.level == LEVEL_NONE ? EXIT_FOUND : 0;
	}
	if (cl->force && g.level != LEVEL_NONE) {
		if (fill(cl, r, "level", level_id(g.level)) == -1 ||
		    fill(cl, r, "level_basis", g.basis) == -1)
			return -1;
		return 0;
	}
	/* A person's level: kept, even when the plan gives none. */
	if (!cl->force && record_get(r, "level_basis") != NULL)
		return 0;
	snprintf(buf, sizeof(buf), "level set by hand; the plan gives: %s",
	    g.basis);
	return fill(cl, r, "level_basis", buf) == -1 ? -1 : 0;
}

static int
importance(const struct inc_classifier *cl, struct inc_record *r)
{
	const struct inc_system *sys;
	const char *v;

	if ((v = record_get(r, "system")) == NULL ||
	    (sys = plan_system(cl->plan, v)) == NULL ||
	    sys->importance == NULL)
		return 0;
	return fill(cl, r, "importance", sys->importance);
}

static int
identify(struct inc_classifier *cl, struct inc_record *r, bool dated,
    struct inc_time detected)
{
	char id[INC_ID_LEN];

	cl->ordinal++;
	if (record_get(r, "id") != NULL)
		return 0;
	inc_id(id, r->raw != NULL ? r->raw : "", r->raw != NULL ?
	    r->rawlen : 0, cl->ordinal, dated ? detected : cl->now);
	return record_set(r, "id", id);
}

int
classify_record(struct inc_classifier *cl, struct inc_record *r)
{
	const struct inc_plan *p = cl->plan;
	const struct inc_category *cat = NULL;
	const struct inc_subtype *sub = NULL;
	struct inc_time detected = { 0, 0 };
	const char *v;
	bool bad_tax = false, bad_grade = false, many = false, dated = false;
	int st = 0, s;

	if ((v = record_get(r, "category")) != NULL &&
	    (cat = plan_category(p, v)) == NULL) {
		st = bad(r, "category", "not a category of the plan");
		bad_tax = true;
	}
	if ((v = record_get(r, "subtype")) != NULL && !bad_tax) {
		sub = cat != NULL ? plan_subtype(cat, v) :
		    subtype_anywhere(p, v, &many);
		if (sub == NULL) {
			st = bad(r, "subtype", cat != NULL ? "not a subtype "
			    "of its category" : "not a subtype of the plan");
			bad_tax = true;
		}
	}
	if ((v = record_get(r, "importance")) != NULL &&
	    scale_index(&p->importance, v) < 0)
		st = bad(r, "importance", "not an importance of the plan"),
		    bad_grade = true;
	if ((v = record_get(r, "loss")) != NULL &&
	    scale_index(&p->loss, v) < 0)
		st = bad(r, "loss", "not a loss of the plan"),
		    bad_grade = true;
	if ((v = record_get(r, "impact")) != NULL &&
	    scale_index(&p->impact, v) < 0)
		st = bad(r, "impact", "not an impact of the plan"),
		    bad_grade = true;
	if ((v = record_get(r, "level")) != NULL &&
	    level_parse(v) == LEVEL_NONE)
		st = bad(r, "level", "not a level (I, II, III or IV)"),
		    bad_grade = true;
	if ((v = record_get(r, "detected")) != NULL) {
		if (time_parse(v, &detected) == 0)
			dated = true;
		else
			st = bad(r, "detected", "not a time "
			    "(2026-11-24T09:15:00+08:00)");
	}

	if (!bad_tax && (s = taxonomy(cl, r, cat, sub, many)) != 0) {
		if (s == -1)
			goto nomem;
		st = status_worse(st, s);
	}
	if (!bad_grade && importance(cl, r) == -1)
		goto nomem;
	if (!bad_grade) {
		if ((s = level(cl, r)) == -1)
			goto nomem;
		st = status_worse(st, s);
	}
	if (identify(cl, r, dated, detected) == -1)
		goto nomem;
	return st;
nomem:
	inc_warn_at(file_of(r), r->line, "out of memory");
	return EXIT_TROUBLE;
}
