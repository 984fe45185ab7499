/*
 * report.c - the data of inc-report(1): which incidents a report is
 * about, copies of the fields it prints, counts and response times.
 * The writers are in report-*.c; report-write.c picks one: nothing
 * here calls a writer.  The day's period is report-period.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "alert-span.h"
#include "diag.h"
#include "procedure.h"
#include "report.h"
#include "status.h"
#include "text.h"

/* The record fields each measure reads, in enum rep_measure order. */
static const char *const measure_field[MEASURE_COUNT] = {
	"reported", "assessed", "recovered"
};

/*
 * Copies of record text live in chunks freed with the report: one
 * malloc for many strings, nothing to free one by one.
 */
#define CHUNK_SIZE	(256 * 1024)

struct rep_chunk {
	struct rep_chunk *next;
	size_t		 used, cap;
	max_align_t	 data[];
};

static void *
rep_alloc(struct report *r, size_t n)
{
	struct rep_chunk *c = r->chunks;
	size_t a = sizeof(max_align_t), cap;
	void *p;

	n = (n + a - 1) / a * a;
	if (c == NULL || c->cap - c->used < n) {
		cap = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		if ((c = malloc(sizeof(*c) + cap)) == NULL)
			return NULL;
		c->next = r->chunks;
		c->used = 0;
		c->cap = cap;
		r->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

static char *
rep_strndup(struct report *r, const char *s, size_t n)
{
	char *p;

	if ((p = rep_alloc(r, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * A value to show, whole: a NUL inside is kept as TEXT_NUL (text.h), so
 * it is shown escaped and nothing after it is lost.
 */
static char *
rep_strndup_text(struct report *r, const char *s, size_t n)
{
	char *p;

	if (memchr(s, '\0', n) == NULL)
		return rep_strndup(r, s, n);
	if ((p = rep_alloc(r, 2 * n + 1)) == NULL)
		return NULL;
	text_copy_nul(p, s, n);
	return p;
}

static int
rep_init(struct report *r, const struct inc_plan *plan,
    enum inc_lang lang)
{
	memset(r, 0, sizeof(*r));
	r->plan = plan;
	r->lang = lang;
	r->ncategory = calloc(plan->ncategories + 1, sizeof(*r->ncategory));
	r->scratch = calloc(plan->nobligations + 1, sizeof(*r->scratch));
	r->kept = idset_new();
	return r->ncategory == NULL || r->scratch == NULL || r->kept == NULL ?
	    -1 : 0;
}

/*
 * The names report_skip reads, in the order it reads them: detected,
 * closed, status, then the obligations' done fields, and last the id.
 */
enum { SKIP_DETECTED, SKIP_CLOSED, SKIP_STATUS, SKIP_OBLIGATIONS };

static void
skip_names_init(struct report *r)
{
	size_t i, n = 0;

	r->skip_ready = false;
	if (r->plan->nobligations + SKIP_OBLIGATIONS + 1 > RAW_VALUES_MAX)
		return;
	r->skip_name[n++] = "detected";
	r->skip_name[n++] = "closed";
	r->skip_name[n++] = "status";
	for (i = 0; i < r->plan->nobligations; i++)
		if (r->plan->obligations[i].field != NULL)
			r->skip_name[n++] = r->plan->obligations[i].field;
	r->skip_name[n++] = "id";	/* last: see report_skip */
	r->skip_ready = raw_names_init(&r->skip_names, r->skip_name, n) == 0;
}

int
report_init_day(struct report *r, const struct inc_plan *plan,
    enum inc_lang lang, struct inc_time since, struct inc_time until)
{
	if (rep_init(r, plan, lang) == -1)
		return -1;
	r->kind = REP_DAY;
	r->since = since;
	r->until = until;
	r->now = until;
	skip_names_init(r);
	return 0;
}

int
report_init_handling(struct report *r, const struct inc_plan *plan,
    enum inc_lang lang, const char *id, struct inc_time now)
{
	if (rep_init(r, plan, lang) == -1)
		return -1;
	r->kind = REP_HANDLING;
	r->want_id = id;
	r->now = now;
	r->since = r->until = now;
	return 0;
}

/* Strings and obligations are in the chunks; these arrays are not. */
static void
incident_free(struct rep_incident *inc)
{
	free(inc->log);
	free(inc->steps);
	free(inc->procs);
	memset(inc, 0, sizeof(*inc));
}

void
report_free(struct report *r)
{
	struct rep_chunk *c;
	size_t i;

	for (i = 0; i < r->n; i++)
		incident_free(&r->v[i]);
	free(r->v);
	free(r->ncategory);
	for (i = 0; i < MEASURE_COUNT; i++)
		free(r->stat[i].v);
	free(r->breach);
	free(r->scratch);
	idset_free(r->kept);
	while (r->chunks != NULL) {
		c = r->chunks->next;
		free(r->chunks);
		r->chunks = c;
	}
	free(r->officer_name);
	free(r->officer_phone);
	memset(r, 0, sizeof(*r));
}

/*
 * A copy of the first field of that name, with its length (values may
 * hold NUL: the copy ends at the first).  *err is set when out of memory.
 */
static char *
copy_field(struct report *r, const struct inc_record *rec,
    const char *name, int *err)
{
	const struct inc_item *it;
	char *s;

	if ((it = record_field(rec, name)) == NULL)
		return NULL;
	if ((s = rep_strndup_text(r, it->value, it->len)) == NULL)
		*err = 1;
	return s;
}

/* Read a time field; 0 absent or read, 2 reported as unreadable. */
static int
time_field(const struct inc_record *rec, const char *name,
    struct rep_when *w)
{
	const struct inc_item *it;

	w->set = false;
	if ((it = record_field(rec, name)) == NULL)
		return 0;
	if (ob_time(it->value, &w->at) == -1) {
		inc_warn_at(rec->file, it->line ? it->line : rec->line,
		    "%s: not a time (%s)", name, INC_TIME_EXAMPLE);
		return 2;
	}
	w->set = true;
	return 0;
}

static bool
in_range(const struct report *r, int64_t t)
{
	return t >= r->since.t && t < r->until.t;
}

/*
 * Is the record one the day report is about, though detected before the
 * period?  When it is still open at the end, was closed within the
 * period, or had an obligation done within it (a late report to list).
 */
static bool
day_wants_old(const struct report *r, const struct inc_record *rec,
    const struct rep_when *closed, bool *open_at_end)
{
	const char *st, *v;
	struct inc_time t;
	size_t i;

	if (closed->set)
		*open_at_end = closed->at.t >= r->until.t;
	else
		*open_at_end = (st = record_get(rec, "status")) == NULL ||
		    status_parse(st, strlen(st)) != STATUS_CLOSED;
	if (*open_at_end)
		return true;
	if (closed->set && in_range(r, closed->at.t))
		return true;
	for (i = 0; i < r->plan->nobligations; i++) {
		if (r->plan->obligations[i].field == NULL || (v =
		    record_get(rec, r->plan->obligations[i].field)) == NULL)
			continue;
		if (ob_time(v, &t) == 0 && in_range(r, t.t))
			return true;
	}
	return false;
}

static bool	is_breach(const struct report *, const struct rep_ob *);

/* Time fields report_add has read (and reported) itself. */
static bool
reported_already(const char *field)
{
	size_t i;

	if (field == NULL)
		return false;
	if (strcmp(field, "detected") == 0 || strcmp(field, "closed") == 0)
		return true;
	for (i = 0; i < MEASURE_COUNT; i++)
		if (strcmp(field, measure_field[i]) == 0)
			return true;
	return false;
}

/* Not done yet, with a deadline: a candidate for the next deadline. */
static bool
is_todo(const struct rep_ob *o)
{
	return !o->done && o->has_deadline && (o->state == OB_PENDING ||
	    o->state == OB_OVERDUE);
}

/*
 * The obligations of the record at the report's clock.  The day report
 * keeps only those it prints (not met in time, or still to do); the
 * handling report keeps every one that applies.
 */
static int
add_obligations(struct report *r, const struct inc_record *rec,
    struct rep_incident *inc)
{
	const struct inc_obligation *ob;
	const struct inc_item *it;
	struct ob_status st;
	struct rep_ob *o;
	const char *bad, *why;
	size_t i, n = 0, k;
	int status = 0;

	for (i = 0; i < r->plan->nobligations; i++) {
		ob = &r->plan->obligations[i];
		if (!ob_applies(ob, rec))
			continue;
		bad = NULL;
		if (ob_state_of(ob, rec, r->now, &st, &bad) == -1) {
			/* A time read, and its deadline past 9999, is not
			 * one report_add has seen. */
			it = bad != NULL ? record_field(rec, bad) : NULL;
			why = it != NULL ? ob_bad_why(it) : "not a time";
			if (!reported_already(bad) ||
			    strcmp(why, "not a time") != 0)
				inc_warn_at(rec->file, rec->line,
				    "%s: %s: %s", ob->id, bad ? bad : "?",
				    strcmp(why, "not a time") == 0 ?
				    "not a time (" INC_TIME_EXAMPLE ")" : why);
			status = 2;
			continue;
		}
		o = &r->scratch[n];
		o->ob = ob;
		o->state = st.state;
		o->has_deadline = st.has_deadline;
		o->deadline = st.deadline;
		o->done = st.done;
		o->done_at = st.done_at;
		if (r->kind == REP_HANDLING || is_breach(r, o) || is_todo(o))
			n++;
	}
	if (n == 0)
		return status;
	if ((inc->obs = rep_alloc(r, n * sizeof(*inc->obs))) == NULL)
		return -1;
	memcpy(inc->obs, r->scratch, n * sizeof(*inc->obs));
	inc->nobs = n;
	for (k = 0; k < n; k++)
		if (is_todo(&inc->obs[k]) && (inc->next == NULL ||
		    inc->obs[k].deadline.t < inc->next->deadline.t))
			inc->next = &inc->obs[k];
	return status;
}

/*
 * The procedures of an incident are the library's answer, as for
 * inc-checklist: its procedure fields, else the plan's routing.
 */
static int
add_procedures(struct report *r, const struct inc_record *rec,
    struct rep_incident *inc)
{
	struct proc_trouble why;
	bool from_fields;
	int n;

	inc->procs = calloc(r->plan->nprocedures, sizeof(*inc->procs));
	if (inc->procs == NULL)
		return -1;
	n = record_procedures(r->plan, rec, inc->procs, r->plan->nprocedures,
	    &from_fields, &why);
	if (n == -1) {
		inc_warn_at(rec->file, why.line, "%s", why.msg);
		inc->nprocs = 0;
		return EXIT_TROUBLE;
	}
	inc->nprocs = (size_t)n;
	return 0;
}

/* Procedures with steps recorded but not named: shown all the same. */
static int
add_step_procedures(struct rep_incident *inc)
{
	const struct inc_procedure **np;
	size_t i, j;

	for (i = 0; i < inc->nsteps; i++) {
		for (j = 0; j < inc->nprocs; j++)
			if (inc->procs[j] == inc->steps[i].proc)
				break;
		if (j < inc->nprocs)
			continue;
		np = reallocarray(inc->procs, inc->nprocs + 1, sizeof(*np));
		if (np == NULL)
			return -1;
		inc->procs = np;
		inc->procs[inc->nprocs++] = inc->steps[i].proc;
	}
	return 0;
}

/* What only the handling report prints: classification, log, steps. */
static int
add_handling(struct report *r, const struct inc_record *rec,
    struct rep_incident *inc)
{
	struct step_done sd;
	struct inc_item *it;
	size_t pos, n;
	int err = 0, status = 0, st;

	inc->importance = copy_field(r, rec, "importance", &err);
	inc->loss = copy_field(r, rec, "loss", &err);
	inc->impact = copy_field(r, rec, "impact", &err);
	inc->level_basis = copy_field(r, rec, "level_basis", &err);
	inc->source = copy_field(r, rec, "source", &err);
	if (err)
		return -1;
	if ((n = record_count(rec, "log")) > 0) {
		if ((inc->log = calloc(n, sizeof(*inc->log))) == NULL)
			return -1;
		pos = 0;
		while ((it = record_next(rec, "log", &pos)) != NULL) {
			if ((inc->log[inc->nlog] = rep_strndup_text(r,
			    it->value, it->len)) == NULL)
				return -1;
			inc->nlog++;
		}
	}
	if ((n = record_count(rec, "step")) > 0) {
		if ((inc->steps = calloc(n, sizeof(*inc->steps))) == NULL)
			return -1;
		pos = 0;
		while ((it = record_next(rec, "step", &pos)) != NULL) {
			if (step_parse(r->plan, it->value, &sd) == -1) {
				inc_warn_at(rec->file, it->line ? it->line :
				    rec->line, "step: not a step of the plan");
				status = 2;
				continue;
			}
			inc->steps[inc->nsteps].proc = sd.proc;
			inc->steps[inc->nsteps].n = sd.n;
			inc->steps[inc->nsteps].at = sd.at;
			if ((inc->steps[inc->nsteps].who = rep_strndup(r,
			    sd.who ? sd.who : "", sd.who ? sd.wholen : 0)) ==
			    NULL)
				return -1;
			inc->nsteps++;
		}
	}
	if ((st = add_procedures(r, rec, inc)) == -1 ||
	    add_step_procedures(inc) == -1)
		return -1;
	return inc_status_worse(status, st);
}

/* A value the plan does not know: said where it is; a data error. */
static int
bad_value(const struct inc_record *rec, const char *name, const char *why)
{
	const struct inc_item *it = record_field(rec, name);

	inc_warn_at(rec->file, it != NULL && it->line > 0 ? it->line :
	    rec->line, "%s: %s", name, why);
	return EXIT_TROUBLE;
}

/*
 * An incident made from alerts: how many, the last seen, the address
 * (and for the handling report the rule), read by the rule the notices
 * share; a bad value is reported and left out.  0, 2, or -1 when out
 * of memory.
 */
static int
copy_alerts(struct report *r, const struct inc_record *rec,
    struct rep_incident *inc)
{
	struct alert_span sp;
	int status;

	status = alert_span_read(rec, &inc->detected, &sp);
	inc->alerts = sp.count;
	inc->last_seen.set = sp.has_last;
	inc->last_seen.at = sp.last;
	if (sp.address != NULL && (inc->address = rep_strndup_text(r,
	    sp.address, sp.addresslen)) == NULL)
		return -1;
	if (r->kind == REP_HANDLING && sp.rule != NULL &&
	    (inc->rule = rep_strndup_text(r, sp.rule, sp.rulelen)) == NULL)
		return -1;
	return status;
}

static int
copy_incident(struct report *r, const struct inc_record *rec,
    struct rep_incident *inc)
{
	int err = 0, status = 0, st;
	size_t i;

	inc->id = copy_field(r, rec, "id", &err);
	inc->title = copy_field(r, rec, "title", &err);
	inc->category = copy_field(r, rec, "category", &err);
	inc->subtype = copy_field(r, rec, "subtype", &err);
	inc->system = copy_field(r, rec, "system", &err);
	inc->status = copy_field(r, rec, "status", &err);	/* status_check */
	inc->level_text = copy_field(r, rec, "level", &err);
	if (err)
		return -1;
	inc->level = inc->level_text ? level_parse(inc->level_text) :
	    LEVEL_NONE;
	/* Counted all the same (as unknown), but never without a word. */
	if (inc->level_text != NULL && inc->level == LEVEL_NONE)
		status = bad_value(rec, "level", "not a level (I, II, III or IV)");
	if (inc->category != NULL &&
	    plan_category(r->plan, inc->category) == NULL)
		status = bad_value(rec, "category", "not a category of the plan");
	for (i = 0; i < MEASURE_COUNT; i++)
		status = inc_status_worse(status,
		    time_field(rec, measure_field[i], &inc->measure[i]));
	if ((st = copy_alerts(r, rec, inc)) == -1)
		return -1;
	status = inc_status_worse(status, st);
	/* Recovery is measured to recovered, else to closed. */
	inc->recovered = inc->measure[MEASURE_RECOVERED];
	if (!inc->measure[MEASURE_RECOVERED].set)
		inc->measure[MEASURE_RECOVERED] = inc->closed;
	switch (add_obligations(r, rec, inc)) {
	case -1:
		return -1;
	case 2:
		status = 2;
	}
	inc->steps_left = steps_left(r->plan, rec);
	if (r->kind == REP_HANDLING) {
		switch (add_handling(r, rec, inc)) {
		case -1:
			return -1;
		case 2:
			status = 2;
		}
	}
	return status;
}

static struct rep_incident *
new_incident(struct report *r)
{
	struct rep_incident *nv;
	size_t ncap;

	if (r->n == r->cap) {
		ncap = r->cap ? r->cap * 2 : 16;
		if ((nv = reallocarray(r->v, ncap, sizeof(*nv))) == NULL)
			return NULL;
		r->v = nv;
		r->cap = ncap;
	}
	memset(&r->v[r->n], 0, sizeof(r->v[r->n]));
	return &r->v[r->n];
}

/*
 * A copy of an incident kept before, if any, is dropped: the last copy
 * of an id wins (the loop has said that there are two).  The last
 * incident kept takes its place in v.
 */
static int
drop_earlier(struct report *r, const struct inc_item *id)
{
	struct id_place *at, *moved;
	size_t k;

	if ((at = idset_find(r->kept, id->value, id->len)) == NULL ||
	    at->tag == 0)
		return 0;
	k = at->tag - 1;
	at->tag = 0;
	incident_free(&r->v[k]);
	if (k != --r->n) {
		/* Ids hold no NUL here: the loop refused those records. */
		r->v[k] = r->v[r->n];
		if (r->v[k].id != NULL && (moved = idset_find(r->kept,
		    r->v[k].id, strlen(r->v[k].id))) != NULL)
			moved->tag = k + 1;
	}
	return 0;
}

int
report_add(struct report *r, const struct inc_record *rec)
{
	const struct inc_item *it;
	struct rep_incident *inc;
	struct rep_when closed;
	struct inc_time det;
	struct id_place *at;
	bool open_at_end, in_period;
	int status = 0, st, isnew;

	if (rec->kind != RECORD_INCIDENT)
		return 0;
	r->seen++;
	if (r->kind == REP_HANDLING && !record_is_incident(rec, r->want_id))
		return 0;
	/* The record rule of every program, on every record read. */
	status = status_check(rec);
	/* Records outside the period cost one field and one time. */
	if ((it = record_field(rec, "detected")) == NULL) {
		inc_warn_at(rec->file, rec->line, "no detected field");
		return 2;
	}
	if (ob_time(it->value, &det) == -1) {
		inc_warn_at(rec->file, it->line ? it->line : rec->line,
		    "detected: not a time (%s)", INC_TIME_EXAMPLE);
		return 2;
	}
	/* The last readable record of the id wins: the latest update. */
	if (r->kind == REP_DAY && (it = record_field(rec, "id")) != NULL &&
	    drop_earlier(r, it) == -1)
		return inc_nomem();
	if (r->kind == REP_DAY && det.t >= r->until.t)
		return status;
	if (r->kind == REP_HANDLING && r->n > 0)
		incident_free(&r->v[--r->n]);
	if ((st = time_field(rec, "closed", &closed)) != 0)
		status = inc_status_worse(status, st);
	in_period = det.t >= r->since.t;
	open_at_end = true;
	if (r->kind == REP_DAY && !day_wants_old(r, rec, &closed,
	    &open_at_end) && !in_period)
		return status;
	if (r->kind == REP_HANDLING)
		in_period = open_at_end = false;

	if ((inc = new_incident(r)) == NULL)
		return inc_nomem();
	inc->detected = det;
	inc->in_period = in_period;
	inc->open_at_end = open_at_end;
	inc->closed = closed;
	inc->order = r->seen;
	r->n++;
	if (r->kind == REP_DAY && (it = record_field(rec, "id")) != NULL) {
		if ((at = idset_enter(r->kept, it->value, it->len, &isnew)) ==
		    NULL)
			return inc_nomem();
		at->tag = r->n;
	}
	if ((st = copy_incident(r, rec, inc)) == -1)
		return inc_nomem();
	return inc_status_worse(status, st);
}

/*
 * A day report over years of archives drops nearly every record: those
 * detected after the period, and old ones closed before it with nothing
 * done within it.  report_skip tells them from their bytes, before they
 * are parsed (inc_loop.answer), which is most of the time of a day
 * report.
 * It must drop only what report_add drops without a word: it reads the
 * same fields (the first of each name) with the same time_lead (ob_time
 * on a parsed record: the one reader of inc-escalate too), follows
 * report_add and day_wants_old step by step, and at any doubt (a field
 * missing or unreadable, a record that would not parse) has it parsed.
 */
/* "YYYY-MM-DD" of instant t, in UTC. */
static void
utc_date(char d[11], int64_t t)
{
	struct inc_time x = { t, 0 };
	char b[INC_TIME_LEN];

	time_format(b, x);
	memcpy(d, b, 10);
	d[10] = '\0';
}

/*
 * Is a done value's time, if it has one, surely outside the period?
 * Told by its date alone, without reading the time: a time written on
 * day D (in any offset, at most 18 hours) lies within 18 hours of D in
 * UTC, so a date before lo (two days before the period, UTC) or after
 * hi (two days after) is outside it.  A value that does not begin with
 * a date is read in full.
 */
/* lo and hi of the period last asked: the same for every record. */
static struct {
	bool	 set;
	int64_t	 since, until;
	char	 lo[11], hi[11];
} far;

static bool
dig(char c)
{
	return (unsigned char)(c - '0') < 10;
}

static bool
surely_outside(const struct raw_value *v, const char *lo, const char *hi)
{
	const char *s = v->s;

	/* Unrolled: done values of every record skipped come here. */
	return v->len >= 10 && dig(s[0]) && dig(s[1]) && dig(s[2]) &&
	    dig(s[3]) && s[4] == '-' && dig(s[5]) && dig(s[6]) &&
	    s[7] == '-' && dig(s[8]) && dig(s[9]) &&
	    (memcmp(s, lo, 10) < 0 || memcmp(s, hi, 10) > 0);
}

bool
report_skip(const struct raw_para *para, void *ctx)
{
	const struct report *r = ctx;
	struct raw_value v[RAW_VALUES_MAX];
	struct inc_time det, closed, t;
	const struct id_place *at;
	size_t i, n = r->skip_names.n;

	if (r->kind != REP_DAY || !r->skip_ready ||
	    !record_raw_values(para, &r->skip_names, v))
		return false;
	/* A later copy of an incident kept replaces it: report_add's. */
	n--;
	if (v[n].s != NULL && (at = idset_find(r->kept, v[n].s,
	    v[n].len)) != NULL && at->tag > 0)
		return false;
	/* report_add: no detected, or unreadable, is reported. */
	if (v[SKIP_DETECTED].s == NULL || time_lead(v[SKIP_DETECTED].s,
	    v[SKIP_DETECTED].len, &det, NULL) == -1)
		return false;
	/* status_check: a record breaking the rule is reported. */
	if (status_problem(v[SKIP_STATUS].s, v[SKIP_STATUS].len,
	    v[SKIP_CLOSED].s != NULL) != STATUS_FINE)
		return false;
	if (det.t >= r->until.t)
		return true;
	if (det.t >= r->since.t)
		return false;
	/* day_wants_old: closed before the period, nothing done within. */
	if (v[SKIP_CLOSED].s == NULL || time_lead(v[SKIP_CLOSED].s,
	    v[SKIP_CLOSED].len, &closed, NULL) == -1 || closed.t >= r->since.t)
		return false;
	if (!far.set || far.since != r->since.t || far.until != r->until.t) {
		utc_date(far.lo, r->since.t - 2 * 86400);
		utc_date(far.hi, r->until.t + 2 * 86400);
		far.since = r->since.t;
		far.until = r->until.t;
		far.set = true;
	}
	for (i = SKIP_OBLIGATIONS; i < n; i++)
		if (v[i].s != NULL && !surely_outside(&v[i], far.lo, far.hi) &&
		    time_lead(v[i].s, v[i].len, &t, NULL) == 0 &&
		    in_range(r, t.t))
			return false;
	return true;
}

int
report_set_roster(struct report *r, const struct inc_roster *ro)
{
	struct duty_officer d;

	/* the roster's days are those of $TZ, whatever --since says */
	if (ro == NULL || roster_on_duty(ro, time_local(r->since.t), &d) == -1)
		return 0;
	r->officer_name = strdup(d.name ? d.name : "");
	r->officer_phone = strdup(d.phone ? d.phone : "");
	if (r->officer_name == NULL || r->officer_phone == NULL)
		return -1;
	r->has_officer = true;
	return 0;
}

static int
by_detected(const void *a, const void *b)
{
	const struct rep_incident *x = a, *y = b;

	if (x->detected.t != y->detected.t)
		return x->detected.t < y->detected.t ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
by_value(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int
stat_push(struct rep_stat *s, int64_t v)
{
	int64_t *nv;
	size_t ncap;

	if (s->n == s->cap) {
		ncap = s->cap ? s->cap * 2 : 16;
		if ((nv = reallocarray(s->v, ncap, sizeof(*nv))) == NULL)
			return -1;
		s->v = nv;
		s->cap = ncap;
	}
	s->v[s->n++] = v;
	return 0;
}

/* The median of an even count is the mean of the two middle values. */
static void
stat_finish(struct rep_stat *s)
{
	if (s->n == 0)
		return;
	qsort(s->v, s->n, sizeof(*s->v), by_value);
	if (s->n % 2)
		s->median = s->v[s->n / 2];
	else
		s->median = s->v[s->n / 2 - 1] +
		    (s->v[s->n / 2] - s->v[s->n / 2 - 1]) / 2;
	s->worst = s->v[s->n - 1];
}

/*
 * Listed: overdue or missed at the end of the period, or done late within
 * it.  A late report done before the period was listed on its own day.
 */
static bool
is_breach(const struct report *r, const struct rep_ob *o)
{
	switch (o->state) {
	case OB_OVERDUE:
	case OB_MISSED:
		return true;
	case OB_LATE:
		return r->kind == REP_HANDLING || (o->done &&
		    in_range(r, o->done_at.t));
	default:
		return false;
	}
}

static size_t
category_index(const struct inc_plan *plan, const char *id)
{
	size_t i;

	if (id != NULL)
		for (i = 0; i < plan->ncategories; i++)
			if (strcmp(plan->categories[i].id, id) == 0)
				return i;
	return plan->ncategories;
}

int
report_finish(struct report *r)
{
	const struct rep_incident *inc;
	struct rep_breach *nb;
	size_t i, j, m, cap = 0;
	int64_t d;

	if (r->n > 1)
		qsort(r->v, r->n, sizeof(*r->v), by_detected);
	for (i = 0; i < r->n; i++) {
		inc = &r->v[i];
		/* Their columns, only when an incident has them. */
		r->any_alerts |= inc->alerts > 0;
		r->any_last_seen |= inc->last_seen.set;
		r->any_address |= inc->address != NULL;
		r->v[i].breach_first = r->nbreach;
		for (j = 0; j < inc->nobs; j++) {
			if (!is_breach(r, &inc->obs[j]))
				continue;
			if (r->nbreach == cap) {
				cap = cap ? cap * 2 : 16;
				nb = reallocarray(r->breach, cap, sizeof(*nb));
				if (nb == NULL)
					return -1;
				r->breach = nb;
			}
			r->breach[r->nbreach].inc = inc;
			r->breach[r->nbreach].ob = &inc->obs[j];
			r->nbreach++;
			r->v[i].nbreach++;
		}
		if (!inc->in_period)
			continue;
		r->ndetected++;
		r->nlevel[inc->level]++;
		r->ncategory[category_index(r->plan, inc->category)]++;
		/* Only what was known at the end of the period counts. */
		for (m = 0; m < MEASURE_COUNT; m++) {
			if (!inc->measure[m].set ||
			    inc->measure[m].at.t >= r->until.t)
				continue;
			d = inc->measure[m].at.t - inc->detected.t;
			if (stat_push(&r->stat[m], d) == -1)
				return -1;
		}
	}
	for (m = 0; m < MEASURE_COUNT; m++)
		stat_finish(&r->stat[m]);
	return 0;
}

bool
report_has_breach(const struct report *r)
{
	return r->nbreach > 0;
}

const struct rep_incident *
report_incident(const struct report *r)
{
	return r->n > 0 ? &r->v[0] : NULL;
}
