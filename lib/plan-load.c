/*
 * plan-load.c - read a plan file (inc-plan(5)) and check it against the
 * format, section by section, into a struct inc_plan.
 *
 * The schema lives in the code: each section's function (here, and in
 * plan-sections.c) names the keys it allows, which are required, and
 * what each value must be; plan-schema.c has the checks they share.
 * Checking goes on after a problem so that every problem is reported;
 * the problems are sorted into file order at the end.  Sections are read
 * in the order their references need (units before the obligations that
 * notify them), whatever order the file has them in.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan-schema.h"
#include "zone.h"

/* The district's zone (DESIGN section 7): one glibc will not take for UTC. */
static void
plan_timezone(struct ld *l, const struct pnode *n)
{
	const struct pnode *z = ps_get(n, "timezone");
	const char	*why;

	if (z == NULL || (l->p->timezone = ps_str(l, n, "timezone")) == NULL)
		return;
	if (!zone_exists(l->p->timezone, &why))
		ps_err(l, z, "timezone \"%s\": %s", l->p->timezone, why);
}

static void
plan_meta(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "*title", "issuer",
	    "purpose", "basis", "principles", "scope", "accountability",
	    "timezone", NULL };
	static const char *const bkeys[] = { "clause", "*laws", NULL };
	struct inc_plan	*p = l->p;
	const struct pnode *b, *s;
	size_t		 i;

	if (!ps_map(l, n, "\"plan\"", keys))
		return;
	p->id = ps_id(l, n, "id");
	plan_timezone(l, n);
	ps_text_at(l, n, "title", &p->title, NULL);
	ps_text_at(l, n, "issuer", &p->issuer, NULL);
	ps_text_at(l, n, "purpose", &p->purpose, &p->purpose_clause);
	ps_text_at(l, n, "scope", &p->scope, &p->scope_clause);
	ps_text_at(l, n, "accountability", &p->accountability,
	    &p->accountability_clause);
	if ((b = ps_get(n, "basis")) != NULL &&
	    ps_map(l, b, "\"basis\"", bkeys)) {
		p->basis_clause = ps_str(l, b, "clause");
		if ((s = ps_seq(l, b, "laws")) != NULL) {
			p->laws = ps_array(l, s->n, sizeof(*p->laws));
			p->basis = ps_array(l, s->n, sizeof(*p->basis));
			for (i = 0; p->laws && p->basis && i < s->n; i++) {
				ps_text(l, s->v[i], "law", &p->laws[i], NULL);
				p->basis[i] = p->laws[i].zh;
				p->nbasis++;
			}
		}
	}
	if ((s = ps_seq(l, n, "principles")) != NULL) {
		p->principles = ps_array(l, s->n, sizeof(*p->principles));
		p->principle_clauses = ps_array(l, s->n,
		    sizeof(*p->principle_clauses));
		for (i = 0; p->principles && p->principle_clauses &&
		    i < s->n; i++) {
			ps_text(l, s->v[i], "principle", &p->principles[i],
			    &p->principle_clauses[i]);
			p->nprinciples++;
		}
	}
}

static void
scale(struct ld *l, const struct pnode *n, const char *name,
    struct inc_scale *sc)
{
	static const char *const keys[] = { "clause", "*values", NULL };
	static const char *const vkeys[] = { "*id", "*name", "clause",
	    "description", NULL };
	const struct pnode *vs, *e;
	struct inc_scale_value *v;
	struct index	 x;
	char		 what[80], vwhat[80];
	size_t		 i;

