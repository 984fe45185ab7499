/*
 * plan-show.c - the plan as text for people (inc-plan show): every
 * section in one language, the level matrix as a table whose columns
 * line up with CJK text, long texts wrapped.  Every text from the plan
 * goes through the safe writers of text.h: a plan file is data, and may
 * not drive the terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan-show.h"
#include "text.h"
#include "timeutil.h"

#define WIDTH	78	/* columns of wrapped text, indent included */

/* The labels of the printout: the words are the program's, not the plan's. */
enum label {
	L_SOURCE, L_PLAN, L_PURPOSE, L_BASIS, L_PRINCIPLES, L_SCOPE,
	L_ORGANISATION, L_DUTY, L_DUTY_PHONES, L_PHONES, L_VIA, L_NO_PHONE,
	L_CATEGORIES, L_KEYWORDS, L_IMPORTANCE, L_LOSS, L_IMPACT, L_LEVELS,
	L_GRADING, L_MATRIX_CORNER, L_BY_IMPACT, L_MORE_SEVERE,
	L_OBLIGATIONS, L_FIELD, L_DEADLINE, L_WITHIN, L_AFTER, L_BEFORE,
	L_LEVELS_APPLY, L_ALL_LEVELS, L_TELL, L_NOTE, L_PROCEDURES,
	L_ROUTING, L_ANY, L_DEFAULT, L_SYSTEMS, L_ACCOUNTABILITY, L_STEPS,
	L_ZONE, L_ZONE_NONE,
	L_COUNT
};

static const struct inc_text labels[L_COUNT] = {
	[L_SOURCE] =		{ "来源", "Source" },
	[L_ZONE] =		{ "时区", "Time zone" },
	[L_ZONE_NONE] =		{ "未定（用 $TZ 或系统时区）",
	    "none (that of $TZ or of the system)" },
	[L_PLAN] =		{ "预案", "Plan" },
	[L_PURPOSE] =		{ "编制目的", "Purpose" },
	[L_BASIS] =		{ "编制依据", "Basis" },
	[L_PRINCIPLES] =	{ "工作原则", "Principles" },
	[L_SCOPE] =		{ "适用范围", "Scope" },
	[L_ORGANISATION] =	{ "组织机构", "Organisation" },
	[L_DUTY] =		{ "值班单位", "Duty office" },
	[L_DUTY_PHONES] =	{ "值班电话", "Duty phones" },
	[L_PHONES] =		{ "电话", "Phones" },
	[L_VIA] =		{ "预案未列其电话，经",
	    "none of its own in the plan; through" },
	[L_NO_PHONE] =		{ "无电话", "no phone" },
	[L_CATEGORIES] =	{ "事件分类", "Categories" },
	[L_KEYWORDS] =		{ "关键词", "keywords" },
	[L_IMPORTANCE] =	{ "系统重要程度", "System importance" },
	[L_LOSS] =		{ "系统损失", "System loss" },
	[L_IMPACT] =		{ "社会影响", "Social impact" },
	[L_LEVELS] =		{ "事件分级", "Levels" },
	[L_GRADING] =		{ "定级", "Grading" },
	[L_MATRIX_CORNER] =	{ "重要程度＼损失", "importance \\ loss" },
	[L_BY_IMPACT] =		{ "按社会影响定级", "Level by social impact" },
	[L_MORE_SEVERE] =	{ "事件等级取两者中较严重者。",
	    "The incident's level is the more severe of the two." },
	[L_OBLIGATIONS] =	{ "报告义务", "Obligations" },
	[L_FIELD] =		{ "记录字段", "field" },
	[L_DEADLINE] =		{ "时限", "deadline" },
	[L_WITHIN] =		{ "内", "within" },
	[L_AFTER] =		{ "起", "after" },
	[L_BEFORE] =		{ "之前", "before" },
	[L_LEVELS_APPLY] =	{ "适用等级", "levels" },
	[L_ALL_LEVELS] =	{ "全部", "all" },
	[L_TELL] =		{ "报告对象", "tell" },
	[L_NOTE] =		{ "说明", "note" },
	[L_PROCEDURES] =	{ "应急处置程序", "Procedures" },
	[L_ROUTING] =		{ "事件分类对应的处置程序", "Routing" },
	[L_ANY] =		{ "任一", "any" },
	[L_DEFAULT] =		{ "其余", "default" },
	[L_SYSTEMS] =		{ "信息系统", "Systems" },
	[L_ACCOUNTABILITY] =	{ "责任追究", "Accountability" },
	[L_STEPS] =		{ "步", "steps" },
};

