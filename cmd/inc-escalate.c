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
#include "loop.h"
#include "notice.h"
#include "obligation.h"
#include "roster.h"

struct ack {
	const struct inc_obligation *ob;
	char		 when[INC_TIME_LEN];
};

#define SKIP_NAMES	32

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
	/* skip_closed: the fields it reads; see there */
	const char	*names[SKIP_NAMES];
	size_t		 nnames;
};

enum {
	OPT_NOTICES = OPT_PROGRAM, OPT_FORMAT, OPT_ACK, OPT_FORCE, OPT_ID,
	OPT_ROSTER
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
	{ NULL,		0,			NULL, 0 }
};

/*
 * A value quoted in a message: record text may come from an attacker,
 * so no control byte reaches the terminal, and it is cut at 40 bytes
 * (at a character).
 */
static const char *
quote(char buf[48], const char *s)
{
	size_t n = strlen(s), i;

	if (n > 40) {
		n = 40;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++)
		buf[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' :
		    s[i];
	buf[i] = '\0';
	return buf;
}

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
		    quote(q, it->value));
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
			    quote(q, it->value), a->when);
		}
		if (record_set(r, a->ob->field, a->when) == -1) {
			inc_warn_at(r->file, r->line, "out of memory");
			return EXIT_TROUBLE;
		}
	}
	return EXIT_OK;
}

/* "a b c" in the record's memory, or NULL. */
static const char *
join3(struct inc_record *r, const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s;

	if ((s = record_alloc(r, la + lb + lc + 3)) == NULL)
		return NULL;
	memcpy(s, a, la);
	s[la] = ' ';
	memcpy(s + la + 1, b, lb);
	s[la + 1 + lb] = ' ';
	memcpy(s + la + lb + 2, c, lc + 1);
	return s;
}

