/*
 * escalate.c - inc-escalate's work on one record: --ack, the status rule,
 * the state of every obligation, the due fields and the notices.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "escalate.h"
#include "status.h"
#include "text.h"

/* Fields escalate_record reads besides those of the obligations. */
static const char *const extra_fields[] = { "status", "due" };
enum { EXTRA_STATUS, EXTRA_DUE };

/* Report an obligation's field that is missing or not a time. */
static void
report_bad(const struct inc_record *r, const char *field)
{
	struct inc_item *it = record_field(r, field);
	const char *why = ob_bad_why(it);
	char q[48];

	if (it == NULL)
		inc_warn_at(r->file, r->line, "no %s: the clocks of the plan "
		    "start there", field);
	else if (strcmp(why, "not a time") != 0)
		inc_warn_at(r->file, it->line, "%s: \"%s\": %s", field,
		    text_quote(q, sizeof(q), it->value), why);
	else
		inc_warn_at(r->file, it->line, "%s: not a time: \"%s\" "
		    "(%s)", field, text_quote(q, sizeof(q), it->value),
		    INC_TIME_EXAMPLE);
}

/* --ack: a person's value is kept unless --force. */
static int
acknowledge(const struct escalate *e, struct inc_record *r)
{
	struct inc_item *it;
	char q[48];
	size_t i;

	for (i = 0; i < e->nacks; i++) {
		const struct escalate_ack *a = &e->acks[i];

		if ((it = record_field(r, a->ob->field)) != NULL) {
			if (!e->force) {
				inc_warn_at(r->file, it->line, "%s already "
				    "set, kept (--force replaces it)",
				    a->ob->field);
				continue;
			}
			inc_warn_at(r->file, it->line, "%s: \"%s\" "
			    "replaced by %s (--force)", a->ob->field,
			    text_quote(q, sizeof(q), it->value), a->when);
		}
		if (record_set(r, a->ob->field, a->when) == -1) {
			return inc_nomem_at(r->file, r->line);
		}
	}
	return EXIT_OK;
}

/* Room for the value of a due field of ob, NUL included. */
static size_t
due_size(const struct inc_obligation *ob)
{
	return strlen(ob->id) + sizeof(" overdue ") + INC_TIME_LEN;
}

/*
 * The value of a due field, "id state deadline" (deadline "-" when there
 * is none yet), into buf of due_size; its length.  By hand: snprintf is
 * slow per record.
 */
static size_t
due_value(char *buf, const struct ob_status *st)
{
	char *p = buf;

	p = stpcpy(p, st->ob->id);
	*p++ = ' ';
	p = stpcpy(p, ob_state_name(st->state));
	*p++ = ' ';
	if (st->has_deadline) {
		time_format(p, st->deadline);
		p += INC_TIME_TEXT;
	} else
		*p++ = '-';
	*p = '\0';
	return (size_t)(p - buf);
}

/* The record's status against the rule of status.h, from its bytes. */
static enum status_problem
raw_status_problem(const struct ob_fields *f)
{
	size_t len;
	const char *v = ob_fields_extra(f, EXTRA_STATUS, &len);

	return status_problem(v, len, ob_fields_closed(f));
}

/*
 * What a notice says of an incident made from alerts, read once per
 * record and only for one that has a notice (escalate_answer leaves
 * every such record to escalate_record): 0, or 2 after a bad value was
 * reported and left out of its notices.
 */
static int
read_alerts(const struct inc_record *r, struct alert_span *sp)
{
	const char *v = record_get(r, "detected");
	struct inc_time det;

	return alert_span_read(r, v != NULL && ob_time(v, &det) == 0 ?
	    &det : NULL, sp);
}

int
escalate_record(struct inc_record *r, void *ctx)
{
	struct escalate *e = ctx;
	const struct inc_plan *plan = e->plan;
	struct ob_fields *f = e->fields;
	struct ob_status st;
	struct alert_span sp;
	struct notice n;
	struct inc_item *it;
	enum inc_level lv;
	const char *bad, **due, **bads;
	char *s, q[48];
	size_t i, j, ndue = 0, nbad = 0;
	int status = EXIT_OK, span_status = EXIT_OK;
	bool closed, span_read = false;

	/* Room for every due field and --ack, or the record left whole. */
	if (r->nitems + plan->nobligations + e->nacks >
	    (size_t)INC_MAX_FIELDS) {
		inc_warn_at(r->file, r->line, "too many fields (limit %ld): "
		    "no room for the due fields", INC_MAX_FIELDS);
		return EXIT_TROUBLE;
	}
	if (e->nacks > 0 && record_is_incident(r, e->id) &&
	    (status = acknowledge(e, r)) != EXIT_OK)
		return status;
	ob_fields_read(f, r);
	closed = ob_fields_closed(f);
	status = status_check(r);
	if (ob_fields_level(f, &lv) == -1) {
		it = record_field(r, "level");
		inc_warn_at(r->file, it->line, "level: \"%s\": not I, II, "
		    "III or IV", text_quote(q, sizeof(q), it->value));
		status = EXIT_TROUBLE;
	}
	if ((due = record_alloc(r, (plan->nobligations + 1) * sizeof(*due))) ==
	    NULL || (bads = record_alloc(r, (plan->nobligations + 1) *
	    sizeof(*bads))) == NULL) {
		return inc_nomem_at(r->file, r->line);
	}
	/*
	 * Every state first, so that a bad record is left as it was; the due
	 * fields are computed in --notices mode too, for -i.
	 */
	for (i = 0; i < plan->nobligations; i++) {
		const struct inc_obligation *ob = &plan->obligations[i];

		if (!ob_fields_applies(f, i))
			continue;
		if (ob_fields_state(f, i, e->now, &st, &bad) == -1) {
			/* Once per field, not once per obligation. */
			for (j = 0; j < nbad && strcmp(bads[j], bad) != 0; j++)
				continue;
			if (j == nbad) {
				report_bad(r, bad);
				bads[nbad++] = bad;
			}
			status = EXIT_TROUBLE;
			continue;
		}
		if (st.state == OB_OVERDUE)
			status = inc_status_worse(status, EXIT_FOUND);
		if (e->notices && !closed && notice_wanted(st.state)) {
			if (!span_read) {
				span_status = read_alerts(r, &sp);
				span_read = true;
			}
			n.alerts = &sp;
			n.plan = plan;
			n.rec = r;
			n.st = &st;
			n.now = e->now;
			n.duty = e->duty;
			n.lang = e->lang;
			if (notice_write(stdout, &n, e->format) == -1)
				return EXIT_TROUBLE;
		}
		if (!e->write)
			continue;	/* notices alone: no due fields */
		if ((s = record_alloc(r, due_size(ob))) == NULL) {
			return inc_nomem_at(r->file, r->line);
		}
		due_value(s, &st);
		due[ndue++] = s;
	}
	/* What a notice shows is not what the due fields are made of. */
	if (status == EXIT_TROUBLE || !e->write)
		return inc_status_worse(status, span_status);
	if (record_replace_all(r, "due", due, ndue) == -1) {
		return inc_nomem_at(r->file, r->line);
	}
	return inc_status_worse(status, span_status);
}