	if (!ps_map(l, n, ps_quoted(what, name), keys))
		return;
	sc->clause = ps_str(l, n, "clause");
	if ((vs = ps_seq(l, n, "values")) == NULL)
		return;
	if (vs->n == 0) {
		ps_err(l, vs, "%s has no values", name);
		return;
	}
	/* A scale is a handful of values; the matrix is their product. */
	if (vs->n > PLAN_MAX_SCALE) {
		ps_err(l, vs, "%s has more than %d values", name,
		    PLAN_MAX_SCALE);
		return;
	}
	if ((sc->values = ps_array(l, vs->n, sizeof(*sc->values))) == NULL)
		return;
	snprintf(vwhat, sizeof(vwhat), "%s value", name);
	ps_index_new(l, &x, vs->n);
	for (i = 0; i < vs->n; i++) {
		e = vs->v[i];
		v = &sc->values[sc->n++];
		if (!ps_map(l, e, vwhat, vkeys))
			continue;
		v->id = ps_id(l, e, "id");
		v->clause = ps_str(l, e, "clause");
		ps_text_at(l, e, "name", &v->name, NULL);
		ps_text_at(l, e, "description", &v->description, NULL);
		ps_index_add(&x, v->id, ps_get(e, "id"), v);
	}
	snprintf(vwhat, sizeof(vwhat), "%s id", name);
	ps_index_done(l, &x, vwhat, "");
}

static void
levels(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "clause", "*name",
	    "description", NULL };
	struct inc_level_def *d;
	const struct pnode *e, *idn;
	enum inc_level	 lv, last = LEVEL_NONE;
	bool		 seen[LEVEL_COUNT + 1] = { false };
	size_t		 i;

	if (!ps_want(l, n, PN_SEQ, "\"levels\""))
		return;
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		if (!ps_map(l, e, "level", keys) ||
		    (idn = ps_get(e, "id")) == NULL ||
		    !ps_want(l, idn, PN_SCALAR, "\"id\""))
			continue;
		if ((lv = level_parse(idn->s)) == LEVEL_NONE) {
			ps_err(l, idn,
			    "bad level \"%s\" (want I, II, III or IV)", idn->s);
			continue;
		}
		if (seen[lv]) {
			ps_err(l, idn, "duplicate level \"%s\"", idn->s);
			continue;
		}
		/* Most severe first, as every table of the plan has them. */
		if (lv < last)
			ps_err(l, idn, "level \"%s\" out of order (want I, II, "
			    "III, IV)", idn->s);
		last = lv;
		seen[lv] = true;
		d = &l->p->levels[lv - 1];
		d->level = lv;
		d->id = level_id(lv);
		d->clause = ps_str(l, e, "clause");
		ps_text_at(l, e, "name", &d->name, NULL);
		ps_text_at(l, e, "description", &d->description, NULL);
	}
	for (lv = LEVEL_I; lv <= LEVEL_IV; lv++)
		if (!seen[lv])
			ps_err(l, n, "missing level \"%s\" in levels",
			    level_id(lv));
}

/* A level value of the grading, or LEVEL_NONE after saying why not. */
static enum inc_level
level_cell(struct ld *l, const struct pnode *n, const char *where)
{
	enum inc_level	 lv;
	char		 w[80];

	if (!ps_want(l, n, PN_SCALAR, ps_quoted(w, where)))
		return LEVEL_NONE;
	if ((lv = level_parse(n->s)) == LEVEL_NONE)
		ps_err(l, n, "bad level \"%s\" in %s (want I, II, III or IV)",
		    n->s, where);
	return lv;
}

/*
 * Value i has an id and is its first use: a missing or duplicate id is
 * reported already, and would only add noise about cells.
 */
static bool
first_value(const struct inc_scale *sc, size_t i)
{
	return sc->values[i].id != NULL &&
	    scale_index(sc, sc->values[i].id) == (int)i;
}