struct out {
	FILE		*fp;
	enum inc_lang	 lang;
};

static const char *
lbl(const struct out *o, enum label l)
{
	return text_in(labels[l], o->lang);
}

/* Plan text, made safe. */
static void
put(const struct out *o, const char *s)
{
	if (s != NULL)
		text_put_safe(o->fp, s, strlen(s), 0);
}

static void
puttext(const struct out *o, struct inc_text t)
{
	put(o, text_in(t, o->lang));
}

static void
spaces(const struct out *o, size_t n)
{
	while (n-- > 0)
		putc(' ', o->fp);
}

/* The rest of s wrapped at WIDTH, the cursor being at column col. */
static void
wrap_at(const struct out *o, size_t col, const char *s, size_t len)
{
	size_t	 w = col + 20 < WIDTH ? WIDTH - col : 20;

	text_put_wrapped(o->fp, s, len, w, col);
}

/* s on lines of its own, wrapped, every line starting at column indent. */
static void
wrapped(const struct out *o, size_t indent, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	spaces(o, indent);
	wrap_at(o, indent, s, strlen(s));
	putc('\n', o->fp);
}

static void
wrapped_text(const struct out *o, size_t indent, struct inc_text t)
{
	wrapped(o, indent, text_in(t, o->lang));
}

/*
 * A line composed piece by piece, then wrapped as one text: the pieces
 * are written to c.o, and comp_end wraps them at the cursor's column.
 * Without memory the pieces go out directly, unwrapped.
 */
struct comp {
	FILE		*fp;
	char		*buf;
	size_t		 len;
	struct out	 o;
};

static void
comp_begin(struct comp *c, const struct out *o)
{
	c->buf = NULL;
	c->len = 0;
	c->o = *o;
	if ((c->fp = open_memstream(&c->buf, &c->len)) != NULL)
		c->o.fp = c->fp;
}

/*
 * The pieces wrapped at the cursor's column col, then " [clause]" kept
 * whole (text_put_wrapped_clause) when clause is not NULL.
 */
static void
comp_end_clause(struct comp *c, const struct out *o, size_t col,
    const char *clause)
{
	if (c->fp == NULL)
		return;
	if (fclose(c->fp) == 0)
		text_put_wrapped_clause(o->fp, c->buf, c->len, WIDTH, col,
		    clause);
	free(c->buf);
}

static void
comp_end(struct comp *c, const struct out *o, size_t col)
{
	comp_end_clause(c, o, col, NULL);
}

/* "== Label [clause]" */
static void
heading(const struct out *o, enum label l, const char *clause)
{
	fprintf(o->fp, "\n== %s", lbl(o, l));
	if (clause != NULL) {
		fputs(" [", o->fp);
		put(o, clause);
		putc(']', o->fp);
	}
	putc('\n', o->fp);
}

/* A section that is one text; none when the plan has no such text. */
static void
section_text(const struct out *o, enum label l, const char *clause,
    struct inc_text t)
{
	if (*text_in(t, o->lang) == '\0')
		return;
	heading(o, l, clause);
	wrapped_text(o, 2, t);
}

static void
clause_suffix(const struct out *o, const char *clause)
{
	if (clause == NULL)
		return;
	fputs(" [", o->fp);
	put(o, clause);
	putc(']', o->fp);
}

/*
 * "  id  name [clause] (extra)": an element's first line, the name
 * wrapped under itself when long.
 */
