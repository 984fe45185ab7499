/*
 * classify.c - one record: taxonomy from keywords, importance from the
 * plan's systems, level and level_basis from the grading, an id.
 *
 * What a person wrote wins: a field already in the record is kept (its
 * bytes untouched) unless --force, and a field that holds a value the
 * plan does not know is reported and left as it is, with what depends on
 * it.  What inc-classify alone writes is recomputed on every run: match,
 * level_basis, and a level it computed before (its basis gives that
 * level), so that a run after a person added loss or impact follows, and
 * a second run over its own output changes nothing.
 *
 * The record is walked once to find the fields read here: a record is
 * classified in time linear in its size, whatever the number of fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "classify.h"
#include "diag.h"
#include "fastpath.h"
#include "grade.h"
#include "text.h"

#define SAFE_LEN	64	/* a value quoted in a message */
/* bytes of an alert's title made visible: a record line must hold it */
#define VISIBLE_MAX	((size_t)INC_MAX_LINE - 16)

enum field {
	F_CATEGORY, F_SUBTYPE, F_MATCH, F_IMPORTANCE, F_LOSS, F_IMPACT,
	F_LEVEL, F_BASIS, F_DETECTED, F_SYSTEM, F_ID, F_COUNT
};

static const char *field_names[F_COUNT] = {
	"category", "subtype", "match", "importance", "loss", "impact",
	"level", "level_basis", "detected", "system", "id"
};

/* The first value of each field read here, and its line. */
struct fields {
	const char	*v[F_COUNT];
	long		 line[F_COUNT];
};

/* By the first byte first: every field of every record is asked. */
static bool
is_text_field(const char *name)
{
	switch (name[0]) {
	case 't':
		return strcmp(name, "title") == 0;
	case 'l':
		return strcmp(name, "log") == 0;
	case 'd':
		return strcmp(name, "description") == 0;
	default:
		return false;
	}
}

static enum field
is(const char *name, enum field k)
{
	return strcmp(name, field_names[k]) == 0 ? k : F_COUNT;
}

/*
 * The field of that name among those read here, or F_COUNT.  By the
 * first bytes, one strcmp at most: every field of every record is asked.
 * A byte is looked at only when those before it are not NUL.
 */
static enum field
field_of(const char *name)
{
	switch (name[0]) {
	case 'c':
		return is(name, F_CATEGORY);
	case 'd':
		return is(name, F_DETECTED);
	case 'i':
		if (name[1] == 'd')
			return is(name, F_ID);
		return name[1] == 'm' && name[2] == 'p' && name[3] == 'o' ?
		    is(name, F_IMPORTANCE) : is(name, F_IMPACT);
	case 'l':
		if (name[1] == 'o')
			return is(name, F_LOSS);
		return is(name, F_LEVEL) != F_COUNT ? F_LEVEL :
		    is(name, F_BASIS);
	case 'm':
		return is(name, F_MATCH);
	case 's':
		return name[1] == 'u' ? is(name, F_SUBTYPE) :
		    is(name, F_SYSTEM);
	default:
		return F_COUNT;
	}
}

static void
gather(const struct inc_record *r, struct fields *f)
{
	const struct inc_item *it;
	size_t i;
	enum field k;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < r->nitems; i++) {
		it = &r->items[i];
		if (it->kind != ITEM_FIELD || it->deleted ||
		    (k = field_of(it->name)) == F_COUNT || f->v[k] != NULL)
			continue;
		f->v[k] = it->value;
		f->line[k] = it->line > 0 ? it->line : r->line;
	}
}

static const char *
file_of(const struct inc_record *r)
{
	return r->file != NULL ? r->file : "-";
}

static int
bad(const struct inc_record *r, const struct fields *f, enum field k,
    const char *what)
{
	char b[SAFE_LEN];

	inc_warn_at(file_of(r), f->line[k], "%s \"%s\": %s", field_names[k],
	    text_quote(b, SAFE_LEN, f->v[k]), what);
	return EXIT_TROUBLE;
}

/*
 * Set a field the record lacks, or one inc-classify owns.  A durable
 * value (the plan's strings, literals) is added without a copy: it
 * outlives the record.
 */