static void
matrix(struct ld *l, const struct pnode *n)
{
	struct inc_plan	*p = l->p;
	struct inc_grading *g = &p->grading;
	const struct pnode *row, **rows;
	size_t		 i, j, ni = p->importance.n, nl = p->loss.n;
	int		 ii, jj;
	bool		*set;

	if (!ps_map(l, n, "\"matrix\"", NULL) || ni == 0 || nl == 0)
		return;
	g->matrix = ps_array(l, ni * nl, sizeof(*g->matrix));
	set = pa_alloc(l->t, ni * nl * sizeof(*set));
	rows = pa_alloc(l->t, ni * sizeof(*rows));
	if (g->matrix == NULL || set == NULL || rows == NULL)
		return;
	for (i = 0; i + 1 < n->n; i += 2) {
		if (n->v[i]->type != PN_SCALAR)
			continue;
		if ((ii = scale_index(&p->importance, n->v[i]->s)) < 0) {
			ps_err(l, n->v[i],
			    "unknown importance \"%s\" in matrix", n->v[i]->s);
			continue;
		}
		row = n->v[i + 1];
		if (rows[ii] != NULL)
			continue;	/* a duplicate key, reported */
		rows[ii] = row;
		if (!ps_map(l, row, "matrix row", NULL))
			continue;
		for (j = 0; j + 1 < row->n; j += 2) {
			if (row->v[j]->type != PN_SCALAR)
				continue;
			if ((jj = scale_index(&p->loss, row->v[j]->s)) < 0) {
				ps_err(l, row->v[j],
				    "unknown loss \"%s\" in matrix",
				    row->v[j]->s);
				continue;
			}
			if (set[ii * nl + jj])
				continue;
			set[ii * nl + jj] = true;
			g->matrix[ii * nl + jj] = level_cell(l, row->v[j + 1],
			    "matrix");
		}
	}
	for (i = 0; i < ni; i++)
		for (j = 0; j < nl; j++)
			if (!set[i * nl + j] &&
			    first_value(&p->importance, i) &&
			    first_value(&p->loss, j))
				ps_err(l, rows[i] ? rows[i] : n,
				    "matrix cell %s/%s missing",
				    p->importance.values[i].id,
				    p->loss.values[j].id);
}

static void
by_impact(struct ld *l, const struct pnode *n)
{
	struct inc_plan	*p = l->p;
	struct inc_grading *g = &p->grading;
	size_t		 i, ni = p->impact.n;
	int		 k;
	bool		*set;

	if (!ps_map(l, n, "\"impact\"", NULL) || ni == 0)
		return;
	g->by_impact = ps_array(l, ni, sizeof(*g->by_impact));
	if (g->by_impact == NULL || (set = pa_alloc(l->t, ni)) == NULL)
		return;
	for (i = 0; i + 1 < n->n; i += 2) {
		if (n->v[i]->type != PN_SCALAR)
			continue;
		if ((k = scale_index(&p->impact, n->v[i]->s)) < 0) {
			ps_err(l, n->v[i], "unknown impact \"%s\" in grading",
			    n->v[i]->s);
			continue;
		}
		if (set[k])
			continue;
		set[k] = true;
		g->by_impact[k] = level_cell(l, n->v[i + 1], "impact");
	}
	for (i = 0; i < ni; i++)
		if (!set[i] && first_value(&p->impact, i))
			ps_err(l, n, "impact level for \"%s\" missing",
			    p->impact.values[i].id);
}

static void
grading(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "clause", "*matrix", "*impact",
	    NULL };
	const struct pnode *m;

	if (!ps_map(l, n, "\"grading\"", keys))
		return;
	l->p->grading.clause = ps_str(l, n, "clause");
	if ((m = ps_get(n, "matrix")) != NULL)
		matrix(l, m);
	if ((m = ps_get(n, "impact")) != NULL)
		by_impact(l, m);
}