static void
element(const struct out *o, const char *id, struct inc_text name,
    const char *extra, const char *clause)
{
	struct comp c;

	fputs("  ", o->fp);
	put(o, id);
	fputs("  ", o->fp);
	comp_begin(&c, o);
	puttext(&c.o, name);
	if (extra != NULL)
		fprintf(c.o.fp, " (%s)", extra);
	comp_end_clause(&c, o, 4 + text_width(id, strlen(id)), clause);
	putc('\n', o->fp);
}

static void
list(const struct out *o, const char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(", ", o->fp);
		put(o, v[i]);
	}
}

static size_t
width_of(const char *s)
{
	return s != NULL ? text_width(s, strlen(s)) : 0;
}

static void
padded(const struct out *o, const char *s, size_t w)
{
	if (s == NULL)
		s = "";
	text_put_padded(o->fp, s, strlen(s), w);
}

static void
show_front(const struct out *o, const struct inc_plan *p)
{
	const char *law;
	size_t	 i;

	puttext(o, p->title);
	putc('\n', o->fp);
	puttext(o, p->issuer);
	fprintf(o->fp, "\n%s: ", lbl(o, L_PLAN));
	put(o, p->id);
	fprintf(o->fp, "  %s: ", lbl(o, L_SOURCE));
	put(o, p->source);
	fprintf(o->fp, "\n%s: ", lbl(o, L_ZONE));
	put(o, p->timezone != NULL ? p->timezone : lbl(o, L_ZONE_NONE));
	putc('\n', o->fp);

	section_text(o, L_PURPOSE, p->purpose_clause, p->purpose);
	if (p->nbasis > 0)
		heading(o, L_BASIS, p->basis_clause);
	for (i = 0; i < p->nbasis; i++) {
		fputs("  - ", o->fp);
		law = p->laws != NULL ? text_in(p->laws[i], o->lang) :
		    p->basis[i];
		wrap_at(o, 4, law, strlen(law));
		putc('\n', o->fp);
	}
	if (p->nprinciples > 0)
		heading(o, L_PRINCIPLES, NULL);
	for (i = 0; i < p->nprinciples; i++) {
		fprintf(o->fp, "  %zu.", i + 1);
		if (p->principle_clauses != NULL)
			clause_suffix(o, p->principle_clauses[i]);
		putc('\n', o->fp);
		wrapped_text(o, 5, p->principles[i]);
	}
	section_text(o, L_SCOPE, p->scope_clause, p->scope);
}

/* The phones a unit is reached on: its own, else its contact's. */
static void
unit_phones(const struct out *o, const struct inc_unit *u)
{
	if (u->nphones > 0) {
		list(o, u->phones, u->nphones);
		return;
	}
	if (u->contact != NULL && u->contact->nphones > 0) {
		fprintf(o->fp, "%s ", lbl(o, L_VIA));
		puttext(o, u->contact->name);
		fputs(o->lang == LANG_ZH ? "：" : ": ", o->fp);
		list(o, u->contact->phones, u->contact->nphones);
		return;
	}
	fputs(lbl(o, L_NO_PHONE), o->fp);
}

static void
show_members(const struct out *o, const struct inc_unit *u)
{
	const struct inc_person *m;
	struct comp c;
	size_t	 i, wname = 0, wrole = 0;

	for (i = 0; i < u->nmembers; i++) {
		m = &u->members[i];
		if (width_of(m->name) > wname)
			wname = width_of(m->name);
		if (width_of(role_name(m->role, o->lang)) > wrole)
			wrole = width_of(role_name(m->role, o->lang));
	}
	for (i = 0; i < u->nmembers; i++) {
		m = &u->members[i];
		fputs("    ", o->fp);
		padded(o, m->name, wname + 2);
		padded(o, role_name(m->role, o->lang), wrole + 2);
		comp_begin(&c, o);
		puttext(&c.o, m->post);
		if (m->nphones > 0) {
			fputs("  ", c.o.fp);
			list(&c.o, m->phones, m->nphones);
		}
		comp_end(&c, o, 4 + wname + 2 + wrole + 2);
		putc('\n', o->fp);
	}
}