static int
put_value(struct inc_record *r, struct fields *f, enum field k,
    const char *value, bool durable)
{
	int rc;

	if (f->v[k] != NULL)
		rc = record_set(r, field_names[k], value);
	else if (durable)
		rc = record_add_const(r, field_names[k], value, strlen(value));
	else
		rc = record_add(r, field_names[k], value);
	if (rc == 0 && f->v[k] == NULL) {
		f->v[k] = r->items[r->nitems - 1].value;
		f->line[k] = r->line;
	}
	return rc;
}

static int
put(struct inc_record *r, struct fields *f, enum field k, const char *value)
{
	return put_value(r, f, k, value, false);
}

static int
put_durable(struct inc_record *r, struct fields *f, enum field k,
    const char *value)
{
	return put_value(r, f, k, value, true);
}

/*
 * Fill a field when absent; with force replace it, and say so.  The value
 * is durable (the plan's).
 */
static int
fill(const struct inc_classifier *cl, struct inc_record *r,
    struct fields *f, enum field k, const char *value)
{
	char a[SAFE_LEN], b[SAFE_LEN];

	if (f->v[k] == NULL)
		return put_durable(r, f, k, value);
	if (!cl->force || strcmp(f->v[k], value) == 0)
		return 0;
	inc_warn_at(file_of(r), f->line[k], "--force: %s was \"%s\", now "
	    "\"%s\"", field_names[k], text_quote(a, SAFE_LEN, f->v[k]),
	    text_quote(b, SAFE_LEN, value));
	if (record_set(r, field_names[k], value) == -1)
		return -1;
	f->v[k] = record_get(r, field_names[k]);
	return 0;
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

/* Title, description and log values, each on its own. */
static void
scan(struct inc_classifier *cl, const struct inc_record *r,
    const struct inc_category *within, struct inc_match *m)
{
	const struct inc_item *it;
	size_t i;

	match_clear(m);
	for (i = 0; i < r->nitems; i++) {
		it = &r->items[i];
		if (it->kind == ITEM_FIELD && !it->deleted &&
		    is_text_field(it->name))
			matcher_scan(cl->matcher, it->value, it->len, within,
			    m);
	}
}

/* Category, subtype and match.  cat and sub: the record's, valid. */
static int
taxonomy(struct inc_classifier *cl, struct inc_record *r,
    struct fields *f, const struct inc_category *cat,
    const struct inc_subtype *sub, bool sub_many)
{
	const struct inc_plan *p = cl->plan;
	const struct inc_category *ncat;
	const struct inc_subtype *nsub;
	struct inc_match m;
	bool by_keyword = true;

	if (cat != NULL && sub != NULL && !cl->force)
		return 0;
	scan(cl, r, cl->force ? NULL : cat, &m);
	/* Noise is no reason to change what a person wrote. */
	if (m.ignore && (cat != NULL || sub != NULL))
		match_clear(&m);
	if (m.subtype != NULL && (cl->force || sub == NULL)) {
		nsub = m.subtype;
		ncat = nsub->category;
	} else if (sub != NULL) {
		/* A person named the subtype: its category follows. */
		if (sub_many && (m.subtype == NULL ||
		    plan_subtype(m.subtype->category, sub->id) == NULL))
			return bad(r, f, F_SUBTYPE, "in several categories: "
			    "set category");
		ncat = sub_many ? m.subtype->category : sub->category;
		nsub = plan_subtype(ncat, sub->id);
		by_keyword = false;
	} else {
		/*
		 * No keyword: other, within the category a person gave.
		 * Even --force keeps what a person wrote, the plan giving
		 * nothing better.
		 */
		if (cat != NULL) {
			ncat = cat;
			nsub = plan_subtype(ncat, "other");
		} else {
			/* Most alerts: the lookup by name done once. */
			if (!cl->other_found) {
				cl->other = plan_category(p, "other");
				cl->other_sub = cl->other != NULL ?
				    plan_subtype(cl->other, "other") : NULL;
				cl->other_found = true;
			}
			ncat = cl->other;
			nsub = cl->other_sub;
		}
	}
	if ((ncat != NULL && fill(cl, r, f, F_CATEGORY, ncat->id) == -1) ||
	    (nsub != NULL && fill(cl, r, f, F_SUBTYPE, nsub->id) == -1))
		return -1;
	if (by_keyword && put_durable(r, f, F_MATCH,
	    m.subtype != NULL ? m.keyword : "none") == -1)
		return -1;
	return 0;
}

static int
importance(const struct inc_classifier *cl, struct inc_record *r,
    struct fields *f)
{
	const struct inc_system *sys;