static int
each(struct inc_record *r, void *ctx)
{
	struct escalate *e = ctx;
	const struct inc_plan *plan = e->cli.plan;
	struct ob_status st;
	struct notice n;
	struct inc_item *it;
	enum inc_level lv;
	const char *bad, **due, **bads;
	char tb[INC_TIME_LEN], q[48];
	size_t i, j, ndue = 0, nbad = 0;
	int status = EXIT_OK;
	bool closed = record_get(r, "closed") != NULL;

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
	/* The closed time decides missed and the handling report. */
	if (!closed && (it = record_field(r, "status")) != NULL &&
	    strncmp(it->value, "closed", 6) == 0 &&
	    strspn(it->value + 6, " \t\r") == strlen(it->value + 6)) {
		inc_warn_at(r->file, it->line, "status is closed but there is "
		    "no closed: time");
		status = EXIT_TROUBLE;
	}
	if (obligation_level(r, &lv) == -1) {
		it = record_field(r, "level");
		inc_warn_at(r->file, it->line, "level: \"%s\": not I, II, "
		    "III or IV", quote(q, it->value));
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

		if (!obligation_applies(ob, r))
			continue;
		if (obligation_state(ob, r, e->cli.now, &st, &bad) == -1) {
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
		if (st.has_deadline)
			time_format(tb, st.deadline);
		else
			strcpy(tb, "-");
		/* "id state deadline": by hand, snprintf is slow per record. */
		if ((due[ndue++] = join3(r, ob->id, ob_state_name(st.state),
		    tb)) == NULL) {
			inc_warn_at(r->file, r->line, "out of memory");
			return EXIT_TROUBLE;
		}
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
 * --notices without -i over an archive: a record closed at a readable
 * time gets no notice, and each() says nothing of it unless a field it
 * reads is unreadable.  skip_closed tells such records from their bytes
 * (inc_loop.skip), so that they are not parsed: it reads, with the same
 * functions, the fields each() and obligation_state read (closed, level,
 * and for each obligation that applies its after, before and done
 * fields), and has the record parsed when any is missing where needed
 * or unreadable.  names: "closed", "level", then after, before, field
 * of each obligation (NULL where it has none).
 */
static void
skip_names(struct escalate *e)
{
	const struct inc_plan *plan = e->cli.plan;
	size_t i;

	e->nnames = 0;
	if (2 + 3 * plan->nobligations > SKIP_NAMES)
		return;			/* no skipping: parse them all */
	e->names[e->nnames++] = "closed";
	e->names[e->nnames++] = "level";
	for (i = 0; i < plan->nobligations; i++) {
		e->names[e->nnames++] = plan->obligations[i].after;
		e->names[e->nnames++] = plan->obligations[i].before;
		e->names[e->nnames++] = plan->obligations[i].field;
	}
}

/* A raw value as a C string (as record_get gives it), or NULL if long. */
static const char *
raw_string(const struct raw_value *v, char *buf, size_t size)
{
	size_t n = strnlen(v->s, v->len);

	if (n >= size)
		return NULL;
	memcpy(buf, v->s, n);
	buf[n] = '\0';
	return buf;
}

/* The values read so far in one paragraph: detected is asked 4 times. */
struct seen {
	const char	*s[SKIP_NAMES];
	bool		 ok[SKIP_NAMES];
	size_t		 n;
};

/* Absent (when may_lack), or present and a time obligation_time reads. */
static bool
readable(const struct raw_value *v, bool may_lack, struct seen *sn)
{
	struct inc_time t;
	char buf[256];
	const char *s;
	size_t i;
	bool ok;

	if (v->s == NULL)
		return may_lack;
	for (i = 0; i < sn->n; i++)
		if (sn->s[i] == v->s)
			return sn->ok[i];
	ok = (s = raw_string(v, buf, sizeof(buf))) != NULL &&
	    obligation_time(s, &t) == 0;
	if (sn->n < SKIP_NAMES) {
		sn->s[sn->n] = v->s;
		sn->ok[sn->n++] = ok;
	}
	return ok;
}

static bool
skip_closed(const struct raw_para *para, void *ctx)
{
	const struct escalate *e = ctx;
	const struct inc_plan *plan = e->cli.plan;
	const struct inc_obligation *ob;
	struct raw_value v[SKIP_NAMES];
	const char *names[SKIP_NAMES];
	struct seen sn;
	enum inc_level lv = LEVEL_NONE;
	char buf[16];
	size_t i, n = 0, len;

	if (e->nnames == 0)
		return false;
	/* record_raw_values wants names: a NULL one asks for nothing. */
	for (i = 0; i < e->nnames; i++)
		names[n++] = e->names[i] != NULL ? e->names[i] : "";
	sn.n = 0;
	if (!record_raw_values(para, names, n, v) ||
	    !readable(&v[0], false, &sn))
		return false;
	/* obligation_level: trailing blanks off, then I, II, III or IV. */
	if (v[1].s != NULL) {
		len = strnlen(v[1].s, v[1].len);
		while (len > 0 && (v[1].s[len - 1] == ' ' ||
		    v[1].s[len - 1] == '\t' || v[1].s[len - 1] == '\n' ||
		    v[1].s[len - 1] == '\r'))
			len--;
		if (len == 0 || len >= 8)
			return false;
		memcpy(buf, v[1].s, len);
		buf[len] = '\0';
		if ((lv = level_parse(buf)) == LEVEL_NONE)
			return false;
	}
	for (i = 0; i < plan->nobligations; i++) {
		ob = &plan->obligations[i];
		/* obligation_applies */
		if (ob->levels != 0 && (lv == LEVEL_NONE ||
		    (ob->levels & LEVEL_BIT(lv)) == 0))
			continue;
		/* obligation_state: after must be there, the others may not */
		if ((ob->after != NULL &&
		    !readable(&v[2 + 3 * i], false, &sn)) ||
		    (ob->after == NULL && ob->before != NULL &&
		    !readable(&v[3 + 3 * i], true, &sn)) ||
		    !readable(&v[4 + 3 * i], true, &sn))
			return false;
	}
	return true;
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
	bool in_place = false;
	int c, status;

	inc_set_prog(argv[0]);
	memset(&e, 0, sizeof(e));
	e.cli.usage = "[-i] [--notices [--format text|tsv]] "
	    "[--ack OBLIGATION[=TIME] ...] [--force] [--incident ID]\n"
	    "\t[--roster FILE] [--now TIME] [--plan FILE] [--lang zh|en] "
	    "[file ...]";
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
	    (in_place && argc == 0) ||
	    (e.notices && nacks > 0 && !in_place) ||
	    (e.id != NULL && nacks == 0)) {
		if (format != NULL && !e.notices)
			inc_warn("--format goes with --notices");
		else if (in_place && argc == 0)
			inc_warn("-i needs files to edit");
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

	inc_buffer_stdout();
	memset(&lp, 0, sizeof(lp));
	lp.each = each;
	lp.ctx = &e;
	lp.filter = !e.notices || in_place;
	e.write = lp.filter;
	if (e.notices && !in_place && nacks == 0) {
		skip_names(&e);		/* closed records: no notice */
		lp.skip = skip_closed;
	}
	lp.in_place = in_place;
	status = inc_finish(inc_each_record(argc, argv, &lp));
done:
	roster_free(roster);
	free(e.acks);
	free(acks);
	cli_done(&e.cli);
	return status;
}