static void
show_organisation(const struct out *o, const struct inc_plan *p)
{
	const struct inc_unit *u;
	struct comp c;
	size_t	 i;

	heading(o, L_ORGANISATION, NULL);
	if (p->duty != NULL) {
		fprintf(o->fp, "  %s: ", lbl(o, L_DUTY));
		comp_begin(&c, o);
		puttext(&c.o, p->duty->name);
		comp_end(&c, o, 4 + width_of(lbl(o, L_DUTY)));
		fprintf(o->fp, "\n  %s: ", lbl(o, L_DUTY_PHONES));
		unit_phones(o, p->duty);
		putc('\n', o->fp);
	}
	for (i = 0; i < p->nunits; i++) {
		u = &p->units[i];
		putc('\n', o->fp);
		element(o, u->id, u->name, NULL, u->clause);
		wrapped_text(o, 4, u->note);
		fprintf(o->fp, "    %s: ", lbl(o, L_PHONES));
		comp_begin(&c, o);
		unit_phones(&c.o, u);
		comp_end(&c, o, 6 + width_of(lbl(o, L_PHONES)));
		putc('\n', o->fp);
		show_members(o, u);
	}
}

/*
 * v joined with ", ", the cursor being at column col; lines break
 * between items only, so that no keyword is cut in two.
 */
static void
wrapped_list(const struct out *o, size_t col, const char **v, size_t n)
{
	size_t	 i, at = col, w;

	for (i = 0; i < n; i++) {
		w = width_of(v[i]) + (i + 1 < n ? 1 : 0);
		if (i > 0 && at + 1 + w > WIDTH) {
			putc('\n', o->fp);
			spaces(o, col);
			at = col;
		} else if (i > 0) {
			putc(' ', o->fp);
			at++;
		}
		put(o, v[i]);
		if (i + 1 < n)
			putc(',', o->fp);
		at += w;
	}
}

static void
show_categories(const struct out *o, const struct inc_plan *p)
{
	const struct inc_category *c;
	const struct inc_subtype *s;
	struct comp cp;
	size_t	 i, k, w, lw;

	heading(o, L_CATEGORIES, NULL);
	lw = width_of(lbl(o, L_KEYWORDS)) + 2;
	for (i = 0; i < p->ncategories; i++) {
		c = &p->categories[i];
		putc('\n', o->fp);
		element(o, c->id, c->name, NULL, c->clause);
		wrapped_text(o, 4, c->definition);
		for (w = 0, k = 0; k < c->nsubtypes; k++)
			if (width_of(c->subtypes[k].id) > w)
				w = width_of(c->subtypes[k].id);
		for (k = 0; k < c->nsubtypes; k++) {
			s = &c->subtypes[k];
			fputs("    ", o->fp);
			padded(o, s->id, w + 2);
			comp_begin(&cp, o);
			puttext(&cp.o, s->name);
			comp_end_clause(&cp, o, 6 + w, s->clause);
			putc('\n', o->fp);
			if (s->nkeywords == 0)
				continue;
			fprintf(o->fp, "      %s: ", lbl(o, L_KEYWORDS));
			wrapped_list(o, 6 + lw, s->keywords, s->nkeywords);
			putc('\n', o->fp);
		}
	}
}

static void
show_scale(const struct out *o, enum label l, const struct inc_scale *sc)
{
	const struct inc_scale_value *v;
	size_t	 i, wid = 0, wname = 0;

	heading(o, l, sc->clause);
	for (i = 0; i < sc->n; i++) {
		if (width_of(sc->values[i].id) > wid)
			wid = width_of(sc->values[i].id);
		if (width_of(text_in(sc->values[i].name, o->lang)) > wname)
			wname = width_of(text_in(sc->values[i].name, o->lang));
	}
	for (i = 0; i < sc->n; i++) {
		v = &sc->values[i];
		fputs("  ", o->fp);
		padded(o, v->id, wid + 2);
		padded(o, text_in(v->name, o->lang), v->clause != NULL ?
		    wname : 0);
		clause_suffix(o, v->clause);
		putc('\n', o->fp);
		wrapped_text(o, 4 + wid, v->description);
	}
}