	if (f->v[F_SYSTEM] == NULL ||
	    (sys = plan_system(cl->plan, f->v[F_SYSTEM])) == NULL ||
	    sys->importance == NULL)
		return 0;
	return fill(cl, r, f, F_IMPORTANCE, sys->importance);
}

static int
level(struct inc_classifier *cl, struct inc_record *r, struct fields *f)
{
	const struct inc_plan *p = cl->plan;
	char buf[GRADE_BASIS_LEN + 64];
	const struct inc_grade *g;
	int imp = -1, loss = -1, impact = -1;

	if (f->v[F_IMPORTANCE] != NULL)
		imp = scale_index(&p->importance, f->v[F_IMPORTANCE]);
	if (f->v[F_LOSS] != NULL)
		loss = scale_index(&p->loss, f->v[F_LOSS]);
	if (f->v[F_IMPACT] != NULL)
		impact = scale_index(&p->impact, f->v[F_IMPACT]);
	/* Streams of alerts grade the same inputs over and over. */
	if (!cl->graded || imp != cl->g_imp || loss != cl->g_loss ||
	    impact != cl->g_impact) {
		grade(p, imp, loss, impact, &cl->g);
		cl->g_imp = imp;
		cl->g_loss = loss;
		cl->g_impact = impact;
		cl->graded = true;
	}
	g = &cl->g;

	/*
	 * A level is inc-classify's own when the basis beside it has
	 * grade()'s marker of that level: it follows its inputs (a loss
	 * or impact added later).  Any other level is a person's.
	 */
	if (f->v[F_LEVEL] == NULL ||
	    grade_level_own(f->v[F_LEVEL], f->v[F_BASIS])) {
		if (g->level == LEVEL_NONE && f->v[F_LEVEL] != NULL) {
			record_remove(r, field_names[F_LEVEL]);
			f->v[F_LEVEL] = NULL;
		} else if (g->level != LEVEL_NONE &&
		    put_durable(r, f, F_LEVEL, level_id(g->level)) == -1)
			return -1;
		if (put(r, f, F_BASIS, g->basis) == -1)
			return -1;
		return g->level == LEVEL_NONE ? EXIT_FOUND : 0;
	}
	if (cl->force && g->level != LEVEL_NONE) {
		if (fill(cl, r, f, F_LEVEL, level_id(g->level)) == -1 ||
		    put(r, f, F_BASIS, g->basis) == -1)
			return -1;
		return 0;
	}
	/* A person's level: kept, even when the plan gives none. */
	snprintf(buf, sizeof(buf), "level set by hand; the plan gives: %s",
	    g->basis);
	return put(r, f, F_BASIS, buf) == -1 ? -1 : 0;
}

static int
identify(struct inc_classifier *cl, struct inc_record *r, struct fields *f,
    bool dated, struct inc_time detected)
{
	char id[INC_ID_LEN];

	cl->ordinal++;
	if (f->v[F_ID] != NULL)
		return 0;
	inc_id(id, r->raw != NULL ? r->raw : "", r->raw != NULL ?
	    r->rawlen : 0, cl->ordinal, dated ? detected : cl->now);
	return put(r, f, F_ID, id);
}

/*
 * The rules, on the fields found.  detected_ok: the caller made detected
 * from a time that reads back (classify_alert), and an id is there: the
 * time need not be parsed again.
 */
static int
classify(struct inc_classifier *cl, struct inc_record *r, struct fields *f,
    bool detected_ok)
{
	const struct inc_plan *p = cl->plan;
	const struct inc_category *cat = NULL;
	const struct inc_subtype *sub = NULL;
	struct inc_time detected = { 0, 0 };
	bool bad_tax = false, bad_grade = false, many = false, dated = false;
	int st = 0, s;

	if (f->v[F_CATEGORY] != NULL &&
	    (cat = plan_category(p, f->v[F_CATEGORY])) == NULL) {
		st = bad(r, f, F_CATEGORY, "not a category of the plan");
		bad_tax = true;
	}
	if (f->v[F_SUBTYPE] != NULL && !bad_tax) {
		sub = cat != NULL ? plan_subtype(cat, f->v[F_SUBTYPE]) :
		    subtype_anywhere(p, f->v[F_SUBTYPE], &many);
		if (sub == NULL) {
			st = bad(r, f, F_SUBTYPE, cat != NULL ? "not a "
			    "subtype of its category" : "not a subtype of "
			    "the plan");
			bad_tax = true;
		}
	}
	if (f->v[F_IMPORTANCE] != NULL &&
	    scale_index(&p->importance, f->v[F_IMPORTANCE]) < 0) {
		st = bad(r, f, F_IMPORTANCE, "not an importance of the plan");
		bad_grade = true;
	}
	if (f->v[F_LOSS] != NULL && scale_index(&p->loss, f->v[F_LOSS]) < 0) {
		st = bad(r, f, F_LOSS, "not a loss of the plan");
		bad_grade = true;
	}
	if (f->v[F_IMPACT] != NULL &&
	    scale_index(&p->impact, f->v[F_IMPACT]) < 0) {
		st = bad(r, f, F_IMPACT, "not an impact of the plan");
		bad_grade = true;
	}
	if (f->v[F_SYSTEM] != NULL && plan_system(p, f->v[F_SYSTEM]) == NULL) {
		st = bad(r, f, F_SYSTEM, "not a system of the plan");
		bad_grade = true;
	}
	if (f->v[F_LEVEL] != NULL && level_parse(f->v[F_LEVEL]) == LEVEL_NONE) {
		st = bad(r, f, F_LEVEL, "not a level (I, II, III or IV)");
		bad_grade = true;
	}
	if (f->v[F_DETECTED] != NULL && !detected_ok) {
		if (time_parse(f->v[F_DETECTED], &detected) == 0)
			dated = true;
		else
			st = bad(r, f, F_DETECTED, "not a time ("
			    INC_TIME_EXAMPLE ")");
	}

	if (!bad_tax && (s = taxonomy(cl, r, f, cat, sub, many)) != 0) {
		if (s == -1)
			goto nomem;
		st = inc_status_worse(st, s);
	}
	if (!bad_grade) {
		if (importance(cl, r, f) == -1 || (s = level(cl, r, f)) == -1)
			goto nomem;
		st = inc_status_worse(st, s);
	}
	if (identify(cl, r, f, dated, detected) == -1)
		goto nomem;
	return st;
nomem:
	return inc_nomem_at(file_of(r), r->line);
}

int
classify_record(struct inc_classifier *cl, struct inc_record *r)
{
	struct fields f;

	/*
	 * Every field written here, room for it first: a record the
	 * reader took at its field limit is reported and left whole.
	 */
	if (r->nitems + F_COUNT > (size_t)INC_MAX_FIELDS) {
		inc_warn_at(file_of(r), r->line, "too many fields (limit "
		    "%ld): no room to classify", INC_MAX_FIELDS);
		return EXIT_TROUBLE;
	}
	gather(r, &f);
	return classify(cl, r, &f, false);
}

/*
 * The fields an alert's record has of its own, in order: id, detected,
 * received, detected_note (why detected is not simply the line's time,
 * when it is not), source (what sent it, the tag, else where from, the
 * host), host, title, and from the rule that matched (DESIGN 5) the
 * address it captured and its id.  Each value is taken up to a NUL, as
 * a record keeps it.
 */
#define ALERT_FIELDS	(9 + ALERT_EXTRA_MAX)	/* id ... title, address,
					 * rule, the extra */

struct alert_fields {
	size_t		 n;
	const char	*name[ALERT_FIELDS];
	size_t		 nlen[ALERT_FIELDS];
	const char	*value[ALERT_FIELDS];
	size_t		 len[ALERT_FIELDS];
};

static void
af_add(struct alert_fields *af, const char *name, size_t nlen,
    const char *value, size_t len)
{
	const char *z = memchr(value, '\0', len);

	af->name[af->n] = name;
	af->nlen[af->n] = nlen;
	af->value[af->n] = value;
	af->len[af->n++] = z != NULL ? (size_t)(z - value) : len;
}

#define AF_ADD(af, name, v, len)	af_add(af, name, sizeof(name) - 1, v, len)

/* title: the message, its bytes that are not UTF-8 made visible. */
static void
alert_fields(struct alert_fields *af, const struct inc_alert *a,
    const char *id, const char *when, const char *received,
    const char *title, size_t titlelen)
{
	af->n = 0;
	AF_ADD(af, "id", id, strlen(id));
	AF_ADD(af, "detected", when, strlen(when));
	AF_ADD(af, "received", received, strlen(received));
	if (a->note != NULL)
		AF_ADD(af, "detected_note", a->note, strlen(a->note));
	if (a->tag != NULL)
		AF_ADD(af, "source", a->tag, a->taglen);
	else if (a->host != NULL)
		AF_ADD(af, "source", a->host, a->hostlen);
	if (a->host != NULL)
		AF_ADD(af, "host", a->host, a->hostlen);
	AF_ADD(af, "title", title, titlelen);
}

/* What the rule found in the title: the address, and the rule's id. */
static void
alert_rule_fields(struct alert_fields *af, const struct inc_match *m)
{
	if (m->address != NULL && m->addresslen > 0)
		AF_ADD(af, "address", m->address, m->addresslen);
	if (m->rule != NULL)
		AF_ADD(af, "rule", m->rule, strlen(m->rule));
}

/*
 * The record of an alert, made of its own fields (r reset, file and line
 * set) and classified, without looking for the fields of a person's it
 * cannot have.  detected is written from a time read by alert_parse
 * (years 1970 to 9999); written in its own offset, whole minutes within
 * 18 hours, it reads back: no need to parse it again.
 */
static int
alert_record(struct inc_classifier *cl, struct inc_record *r,
    const struct inc_alert *a, const struct alert_fields *af)
{
	struct fields f;
	char *v;
	size_t i;

	for (i = 0; i < af->n; i++) {
		if ((v = record_strdup(r, af->value[i], af->len[i])) == NULL ||
		    record_add_const(r, af->name[i], v, af->len[i]) == -1) {
			return inc_nomem_at(file_of(r), r->line);
		}
		r->items[r->nitems - 1].one_line = true;
	}
	memset(&f, 0, sizeof(f));
	f.v[F_ID] = r->items[0].value;
	f.v[F_DETECTED] = r->items[1].value;
	f.line[F_ID] = f.line[F_DETECTED] = r->line;
	return classify(cl, r, &f, a->detected.offset % 60 == 0 &&
	    a->detected.offset <= 18 * 3600 &&
	    a->detected.offset >= -18 * 3600);
}

/*
 * What classify adds to the record of an alert (category, subtype,
 * match, level, level_basis), and the status it gives, depend on nothing
 * but the keyword its title matched: such a record holds no field of a
 * person's.  So the first alert of each keyword is made as a record and
 * classified by the rules above, the text of what they added is kept,
 * and every later alert of that keyword is written as text: its own
 * fields, then that text.  (Building records and writing them was half
 * the time of inc-classify --raw.)
 */
struct alert_tail {
	bool	 set;
	int	 status;
	char	*text;
	size_t	 len;
};

/* The kept tail of key (0: no keyword; else the keyword's rank + 1). */
static struct alert_tail *
tail_slot(struct inc_classifier *cl, size_t key)
{
	struct alert_tail *t;
	size_t n;

	if (key >= cl->ntails) {
		n = key + 16;
		if ((t = reallocarray(cl->tails, n, sizeof(*t))) == NULL)
			return NULL;
		memset(t + cl->ntails, 0, (n - cl->ntails) * sizeof(*t));
		cl->tails = t;
		cl->ntails = n;
	}
	return &cl->tails[key];
}

/*
 * Classify the alert as a record; keep the text of what was added after
 * its own fields.  A status of trouble (out of memory, reported) is not
 * kept: the text is used once, and the next alert of the keyword is made
 * as a record.  Returns -1 only when out of memory for the text.
 */
static int
make_tail(struct inc_classifier *cl, struct alert_tail *t,
    const struct inc_alert *a, const struct alert_fields *af)
{
	struct inc_record *r = &cl->scratch, added;
	size_t size = 0;
	FILE *fp;
	int werr;

	record_reset(r);
	r->kind = RECORD_INCIDENT;
	r->file = cl->file;
	r->line = cl->line;
	t->status = alert_record(cl, r, a, af);
	if (r->nitems < af->n)
		return -1;	/* out of memory making it, reported */
	added = *r;
	added.items += af->n;
	added.nitems -= af->n;
	free(t->text);
	t->text = NULL;
	if ((fp = open_memstream(&t->text, &size)) == NULL)
		goto nomem;
	werr = record_write(fp, &added);
	if (fclose(fp) == EOF || werr == -1)
		goto nomem;
	t->len = size;
	t->set = t->status != EXIT_TROUBLE;
	return 0;
nomem:
	(void)inc_nomem_at(file_of(r), r->line);
	return -1;
}

/* room for n bytes of text */
static int
text_room(struct inc_classifier *cl, size_t n)
{
	char *b;

	if (n <= cl->textcap)
		return 0;
	if ((b = realloc(cl->text, n)) == NULL)
		return -1;
	cl->text = b;
	cl->textcap = n;
	return 0;
}

/* The title of an alert: its message, bytes not UTF-8 made visible. */
static int
title_visible(struct inc_classifier *cl, const char **title, size_t *len)
{
	size_t need;
	char *b;

	if (alert_utf8_valid(*title, *len))
		return 0;
	need = *len < VISIBLE_MAX / 4 ? 4 * *len : VISIBLE_MAX;
	if (need > cl->visiblecap) {
		if ((b = realloc(cl->visible, need)) == NULL)
			return -1;
		cl->visible = b;
		cl->visiblecap = need;
	}
	*len = alert_visible(cl->visible, need, *title, *len);
	*title = cl->visible;
	return 0;
}

int
classify_alert_scan(struct inc_classifier *cl, const struct inc_alert *a,
    struct inc_match *m)
{
	const char *title = a->msg;
	size_t len = a->msglen;