static void
load(struct ld *l, const struct pnode *root)
{
	static const char *const keys[] = { "*version", "*plan",
	    "*categories", "*importance", "*loss", "*impact", "*levels",
	    "*grading", "*organisation", "*obligations", "*procedures",
	    "*routing", "*systems", "detection", NULL };
	const struct pnode *n;

	if (!ps_map(l, root, NULL, keys))
		return;
	if ((n = ps_get(root, "version")) != NULL &&
	    ps_want(l, n, PN_SCALAR, "\"version\"") && strcmp(n->s, "1") != 0)
		ps_err(l, n, "version must be 1, not \"%s\"", n->s);
	if ((n = ps_get(root, "plan")) != NULL)
		plan_meta(l, n);
	if ((n = ps_get(root, "importance")) != NULL)
		scale(l, n, "importance", &l->p->importance);
	if ((n = ps_get(root, "loss")) != NULL)
		scale(l, n, "loss", &l->p->loss);
	if ((n = ps_get(root, "impact")) != NULL)
		scale(l, n, "impact", &l->p->impact);
	if ((n = ps_get(root, "levels")) != NULL)
		levels(l, n);
	if ((n = ps_get(root, "categories")) != NULL)
		sec_categories(l, n);
	if ((n = ps_get(root, "organisation")) != NULL)
		sec_organisation(l, n);
	if ((n = ps_get(root, "procedures")) != NULL)
		sec_procedures(l, n);
	if ((n = ps_get(root, "grading")) != NULL)
		grading(l, n);
	if ((n = ps_get(root, "obligations")) != NULL)
		sec_obligations(l, n);
	if ((n = ps_get(root, "routing")) != NULL)
		sec_routing(l, n);
	if ((n = ps_get(root, "systems")) != NULL)
		sec_systems(l, n);
	sec_detection(l, ps_get(root, "detection"), ps_get(root, "categories"));
}

struct inc_plan *
plan_load_buffer(const char *name, const char *buf, size_t len,
    struct plan_errors *errs)
{
	struct ld	 l;
	struct pnode	*root;
	size_t		 n0 = errs->n;

	if (len > PLAN_MAX_SIZE) {
		plan_error_add(errs, name, 0, 0,
		    "plan too large (over %ld MiB)",
		    PLAN_MAX_SIZE / (1024 * 1024));
		return NULL;
	}
	memset(&l, 0, sizeof(l));
	l.file = name;
	l.errs = errs;
	if ((l.a = pa_new()) == NULL || (l.t = pa_new()) == NULL ||
	    (l.p = pa_alloc(l.a, sizeof(*l.p))) == NULL) {
		pa_free(l.a);
		pa_free(l.t);
		plan_error_add(errs, name, 0, 0, "out of memory");
		return NULL;
	}
	l.p->arena = l.a;
	l.p->source = pa_strndup(l.a, name, strlen(name));
	if ((root = plan_yaml_read(name, buf, len, l.t, errs)) != NULL)
		load(&l, root);
	if (pa_failed(l.a) || pa_failed(l.t))
		plan_error_add(errs, name, 0, 0, "out of memory");
	pa_free(l.t);
	if (errs->n > n0) {
		plan_errors_sort(errs);
		plan_free(l.p);
		return NULL;
	}
	return l.p;
}

struct inc_plan *
plan_load_stream(FILE *fp, const char *name, struct plan_errors *errs)
{
	struct inc_plan	*p;
	char		*buf;
	size_t		 len;

	/* One byte more than the limit tells a file over it. */
	if ((buf = malloc(PLAN_MAX_SIZE + 1)) == NULL) {
		plan_error_add(errs, name, 0, 0, "out of memory");
		return NULL;
	}
	len = fread(buf, 1, PLAN_MAX_SIZE + 1, fp);
	if (ferror(fp)) {
		plan_error_add(errs, name, 0, 0, "%s", strerror(errno));
		p = NULL;
	} else
		p = plan_load_buffer(name, buf, len, errs);
	free(buf);
	return p;
}

struct inc_plan *
plan_load_file(const char *path, struct plan_errors *errs)
{
	struct inc_plan	*p;
	FILE		*fp;

	if ((fp = fopen(path, "r")) == NULL) {
		plan_error_add(errs, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	p = plan_load_stream(fp, path, errs);
	fclose(fp);
	return p;
}