static void
show_levels(const struct out *o, const struct inc_plan *p)
{
	const struct inc_level_def *l;
	size_t	 i;

	heading(o, L_LEVELS, NULL);
	for (i = 0; i < LEVEL_COUNT; i++) {
		l = &p->levels[i];
		fputs("  ", o->fp);
		padded(o, level_id(l->level), 5);
		puttext(o, l->name);
		clause_suffix(o, l->clause);
		putc('\n', o->fp);
		wrapped_text(o, 7, l->description);
	}
}

/*
 * The matrix as a table: a row per importance, a column per loss, each
 * column as wide as its widest cell in display cells.
 */
static void
show_grading(const struct out *o, const struct inc_plan *p)
{
	const struct inc_grading *g = &p->grading;
	const char *name;
	size_t	 i, l, w0, w, wname = 0;

	heading(o, L_GRADING, g->clause);
	w0 = width_of(lbl(o, L_MATRIX_CORNER));
	for (i = 0; i < p->importance.n; i++) {
		name = text_in(p->importance.values[i].name, o->lang);
		if (width_of(name) > w0)
			w0 = width_of(name);
	}
	fputs("  ", o->fp);
	padded(o, lbl(o, L_MATRIX_CORNER), w0 + 2);
	for (l = 0; l < p->loss.n; l++) {
		name = text_in(p->loss.values[l].name, o->lang);
		w = width_of(name) > 3 ? width_of(name) : 3;
		padded(o, name, l + 1 < p->loss.n ? w + 2 : 0);
	}
	putc('\n', o->fp);
	for (i = 0; i < p->importance.n; i++) {
		fputs("  ", o->fp);
		padded(o, text_in(p->importance.values[i].name, o->lang),
		    w0 + 2);
		for (l = 0; l < p->loss.n; l++) {
			name = text_in(p->loss.values[l].name, o->lang);
			w = width_of(name) > 3 ? width_of(name) : 3;
			padded(o, level_id(g->matrix[i * p->loss.n + l]),
			    l + 1 < p->loss.n ? w + 2 : 0);
		}
		putc('\n', o->fp);
	}

	fprintf(o->fp, "\n  %s:\n", lbl(o, L_BY_IMPACT));
	for (i = 0; i < p->impact.n; i++) {
		name = text_in(p->impact.values[i].name, o->lang);
		if (width_of(name) > wname)
			wname = width_of(name);
	}
	for (i = 0; i < p->impact.n; i++) {
		fputs("    ", o->fp);
		padded(o, text_in(p->impact.values[i].name, o->lang),
		    wname + 2);
		fprintf(o->fp, "%s\n", level_id(g->by_impact[i]));
	}
	fprintf(o->fp, "  %s\n", lbl(o, L_MORE_SEVERE));
}