	match_clear(m);
	if (title_visible(cl, &title, &len) == -1) {
		(void)inc_nomem_at(cl->file != NULL ? cl->file : "-", cl->line);
		return -1;
	}
	matcher_scan(cl->matcher, title, len, NULL, m);
	return 0;
}

int
classify_alert(struct inc_classifier *cl, const struct inc_alert *a,
    const char *line, size_t len, uint64_t ordinal,
    const struct alert_extra *x, const char **text, size_t *textlen)
{
	struct alert_fields af;
	struct alert_tail *t;
	struct inc_match m;
	char id[INC_ID_LEN], when[INC_TIME_LEN], *b;
	const char *title = a->msg;
	size_t i, need, key, titlelen = a->msglen;

	inc_id(id, line, len, ordinal, a->detected);
	time_format(when, a->detected);
	if (title_visible(cl, &title, &titlelen) == -1)
		goto nomem;
	alert_fields(&af, a, id, when, a->received_text, title, titlelen);
	match_clear(&m);	/* the title is the last of them */
	matcher_scan(cl->matcher, af.value[af.n - 1], af.len[af.n - 1], NULL,
	    &m);
	alert_rule_fields(&af, &m);
	key = m.subtype != NULL ? m.key + 1 : 0;
	if ((t = tail_slot(cl, key)) == NULL)
		goto nomem;
	if (!t->set || !inc_fastpath()) {	/* off: always a record */
		if (make_tail(cl, t, a, &af) == -1)
			return -1;
	} else
		cl->ordinal++;		/* as classify counts its records */
	/*
	 * An incident of several alerts: classified as its first alert
	 * (above), written with its own id, title and fields.
	 */
	if (x != NULL) {
		if (x->id != NULL)
			af.value[0] = x->id, af.len[0] = strlen(x->id);
		for (i = 0; x->title != NULL && i < af.n; i++)
			if (strcmp(af.name[i], "title") == 0) {
				af.value[i] = x->title;
				af.len[i] = x->titlelen;
			}
		for (i = 0; i < x->n && i < ALERT_EXTRA_MAX; i++)
			af_add(&af, x->name[i], strlen(x->name[i]),
			    x->value[i], x->len[i]);
	}
	for (need = t->len, i = 0; i < af.n; i++)
		need += af.nlen[i] + 3 + af.len[i];
	if (text_room(cl, need) == -1)
		goto nomem;
	for (b = cl->text, i = 0; i < af.n; i++)
		b += record_field_line(b, af.name[i], af.nlen[i], af.value[i],
		    af.len[i]);
	memcpy(b, t->text, t->len);
	*text = cl->text;
	*textlen = (size_t)(b - cl->text) + t->len;
	return t->status;
nomem:
	(void)inc_nomem_at(cl->file != NULL ? cl->file : "-", cl->line);
	return -1;
}

void
classifier_free(struct inc_classifier *cl)
{
	size_t i;

	for (i = 0; i < cl->ntails; i++)
		free(cl->tails[i].text);
	free(cl->tails);
	free(cl->text);
	free(cl->visible);
	record_free(&cl->scratch);
	cl->tails = NULL;
	cl->ntails = 0;
	cl->text = NULL;
	cl->textcap = 0;
	cl->visible = NULL;
	cl->visiblecap = 0;
}
