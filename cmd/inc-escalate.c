/*
 * inc-escalate - the reporting obligations of the plan (三, 四) checked
 * against a clock: records out with one "due" field per obligation, or
 * with --notices who must be told, how to reach them, by when.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "lock.h"
#include "loop.h"
#include "notice.h"
#include "obligation.h"
#include "roster.h"
#include "status.h"
#include "text.h"

struct ack {
	const struct inc_obligation *ob;
	char		 when[INC_TIME_LEN];
};

struct escalate {
	struct inc_cli	 cli;
	bool		 notices, force;
	enum notice_format format;
	const char	*id;		/* --incident: acks only for this one */
	struct ack	*acks;
	size_t		 nacks;
	bool		 has_duty;
	struct duty_officer duty;
	bool		 write;		/* records are written: due fields */
	struct ob_fields *fields;	/* what the obligations read */
	char		*add;		/* answer: the due lines */
};

/* Fields each() reads besides those of the obligations. */
static const char *const extra_fields[] = { "status", "due" };
enum { EXTRA_STATUS, EXTRA_DUE };

enum {
	OPT_NOTICES = OPT_PROGRAM, OPT_FORMAT, OPT_ACK, OPT_FORCE, OPT_ID,
	OPT_ROSTER, OPT_WAIT
};

static const struct option longopts[] = {
	INC_COMMON_LONGOPTS,
	{ "notices",	no_argument,		NULL, OPT_NOTICES },
	{ "format",	required_argument,	NULL, OPT_FORMAT },
	{ "ack",	required_argument,	NULL, OPT_ACK },
	{ "force",	no_argument,		NULL, OPT_FORCE },
	{ "incident",	required_argument,	NULL, OPT_ID },
	{ "id",		required_argument,	NULL, OPT_ID },	/* the old name */
	{ "roster",	required_argument,	NULL, OPT_ROSTER },
	{ "in-place",	no_argument,		NULL, 'i' },
	{ "wait",	required_argument,	NULL, OPT_WAIT },
	{ NULL,		0,			NULL, 0 }
};

/* Report an obligation's field that is missing or not a time. */
static void
report_bad(const struct inc_record *r, const char *field)
{
	struct inc_item *it = record_field(r, field);
	char q[48];

	if (it == NULL)
		inc_warn_at(r->file, r->line, "no %s: the clocks of the plan "
		    "start there", field);
	else
		inc_warn_at(r->file, it->line, "%s: not a time: \"%s\" "
		    "(write when, e.g. 2026-11-24T09:40:00+08:00)", field,
		    text_quote(q, sizeof(q), it->value));
}