static void
show_obligation(const struct out *o, const struct inc_obligation *ob)
{
	char	 buf[INC_DURATION_LEN];
	struct comp c;
	size_t	 k;
	int	 l, first;

	putc('\n', o->fp);
	element(o, ob->id, ob->name, NULL, ob->clause);
	fprintf(o->fp, "    %s: ", lbl(o, L_FIELD));
	put(o, ob->field);
	fprintf(o->fp, "\n    %s: ", lbl(o, L_DEADLINE));
	if (ob->after != NULL && o->lang == LANG_ZH) {
		put(o, ob->after);
		fprintf(o->fp, " %s %s %s", lbl(o, L_AFTER),
		    duration_format(buf, ob->within), lbl(o, L_WITHIN));
	} else if (ob->after != NULL) {
		fprintf(o->fp, "%s %s %s ", lbl(o, L_WITHIN),
		    duration_format(buf, ob->within), lbl(o, L_AFTER));
		put(o, ob->after);
	} else if (ob->before != NULL && o->lang == LANG_ZH) {
		put(o, ob->before);
		fprintf(o->fp, " %s", lbl(o, L_BEFORE));
	} else if (ob->before != NULL) {
		fprintf(o->fp, "%s ", lbl(o, L_BEFORE));
		put(o, ob->before);
	}
	fprintf(o->fp, "\n    %s: ", lbl(o, L_LEVELS_APPLY));
	if (ob->levels == 0)
		fputs(lbl(o, L_ALL_LEVELS), o->fp);
	for (first = 1, l = LEVEL_I; l <= LEVEL_IV; l++) {
		if (ob->levels == 0 || !(ob->levels & LEVEL_BIT(l)))
			continue;
		fprintf(o->fp, "%s%s", first ? "" : ", ", level_id(l));
		first = 0;
	}
	putc('\n', o->fp);
	for (k = 0; k < ob->nnotify; k++) {
		fprintf(o->fp, "    %s: ", lbl(o, L_TELL));
		comp_begin(&c, o);
		puttext(&c.o, ob->notify[k]->name);
		fputs(" (", c.o.fp);
		unit_phones(&c.o, ob->notify[k]);
		fputs(")", c.o.fp);
		comp_end(&c, o, 6 + width_of(lbl(o, L_TELL)));
		putc('\n', o->fp);
	}
	if (text_in(ob->note, o->lang)[0] != '\0') {
		fprintf(o->fp, "    %s: ", lbl(o, L_NOTE));
		wrap_at(o, 6 + width_of(lbl(o, L_NOTE)),
		    text_in(ob->note, o->lang),
		    strlen(text_in(ob->note, o->lang)));
		putc('\n', o->fp);
	}
}

static void
show_obligations(const struct out *o, const struct inc_plan *p)
{
	size_t	 i;

	heading(o, L_OBLIGATIONS, NULL);
	for (i = 0; i < p->nobligations; i++)
		show_obligation(o, &p->obligations[i]);
}

/* "  1. text [clause]", one step a line, continuation lines indented. */
static void
show_procedures(const struct out *o, const struct inc_plan *p)
{
	const struct inc_procedure *pr;
	const struct inc_step *s;
	const char *t;
	struct comp c;
	char	 num[32];
	size_t	 i, k, col;

	heading(o, L_PROCEDURES, NULL);
	for (i = 0; i < p->nprocedures; i++) {
		pr = &p->procedures[i];
		snprintf(num, sizeof(num), "%zu %s", pr->nsteps,
		    lbl(o, L_STEPS));
		putc('\n', o->fp);
		element(o, pr->id, pr->name, num, pr->clause);
		for (k = 0; k < pr->nsteps; k++) {
			s = &pr->steps[k];
			col = 4 + (size_t)snprintf(num, sizeof(num), "%d. ",
			    s->n);
			fprintf(o->fp, "    %s", num);
			comp_begin(&c, o);
			if ((t = text_in(s->title, o->lang))[0] != '\0') {
				put(&c.o, t);
				fputs(o->lang == LANG_ZH ? "：" : ": ",
				    c.o.fp);
			}
			put(&c.o, text_in(s->text, o->lang));
			comp_end_clause(&c, o, col, s->clause);
			putc('\n', o->fp);
		}
	}
}

static void
procedure_list(const struct out *o, const struct inc_procedure **v,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(", ", o->fp);
		put(o, v[i]->id);
	}
}