/*
 * A record answered from its bytes (inc_loop.answer), as
 * escalate_record would answer it: most records of an archive have every
 * field it reads readable and no due fields yet, so their due fields are
 * worked out here and they are not parsed.  A record escalate_record
 * would complain of or change otherwise, or (--notices) that is open and
 * may want a notice, is left to it.  The pair must agree (loop.h).
 */
int
escalate_answer(const struct raw_para *para, void *ctx, const char **add,
    size_t *addlen)
{
	struct escalate *e = ctx;
	const struct inc_plan *plan = e->plan;
	struct ob_fields *f = e->fields;
	struct ob_status st;
	enum inc_level lv;
	const char *bad;
	char *p = e->add;
	size_t i, len;
	int status = EXIT_OK;
	bool closed;

	/* Room for the due fields: a record has at most a line per 2 bytes. */
	if ((para->len + 1) / 2 + plan->nobligations > (size_t)INC_MAX_FIELDS ||
	    !ob_fields_read_raw(f, para) || ob_fields_level(f, &lv) == -1 ||
	    ob_fields_extra(f, EXTRA_DUE, &len) != NULL)
		return -1;
	closed = ob_fields_closed(f);
	if ((!closed && e->notices) || raw_status_problem(f) != STATUS_FINE)
		return -1;
	for (i = 0; i < plan->nobligations; i++) {
		if (!ob_fields_applies(f, i))
			continue;
		if (ob_fields_state(f, i, e->now, &st, &bad) == -1)
			return -1;
		if (st.state == OB_OVERDUE)
			status = EXIT_FOUND;
		if (e->write) {
			memcpy(p, "due: ", 5);
			p += 5 + due_value(p + 5, &st);
			*p++ = '\n';
		}
	}
	*add = e->add;
	*addlen = (size_t)(p - e->add);
	return status;
}

/* Room for the due lines of every obligation. */
static size_t
add_size(const struct inc_plan *plan)
{
	size_t i, n = 1;

	for (i = 0; i < plan->nobligations; i++)
		n += sizeof("due: \n") + due_size(&plan->obligations[i]);
	return n;
}

int
escalate_ack(struct escalate *e, const char *arg)
{
	const struct inc_plan *plan = e->plan;
	struct escalate_ack *a = &e->acks[e->nacks];
	struct inc_time t = e->now;
	const char *eq = strchr(arg, '=');
	char name[128];
	size_t i, len = eq ? (size_t)(eq - arg) : strlen(arg);

	if (len >= sizeof(name))
		len = sizeof(name) - 1;
	memcpy(name, arg, len);
	name[len] = '\0';
	if ((a->ob = plan_obligation(plan, name)) == NULL) {
		inc_warn("--ack: no obligation \"%s\" in the plan; one of:",
		    name);
		for (i = 0; i < plan->nobligations; i++)
			fprintf(stderr, "\t%s\t(%s)\n", plan->obligations[i].id,
			    plan->obligations[i].field);
		return -1;
	}
	if (eq != NULL && time_parse(eq + 1, &t) == -1) {
		inc_warn("--ack %s: not a time: %s (%s)", name, eq + 1,
		    INC_TIME_EXAMPLE);
		return -1;
	}
	time_format(a->when, t);
	e->nacks++;
	return 0;
}

int
escalate_setup(struct escalate *e, size_t maxacks)
{
	if ((e->acks = calloc(maxacks + 1, sizeof(*e->acks))) == NULL ||
	    (e->fields = ob_fields_new(e->plan, extra_fields,
	    sizeof(extra_fields) / sizeof(extra_fields[0]))) == NULL ||
	    (e->add = malloc(add_size(e->plan))) == NULL)
		return -1;
	return 0;
}

void
escalate_free(struct escalate *e)
{
	ob_fields_free(e->fields);
	free(e->add);
	free(e->acks);
	e->fields = NULL;
	e->add = NULL;
	e->acks = NULL;
}