/* --ack: a person's value is kept unless --force. */
static int
acknowledge(const struct escalate *e, struct inc_record *r)
{
	struct inc_item *it;
	char q[48];
	size_t i;

	for (i = 0; i < e->nacks; i++) {
		const struct ack *a = &e->acks[i];

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
			inc_warn_at(r->file, r->line, "out of memory");
			return EXIT_TROUBLE;
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

/* What is wrong with the record's status, if anything. */
enum status_problem { STATUS_FINE, STATUS_UNKNOWN, STATUS_NO_CLOSED };

static enum status_problem
status_problem(const struct ob_fields *f)
{
	size_t len;
	const char *v = ob_fields_extra(f, EXTRA_STATUS, &len);

	if (v == NULL)
		return STATUS_FINE;
	switch (status_parse(v, len)) {
	case STATUS_BAD:
		return STATUS_UNKNOWN;
	case STATUS_CLOSED:
		/* The closed time decides missed and the handling report. */
		return ob_fields_closed(f) ? STATUS_FINE : STATUS_NO_CLOSED;
	default:
		return STATUS_FINE;
	}
}

static int
each(struct inc_record *r, void *ctx)
{
	struct escalate *e = ctx;
	const struct inc_plan *plan = e->cli.plan;
	struct ob_fields *f = e->fields;
	struct ob_status st;
	struct notice n;
	struct inc_item *it;
	enum inc_level lv;
	const char *bad, **due, **bads;
	char *s, q[48];
	size_t i, j, ndue = 0, nbad = 0;
	int status = EXIT_OK;
	enum status_problem problem;
	bool closed;

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
	if ((problem = status_problem(f)) != STATUS_FINE) {
		it = record_field(r, "status");
		if (problem == STATUS_UNKNOWN)
			inc_warn_at(r->file, it->line, "status: \"%s\": not "
			    STATUS_VALUES, text_quote(q, sizeof(q), it->value));
		else
			inc_warn_at(r->file, it->line, "status is closed but "
			    "there is no closed: time");
		status = EXIT_TROUBLE;
	}
	if (ob_fields_level(f, &lv) == -1) {
		it = record_field(r, "level");
		inc_warn_at(r->file, it->line, "level: \"%s\": not I, II, "
		    "III or IV", text_quote(q, sizeof(q), it->value));
		status = EXIT_TROUBLE;
	}
	if ((due = record_alloc(r, (plan->nobligations + 1) * sizeof(*due))) ==
	    NULL || (bads = record_alloc(r, (plan->nobligations + 1) *
	    sizeof(*bads))) == NULL) {
		inc_warn_at(r->file, r->line, "out of memory");
		return EXIT_TROUBLE;
	}
	/*
	 * Every state first, so that a bad record is left as it was; the due
	 * fields are computed in --notices mode too, for -i.
	 */
	for (i = 0; i < plan->nobligations; i++) {
		const struct inc_obligation *ob = &plan->obligations[i];

		if (!ob_fields_applies(f, i))
			continue;
		if (ob_fields_state(f, i, e->cli.now, &st, &bad) == -1) {
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
			status = status_worse(status, EXIT_FOUND);
		if (e->notices && !closed && notice_wanted(st.state)) {
			n.plan = plan;
			n.rec = r;
			n.st = &st;
			n.now = e->cli.now;
			n.duty = e->has_duty ? &e->duty : NULL;
			n.lang = e->cli.lang;
			if (notice_write(stdout, &n, e->format) == -1)
				return EXIT_TROUBLE;
		}
		if (!e->write)
			continue;	/* notices alone: no due fields */
		if ((s = record_alloc(r, due_size(ob))) == NULL) {
			inc_warn_at(r->file, r->line, "out of memory");
			return EXIT_TROUBLE;
		}
		due_value(s, &st);
		due[ndue++] = s;
	}
	if (status == EXIT_TROUBLE || !e->write)
		return status;
	if (record_replace_all(r, "due", due, ndue) == -1) {
		inc_warn_at(r->file, r->line, "out of memory");
		return EXIT_TROUBLE;
	}
	return status;
}

/*
 * A record answered from its bytes (inc_loop.answer), as each() would
 * answer it: most records of an archive have every field each() reads
 * readable and no due fields yet, so their due fields are worked out
 * here and they are not parsed.  A record each() would complain of or
 * change otherwise, or (--notices) that is open and may want a notice,
 * is left to each().  Not used with --ack.
 */
static int
answer(const struct raw_para *para, void *ctx, const char **add,
    size_t *addlen)
{
	struct escalate *e = ctx;
	const struct inc_plan *plan = e->cli.plan;
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
	if ((!closed && e->notices) || status_problem(f) != STATUS_FINE)
		return -1;
	for (i = 0; i < plan->nobligations; i++) {
		if (!ob_fields_applies(f, i))
			continue;
		if (ob_fields_state(f, i, e->cli.now, &st, &bad) == -1)
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

/* "initial-report" or "initial-report=2026-11-24T09:40:00+08:00". */
static int
parse_ack(struct escalate *e, const char *arg)
{
	const struct inc_plan *plan = e->cli.plan;
	struct ack *a = &e->acks[e->nacks];
	struct inc_time t = e->cli.now;
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
		inc_warn("--ack %s: not a time: %s (e.g. "
		    "2026-11-24T09:40:00+08:00 or \"2026-11-24 09:40\")", name,
		    eq + 1);
		return -1;
	}
	time_format(a->when, t);
	e->nacks++;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct escalate e;
	struct inc_loop lp;
	struct inc_roster *roster = NULL;
	const char *roster_path = NULL, *format = NULL;
	char **acks;
	size_t nacks = 0, i;
	bool in_place = false, wait_given = false;
	long wait = 0;
	int c, status;

	inc_set_prog(argv[0]);
	memset(&e, 0, sizeof(e));
	e.cli.usage = "[-i] [--notices [--format text|tsv]] "
	    "[--ack OBLIGATION[=TIME] ...] [--force] [--incident ID]\n"
	    "\t[--roster FILE] [--wait SECONDS] [--now TIME] [--plan FILE] "
	    "[--lang zh|en] [file ...]";
	if ((acks = calloc((size_t)argc, sizeof(*acks))) == NULL)
		return inc_nomem();
	while ((c = getopt_long(argc, argv, "i", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			in_place = true;
			break;
		case OPT_NOTICES:
			e.notices = true;
			break;
		case OPT_FORMAT:
			format = optarg;
			break;
		case OPT_ACK:
			acks[nacks++] = optarg;
			break;
		case OPT_FORCE:
			e.force = true;
			break;
		case OPT_ID:
			e.id = optarg;
			break;
		case OPT_ROSTER:
			roster_path = optarg;
			break;
		case OPT_WAIT:
			if (lock_wait_parse(optarg, &wait) == -1) {
				free(acks);
				return cli_usage(&e.cli);
			}
			wait_given = true;
			break;
		default:
			if (cli_common(&e.cli, c, optarg))
				break;
			free(acks);
			return cli_usage(&e.cli);
		}
	}
	argc -= optind;
	argv += optind;
	if (format != NULL && strcmp(format, "text") == 0)
		e.format = NOTICE_TEXT;
	else if (format != NULL && strcmp(format, "tsv") == 0)
		e.format = NOTICE_TSV;
	else if (format != NULL) {
		inc_warn("--format: %s: not text or tsv", format);
		free(acks);
		return EXIT_TROUBLE;
	}
	if ((format != NULL && !e.notices) ||
	    (in_place && argc == 0) || (wait_given && !in_place) ||
	    (e.notices && nacks > 0 && !in_place) ||
	    (e.id != NULL && nacks == 0)) {
		if (format != NULL && !e.notices)
			inc_warn("--format goes with --notices");
		else if (in_place && argc == 0)
			inc_warn("-i needs files to edit");
		else if (wait_given && !in_place)
			inc_warn("--wait is for the lock of -i");
		else if (e.id != NULL && nacks == 0)
			inc_warn("--incident selects the incident for --ack");
		else
			inc_warn("--ack with --notices needs -i, or the "
			    "acknowledgement is lost");
		free(acks);
		return cli_usage(&e.cli);
	}
	if ((status = cli_setup(&e.cli)) != -1) {
		free(acks);
		return status;
	}
	if ((e.acks = calloc(nacks + 1, sizeof(*e.acks))) == NULL) {
		status = inc_nomem();
		goto done;
	}
	for (i = 0; i < nacks; i++)
		if (parse_ack(&e, acks[i]) == -1) {
			status = EXIT_TROUBLE;
			goto done;
		}
	if (roster_load(roster_path, &roster) == -1) {
		status = EXIT_TROUBLE;
		goto done;
	}
	e.has_duty = roster_on_duty(roster, e.cli.now, &e.duty) == 0;
	if ((e.fields = ob_fields_new(e.cli.plan, extra_fields,
	    sizeof(extra_fields) / sizeof(extra_fields[0]))) == NULL ||
	    (e.add = malloc(add_size(e.cli.plan))) == NULL) {
		status = inc_nomem();
		goto done;
	}

	inc_buffer_stdout();
	memset(&lp, 0, sizeof(lp));
	lp.each = each;
	lp.ctx = &e;
	lp.filter = !e.notices || in_place;
	e.write = lp.filter;
	if (nacks == 0)
		lp.answer = answer;	/* most records: not parsed */
	lp.in_place = in_place;
	lp.wait = wait;
	status = inc_finish(inc_each_record(argc, argv, &lp));
done:
	ob_fields_free(e.fields);
	free(e.add);
	roster_free(roster);
	free(e.acks);
	free(acks);
	cli_done(&e.cli);
	return status;
}