static void
show_routing(const struct out *o, const struct inc_plan *p)
{
	const struct inc_route *r;
	char	*key;
	size_t	 i, w = 0, len;

	heading(o, L_ROUTING, NULL);
	/* The first column, "category/subtype", sized by its widest. */
	for (i = 0; i < p->nroutes; i++) {
		r = &p->routes[i];
		len = width_of(r->category->id) + 1 + (r->subtype != NULL ?
		    width_of(r->subtype->id) : width_of(lbl(o, L_ANY)));
		if (len > w)
			w = len;
	}
	if (width_of(lbl(o, L_DEFAULT)) + 2 > w)
		w = width_of(lbl(o, L_DEFAULT)) + 2;
	for (i = 0; i < p->nroutes; i++) {
		r = &p->routes[i];
		len = strlen(r->category->id) + 1 + strlen(r->subtype != NULL ?
		    r->subtype->id : lbl(o, L_ANY));
		if ((key = malloc(len + 1)) == NULL)
			continue;
		snprintf(key, len + 1, "%s/%s", r->category->id,
		    r->subtype != NULL ? r->subtype->id : lbl(o, L_ANY));
		fputs("  ", o->fp);
		padded(o, key, w + 2);
		free(key);
		procedure_list(o, r->procedures, r->nprocedures);
		putc('\n', o->fp);
		wrapped_text(o, 4, r->note);
	}
	if (p->nfallback > 0) {
		fprintf(o->fp, "  (%s)", lbl(o, L_DEFAULT));
		spaces(o, w + 2 - width_of(lbl(o, L_DEFAULT)) - 2);
		procedure_list(o, p->fallback, p->nfallback);
		putc('\n', o->fp);
	}
}

static void
show_systems(const struct out *o, const struct inc_plan *p)
{
	const struct inc_system *s;
	size_t	 i, wid = 0, wname = 0, wimp = 0;

	heading(o, L_SYSTEMS, NULL);
	for (i = 0; i < p->nsystems; i++) {
		s = &p->systems[i];
		if (width_of(s->id) > wid)
			wid = width_of(s->id);
		if (width_of(text_in(s->name, o->lang)) > wname)
			wname = width_of(text_in(s->name, o->lang));
		if (width_of(s->importance) > wimp)
			wimp = width_of(s->importance);
	}
	for (i = 0; i < p->nsystems; i++) {
		s = &p->systems[i];
		fputs("  ", o->fp);
		padded(o, s->id, wid + 2);
		padded(o, text_in(s->name, o->lang), wname + 2);
		padded(o, s->importance, s->url != NULL ? wimp + 2 : 0);
		put(o, s->url);
		putc('\n', o->fp);
	}
}

int
plan_show_text(FILE *fp, const struct inc_plan *p, enum inc_lang lang)
{
	struct out	 o = { fp, lang };

	show_front(&o, p);
	show_organisation(&o, p);
	show_categories(&o, p);
	plan_show_detection_text(fp, p, lang);
	show_scale(&o, L_IMPORTANCE, &p->importance);
	show_scale(&o, L_LOSS, &p->loss);
	show_scale(&o, L_IMPACT, &p->impact);
	show_levels(&o, p);
	show_grading(&o, p);
	show_obligations(&o, p);
	show_procedures(&o, p);
	show_routing(&o, p);
	show_systems(&o, p);
	section_text(&o, L_ACCOUNTABILITY, p->accountability_clause,
	    p->accountability);
	return ferror(fp) ? -1 : 0;
}

int
plan_show_summary(FILE *fp, const struct inc_plan *p)
{
	size_t	 i, nsub = 0, nsteps = 0, npeople = 0, nphones = 0;

	for (i = 0; i < p->ncategories; i++)
		nsub += p->categories[i].nsubtypes;
	for (i = 0; i < p->nprocedures; i++)
		nsteps += p->procedures[i].nsteps;
	for (i = 0; i < p->nunits; i++) {
		npeople += p->units[i].nmembers;
		nphones += p->units[i].nphones;
	}
	fprintf(fp, "%s: %zu categories, %zu subtypes, %zu units, "
	    "%zu members, %zu unit phones, %zu obligations, %zu procedures, "
	    "%zu steps, %zu routes, %zu systems\n", p->source, p->ncategories,
	    nsub, p->nunits, npeople, nphones, p->nobligations,
	    p->nprocedures, nsteps, p->nroutes + (p->nfallback > 0),
	    p->nsystems);
	return ferror(fp) ? -1 : 0;
}
