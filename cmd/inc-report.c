/*
 * inc-report - the daily duty report (值班日报) for a period, or the
 * handling report (系统异常事件处理报告) of one incident.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inc.h"
#include "report.h"

enum {
	OPT_DAY = OPT_PROGRAM, OPT_SINCE, OPT_UNTIL, OPT_INCIDENT,
	OPT_FORMAT, OPT_ROSTER
};

static const struct option longopts[] = {
	{ "day",	required_argument,	NULL, OPT_DAY },
	{ "since",	required_argument,	NULL, OPT_SINCE },
	{ "until",	required_argument,	NULL, OPT_UNTIL },
	{ "incident",	required_argument,	NULL, OPT_INCIDENT },
	{ "format",	required_argument,	NULL, OPT_FORMAT },
	{ "roster",	required_argument,	NULL, OPT_ROSTER },
	INC_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static const char *const options[] = {
	"--day DATE\tthe duty report of that day (default yesterday)",
	"--since TIME\tthe report of a period from TIME",
	"--until TIME\tto TIME (default --now)",
	"--incident ID\tthe handling report of one incident",
	"--format F\ttext, markdown, csv or json (default text)",
	"--roster FILE\twho is on duty (else $INC_ROSTER)",
	NULL
};

static int
each(struct inc_record *rec, void *ctx)
{
	return report_add(ctx, rec);
}

/* A record report_skip knows is outside the report: nothing to say. */
static int
outside(const struct raw_para *para, void *ctx, const char **add,
    size_t *addlen)
{
	(void)add;
	(void)addlen;
	return report_skip(para, ctx) ? EXIT_OK : -1;
}

struct opts {
	const char	*day, *since, *until, *incident, *format, *roster;
};

/* The period asked for; 2 after a message when it cannot be read. */
static int
period(const struct opts *o, struct inc_time now, struct inc_time *since,
    struct inc_time *until)
{
	int st;

	if (o->since == NULL) {
		if ((st = report_day_period(o->day, now, since, until)) == 0)
			return 0;
		if (st == REPORT_NO_SUCH_DAY)
			inc_warn("--day %s: no such day in the time zone (its "
			    "clocks skipped it)", o->day);
		else
			inc_warn("--day %s: not a date (like 2026-11-24)", o->day);
		return EXIT_TROUBLE;
	}
	if (time_parse(o->since, since) == -1) {
		inc_warn("--since %s: not a time (%s)", o->since,
		    INC_TIME_EXAMPLE);
		return EXIT_TROUBLE;
	}
	*until = now;
	if (o->until != NULL && time_parse(o->until, until) == -1) {
		inc_warn("--until %s: not a time (%s)", o->until,
		    INC_TIME_EXAMPLE);
		return EXIT_TROUBLE;
	}
	if (until->t <= since->t) {
		inc_warn("the period ends before it starts");
		return EXIT_TROUBLE;
	}
	return 0;
}

static int
run(struct inc_cli *cli, const struct opts *o, int argc, char **argv)
{
	struct inc_loop lp = { 0 };
	struct inc_roster *ro = NULL;
	struct inc_time since, until;
	enum rep_format fmt = FMT_TEXT;
	struct report r;
	int st;

	if (o->format != NULL && report_format_parse(o->format, &fmt) == -1) {
		inc_warn("--format %s: not one of text, markdown, csv, json",
		    o->format);
		return EXIT_TROUBLE;
	}
	if (o->incident != NULL) {
		if (fmt == FMT_CSV) {
			inc_warn("--incident: no csv handling report; use "
			    "text, markdown or json");
			return EXIT_TROUBLE;
		}
		st = report_init_handling(&r, cli->plan, cli->lang,
		    o->incident, cli->now);
	} else {
		if ((st = period(o, cli->now, &since, &until)) != 0)
			return st;
		if (roster_load(o->roster, &ro) == -1)
			return EXIT_TROUBLE;
		st = report_init_day(&r, cli->plan, cli->lang, since, until);
		if (st == 0)
			st = report_set_roster(&r, ro);
		roster_free(ro);
	}
	if (st == -1) {
		report_free(&r);
		return inc_nomem();
	}
	lp.each = each;
	lp.answer = outside;	/* records outside the day, unparsed */
	lp.ctx = &r;
	lp.nul_fields = cli->plan->obligation_fields;
	lp.nnul_fields = cli->plan->nobligation_fields;
	lp.filter = false;
	lp.out = stdout;
	st = inc_each_record(argc, argv, &lp);
	if (report_finish(&r) == -1) {
		report_free(&r);
		return inc_nomem();
	}
	if (o->incident != NULL && report_incident(&r) == NULL) {
		inc_warn("%s: no such incident", o->incident);
		report_free(&r);
		return EXIT_TROUBLE;
	}
	report_write(stdout, &r, fmt);	/* errors: inc_finish */
	if (report_has_breach(&r))
		st = inc_status_worse(st, EXIT_FOUND);
	report_free(&r);
	return st;
}

int
main(int argc, char *argv[])
{
	struct inc_cli cli = {
		.usage = "[--day DATE | --since TIME [--until TIME]] "
		    "[--incident ID]\n"
		    "\t[--format text|markdown|csv|json] [--roster FILE] "
		    "[--plan FILE] [--now TIME]\n"
		    "\t[--lang zh|en] [file ...]",
		.options = options
	};
	struct opts o = { 0 };
	int c, st;

	inc_set_prog(argv[0]);
	while ((c = cli_getopt(&cli, argc, argv, "", longopts)) != -1) {
		switch (c) {
		case OPT_DAY:
			o.day = optarg;
			break;
		case OPT_SINCE:
			o.since = optarg;
			break;
		case OPT_UNTIL:
			o.until = optarg;
			break;
		case OPT_INCIDENT:
			o.incident = optarg;
			break;
		case OPT_FORMAT:
			o.format = optarg;
			break;
		case OPT_ROSTER:
			o.roster = optarg;
			break;
		default:
			if (!cli_common(&cli, c, optarg))
				return cli_usage(&cli);
		}
	}
	if ((o.day != NULL && (o.since != NULL || o.until != NULL)) ||
	    (o.until != NULL && o.since == NULL) ||
	    (o.incident != NULL && (o.day != NULL || o.since != NULL))) {
		inc_warn("--day, --since/--until and --incident exclude "
		    "each other; --until needs --since");
		return cli_usage(&cli);
	}
	if ((st = cli_setup(&cli)) != -1)
		return st;
	st = run(&cli, &o, argc - optind, argv + optind);
	cli_done(&cli);
	return inc_finish(st);
}
