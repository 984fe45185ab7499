/*
 * obligation.c - the states of DESIGN section 3: met, late, pending,
 * overdue, missed, decided here and nowhere else.
 *
 * A record is read two ways: ob_state_of looks up the fields one
 * obligation needs; struct ob_fields finds every field the plan's
 * obligations read in one pass over the record (or over its bytes),
 * reading each time once, for the filters that check every obligation
 * of every record.  Both hand the values to decide().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "obligation.h"

/* The fields every check reads (inc-record(5)). */
#define CLOSED_FIELD	"closed"
#define LEVEL_FIELD	"level"

static const char *const state_names[] = {
	[OB_MET] = "met",
	[OB_LATE] = "late",
	[OB_PENDING] = "pending",
	[OB_OVERDUE] = "overdue",
	[OB_MISSED] = "missed"
};

const char *
ob_state_name(enum ob_state s)
{
	if ((size_t)s >= sizeof(state_names) / sizeof(state_names[0]))
		return "?";
	return state_names[s];
}

int
ob_state_parse(const char *s, enum ob_state *st)
{
	size_t i;

	for (i = 0; i < sizeof(state_names) / sizeof(state_names[0]); i++)
		if (strcmp(s, state_names[i]) == 0) {
			*st = (enum ob_state)i;
			return 0;
		}
	return -1;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
ob_time(const char *v, struct inc_time *t)
{
	return time_lead(v, strlen(v), t, NULL);
}

const char *
ob_bad_why(const struct inc_item *it)
{
	struct inc_time t;

	if (it == NULL)
		return NULL;
	return time_lead(it->value, it->len, &t, NULL) == 0 ? "a deadline "
	    "counted from it is past 9999-12-31" : "not a time";
}

/*
 * A field's value, and what it reads as, worked out once: detected
 * starts four clocks.
 */
struct ob_value {
	const char	*s;		/* NULL: no such field */
	size_t		 len;
	int		 time;		/* 0 not read yet, 1 t, -1 no time */
	struct inc_time	 t;
};

/*
 * The value of len bytes at s (NULL: no such field), not read yet.  A
 * record holding a NUL never gets here: the loop refuses it
 * (record-nul.h).
 */
static void
value_set(struct ob_value *v, const char *s, size_t len)
{
	v->s = s;
	v->len = s != NULL ? len : 0;
	v->time = 0;
}

/* 1 a time (*t), 0 absent, -1 not a time. */
static int
value_time(struct ob_value *v, struct inc_time *t)
{
	if (v->s == NULL)
		return 0;
	if (v->time == 0)
		v->time = time_lead(v->s, v->len, &v->t, NULL) == 0 ? 1 : -1;
	*t = v->t;
	return v->time;
}

/* ob_record_level of a value. */
static int
value_level(const struct ob_value *v, enum inc_level *lv)
{
	size_t len = v->len;

	*lv = LEVEL_NONE;
	if (v->s == NULL)
		return 0;
	while (len > 0 && is_space(v->s[len - 1]))
		len--;
	if ((*lv = level_parse_n(v->s, len)) == LEVEL_NONE)
		return -1;
	return 1;
}

/* ob_applies, given the record's level. */
static bool
applies(const struct inc_obligation *ob, int has_level, enum inc_level lv)
{
	if (ob->levels == 0)
		return true;
	/* Unknown or unreadable level: the obligation is not assumed. */
	return has_level == 1 && (ob->levels & LEVEL_BIT(lv)) != 0;
}

/*
 * The rule of ob_state_of (see there), on the values of the
 * fields closed, the obligation's after or before (start; NULL when it
 * has neither), and its own field (done).
 */
static int
decide(const struct inc_obligation *ob, struct ob_value *closed,
    struct ob_value *start, struct ob_value *done, struct inc_time now,
    struct ob_status *st, const char **bad)
{
	struct inc_time t, closed_at;
	int has_closed, got;

	memset(st, 0, sizeof(*st));
	st->ob = ob;
	*bad = NULL;

	if ((has_closed = value_time(closed, &closed_at)) == -1) {
		*bad = CLOSED_FIELD;
		return -1;
	}
	if (ob->after != NULL) {
		/* The clock must have a start: no start is a data error. */
		if (value_time(start, &t) != 1) {
			*bad = ob->after;
			return -1;
		}
		st->has_deadline = true;
		st->deadline.t = t.t + ob->within;
		st->deadline.offset = t.offset;
		/* Past 9999-12-31 it could only be written wrong: refused
		 * as its start is (obligation_bad_reason). */
		if (!time_writable(st->deadline)) {
			*bad = ob->after;
			return -1;
		}
	} else if (ob->before != NULL) {
		if ((got = value_time(start, &st->deadline)) == -1) {
			*bad = ob->before;
			return -1;
		}
		st->has_deadline = got == 1;
	}
	if ((got = value_time(done, &st->done_at)) == -1) {
		*bad = ob->field;
		return -1;
	}
	st->done = got == 1;

	/* To the second: on the deadline is in time. */
	if (st->done)
		st->state = st->has_deadline && st->done_at.t > st->deadline.t ?
		    OB_LATE : OB_MET;
	else if (has_closed)
		st->state = OB_MISSED;
	else if (st->has_deadline && now.t > st->deadline.t)
		st->state = OB_OVERDUE;
	else
		st->state = OB_PENDING;
	return 0;
}

/* A field of the record as an ob_value. */
static void
lookup(struct ob_value *v, const struct inc_record *r, const char *name)
{
	const struct inc_item *it = name != NULL ? record_field(r, name) :
	    NULL;

	value_set(v, it != NULL ? it->value : NULL, it != NULL ? it->len : 0);
}

int
ob_record_level(const struct inc_record *r, enum inc_level *lv)
{
	struct ob_value v;

	lookup(&v, r, LEVEL_FIELD);
	return value_level(&v, lv);
}

bool
ob_applies(const struct inc_obligation *ob,
    const struct inc_record *r)
{
	enum inc_level lv = LEVEL_NONE;
	int has_level = ob->levels != 0 ? ob_record_level(r, &lv) : 0;

	return applies(ob, has_level, lv);
}

int
ob_state_of(const struct inc_obligation *ob,
    const struct inc_record *r, struct inc_time now, struct ob_status *st,
    const char **bad)
{
	struct ob_value closed, start, done;

	lookup(&closed, r, CLOSED_FIELD);
	lookup(&start, r, ob->after != NULL ? ob->after : ob->before);
	lookup(&done, r, ob->field);
	return decide(ob, &closed, &start, &done, now, st, bad);
}

/*
 * The fields of all the obligations, each name once: names[0] is
 * closed, names[1] level, then the caller's extra names.  For a lookup by name, the names that begin
 * with a byte are chained: first[byte], then next[].
 */
struct ob_fields {
	const struct inc_plan *plan;
	const char	**names;
	size_t		 nnames;
	int		 first[256];
	int		*next;
	struct ob_value	*vals;		/* of the record read last */
	size_t		*start, *done;	/* per obligation: index in names,
					 * start (SIZE_MAX: none) */
	int		 has_level;	/* value_level of the record */
	enum inc_level	 level;
	struct raw_names raw;		/* the names, for ob_fields_read_raw */
	bool		 raw_ok;	/* (not too many for it) */
};

static size_t
name_index(struct ob_fields *f, const char *name)
{
	size_t i;

	if (name == NULL)
		return SIZE_MAX;
	for (i = 0; i < f->nnames; i++)
		if (strcmp(f->names[i], name) == 0)
			return i;
	f->names[f->nnames] = name;
	return f->nnames++;
}

struct ob_fields *
ob_fields_new(const struct inc_plan *plan, const char *const *extra,
    size_t nextra)
{
	struct ob_fields *f;
	size_t i, max = 2 + nextra + 2 * plan->nobligations;
	const struct inc_obligation *ob;
	unsigned char c;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return NULL;
	f->plan = plan;
	f->names = calloc(max, sizeof(*f->names));
	f->next = calloc(max, sizeof(*f->next));
	f->vals = calloc(max, sizeof(*f->vals));
	f->start = calloc(plan->nobligations + 1, sizeof(*f->start));
	f->done = calloc(plan->nobligations + 1, sizeof(*f->done));
	if (f->names == NULL || f->next == NULL || f->vals == NULL ||
	    f->start == NULL || f->done == NULL) {
		ob_fields_free(f);
		return NULL;
	}
	name_index(f, CLOSED_FIELD);
	name_index(f, LEVEL_FIELD);
	/* Each extra at 2 + j, even one the obligations read too. */
	for (i = 0; i < nextra; i++)
		f->names[f->nnames++] = extra[i];
	for (i = 0; i < plan->nobligations; i++) {
		ob = &plan->obligations[i];
		f->start[i] = name_index(f, ob->after != NULL ? ob->after :
		    ob->before);
		f->done[i] = name_index(f, ob->field);
	}
	/* Chained in reverse, so that each chain is in order of names. */
	memset(f->first, -1, sizeof(f->first));
	for (i = f->nnames; i-- > 0;) {
		c = (unsigned char)f->names[i][0];
		f->next[i] = f->first[c];
		f->first[c] = (int)i;
	}
	f->raw_ok = raw_names_init(&f->raw, f->names, f->nnames) == 0;
	return f;
}

void
ob_fields_free(struct ob_fields *f)
{
	if (f == NULL)
		return;
	free(f->names);
	free(f->next);
	free(f->vals);
	free(f->start);
	free(f->done);
	free(f);
}

/* After the values are in: the level, worked out once. */
static void
read_level(struct ob_fields *f)
{
	f->has_level = value_level(&f->vals[1], &f->level);
}

void
ob_fields_read(struct ob_fields *f, const struct inc_record *r)
{
	const struct inc_item *it;
	size_t i, left = f->nnames;
	int k;

	for (i = 0; i < f->nnames; i++)
		value_set(&f->vals[i], NULL, 0);
	/* The first field of each name, as record_get finds it. */
	for (i = 0; i < r->nitems && left > 0; i++) {
		it = &r->items[i];
		if (it->kind != ITEM_FIELD || it->deleted)
			continue;
		for (k = f->first[(unsigned char)it->name[0]]; k != -1;
		    k = f->next[k])
			if (f->vals[k].s == NULL &&
			    strcmp(f->names[k], it->name) == 0) {
				value_set(&f->vals[k], it->value, it->len);
				left--;
			}
	}
	read_level(f);
}

bool
ob_fields_read_raw(struct ob_fields *f, const struct raw_para *para)
{
	struct raw_value v[RAW_VALUES_MAX];
	size_t i;

	/* No NUL in the paragraph: the loop parses such a one (loop.h). */
	if (!f->raw_ok || !record_raw_values(para, &f->raw, v))
		return false;
	for (i = 0; i < f->nnames; i++)
		value_set(&f->vals[i], v[i].s, v[i].len);
	read_level(f);
	return true;
}

const char *
ob_fields_extra(const struct ob_fields *f, size_t j, size_t *len)
{
	*len = f->vals[2 + j].len;
	return f->vals[2 + j].s;
}

bool
ob_fields_closed(const struct ob_fields *f)
{
	return f->vals[0].s != NULL;
}

int
ob_fields_level(const struct ob_fields *f, enum inc_level *lv)
{
	*lv = f->level;
	return f->has_level;
}

bool
ob_fields_applies(const struct ob_fields *f, size_t i)
{
	return applies(&f->plan->obligations[i], f->has_level, f->level);
}

int
ob_fields_state(struct ob_fields *f, size_t i, struct inc_time now,
    struct ob_status *st, const char **bad)
{
	struct ob_value none = { NULL, 0, 0, { 0, 0 } };

	return decide(&f->plan->obligations[i], &f->vals[0],
	    f->start[i] != SIZE_MAX ? &f->vals[f->start[i]] : &none,
	    &f->vals[f->done[i]], now, st, bad);
}
