/*
 * inc-classify - fill category, subtype, importance, level and
 * level_basis of incident records from the plan; with --raw, make the
 * records from alert lines first: the alerts the plan's rules detect,
 * grouped into incidents.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "alert-incident.h"
#include "alert.h"
#include "append.h"
#include "classify.h"
#include "fdread.h"
#include "group.h"
#include "inc.h"
#include "lock.h"

enum {
	OPT_RAW = OPT_PROGRAM, OPT_FORCE, OPT_APPEND, OPT_WAIT, OPT_ALL,
	OPT_STATS, OPT_HOLD, OPT_MAX_OPEN
};

#define RAW_MAX	((size_t)INC_MAX_LINE - 16)	/* bytes of an alert used */

static const struct option longopts[] = {
	{ "raw",	no_argument,	NULL, OPT_RAW },
	{ "force",	no_argument,	NULL, OPT_FORCE },
	{ "in-place",	no_argument,	NULL, 'i' },
	{ "append",	required_argument, NULL, OPT_APPEND },
	{ "wait",	required_argument, NULL, OPT_WAIT },
	{ "all",	no_argument,	NULL, OPT_ALL },
	{ "stats",	no_argument,	NULL, OPT_STATS },
	{ "hold",	required_argument, NULL, OPT_HOLD },
	{ "max-open",	required_argument, NULL, OPT_MAX_OPEN },
	INC_COMMON_LONGOPTS,
	{ NULL,		0,		NULL, 0 }
};

static const char *const options[] = {
	"--raw\teach input line is an alert; records out",
	"--force\trecompute the fields a person set",
	"-i, --in-place\tedit the record files named, atomically",
	"--append FILE\twith --raw: append each record to FILE, under its lock",
	"--wait SECONDS\tfor the lock of -i or --append (default 10)",
	"--all\twith --raw: every line a record of its own, no grouping",
	"--stats\twith --raw: the count of lines, alerts and incidents",
	"--hold SECONDS\tlive input: write an incident this soon (default 60)",
	"--max-open N\tgroups of alerts open at once (default 10000)",
	NULL
};

struct raw {
	struct inc_classifier	*cl;
	struct alert_clock	 clock;
	uint64_t		 ordinal;	/* lines of the whole input */
	bool			 werr;
	struct appender		*append;	/* --append FILE, or NULL */
	bool			 all;		/* --all: no grouping */
	bool			 live;		/* an input is not a file */
	struct grouping		*groups;
	int			 found;		/* an incident of level I/II */
	uint64_t		 lines, unmatched, noise;
};

/* Seconds of a clock that only goes forward, for the live --hold. */
static double
monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * A record, to FILE (an incident already there made again: updated,
 * or left when the file has as many alerts: a replay) or to standard
 * output.  Returns 0, or -1 after a message.
 */
static int
put(struct raw *rw, const char *text, size_t n, int st, bool grouped)
{
	if (classify_raw_status(text, n, st) == EXIT_FOUND)
		rw->found = EXIT_FOUND;
	if (rw->append != NULL) {
		if ((grouped ? appender_put(rw->append, text, n) :
		    appender_write(rw->append, text, n)) == -1) {
			rw->werr = true;
			return -1;
		}
		return 0;
	}
	if (fwrite(text, 1, n, stdout) != n || putchar('\n') == EOF) {
		inc_note_write_error();
		rw->werr = true;	/* inc_finish reports it */
		return -1;
	}
	return 0;
}

/* group.h's emit: the incident, written. */
static int
emit(const struct group_incident *gi, void *ctx)
{
	struct raw *rw = ctx;
	const char *text;
	size_t n;
	int st;

	if ((st = alert_incident(rw->cl, gi, &text, &n)) == -1)
		return -1;
	return put(rw, text, n, st, true);
}

/* fdread.h's idle work, for a live input: what --hold makes due. */
static long
idle(void *ctx)
{
	struct raw *rw = ctx;
	long ms;

	if ((ms = group_due(rw->groups, monotonic())) == -2)
		return -2;
	if (rw->append == NULL && fflush(stdout) == EOF) {
		inc_note_write_error();
		rw->werr = true;
		return -2;
	}
	return ms;
}

static int
each_record(struct inc_record *r, void *ctx)
{
	return classify_record(ctx, r);
}

/* --all: the line a record of its own, classified and written. */
static int
line_record(struct raw *rw, const struct inc_alert *a, const char *line,
    size_t len)
{
	const char *text;
	size_t n;
	int st;

	st = classify_alert(rw->cl, a, line, len, rw->ordinal, NULL, &text,
	    &n);
	if (st == -1)
		return -1;	/* out of memory, reported */
	if (put(rw, text, n, st, false) == -1)
		return -1;	/* stop: what follows would be lost */
	return classify_raw_status(text, n, st);	/* 1: level I or II */
}

/* An alert line: grouped into an incident, or with --all a record. */
static int
each_line(const char *line, size_t len, const char *file, long lineno,
    bool truncated, void *ctx)
{
	struct raw *rw = ctx;
	struct group_alert ga;
	struct inc_match m;
	struct inc_alert a;

	(void)truncated;	/* reported by the loop; the cut line is used */
	rw->ordinal++;
	rw->lines++;
	/*
	 * "title: " and the line must fit in a record line, or the record
	 * written could not be read again: cut it shorter, at a character.
	 */
	if (len > RAW_MAX) {
		len = RAW_MAX;
		while (len > 0 && ((unsigned char)line[len] & 0xc0) == 0x80)
			len--;
	}
	if (rw->werr)
		return EXIT_TROUBLE;
	(void)alert_clock_tick(&rw->clock);	/* each alert when read */
	if (alert_parse(line, len, &rw->clock, &a) == -1)
		return 0;	/* a blank line is no alert */
	rw->cl->file = file;
	rw->cl->line = lineno;
	if (rw->all)
		return line_record(rw, &a, line, len);
	if (classify_alert_scan(rw->cl, &a, &m) == -1)
		return -1;
	if (m.subtype == NULL || m.ignore) {
		if (m.ignore)
			rw->noise++;
		else
			rw->unmatched++;
		return 0;	/* no alert: no incident */
	}
	alert_to_group(&ga, &a, &m, line, len, rw->live ? monotonic() : 0);
	if (group_add(rw->groups, &ga) == -1 || group_expire(rw->groups) == -1)
		return -1;
	return 0;
}

/* Whether an input is live: a pipe, a terminal, a FIFO: not a file. */
static bool
any_live(int argc, char *argv[])
{
	struct stat st;
	int i;

	if (argc == 0)
		return fstat(0, &st) == 0 && !S_ISREG(st.st_mode);
	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], "-") == 0 ? fstat(0, &st) == 0 &&
		    !S_ISREG(st.st_mode) : stat(argv[i], &st) == 0 &&
		    !S_ISREG(st.st_mode))
			return true;
	return false;
}

/* One line on standard error: what became of the lines read. */
static void
say_stats(const struct raw *rw)
{
	const struct group_stats *gs = group_stats(rw->groups);

	fprintf(stderr, "%s: lines %" PRIu64 ", alerts %" PRIu64 ", incidents %"
	    PRIu64 ", below threshold %" PRIu64 ", unmatched %" PRIu64
	    ", noise %" PRIu64 "\n", inc_prog, rw->lines, gs->alerts,
	    gs->incidents, gs->below, rw->unmatched, rw->noise);
}

/* --raw: the lines of the inputs, to records. */
static int
raw_run(struct raw *rw, int argc, char *argv[], double hold, bool stats)
{
	int st;

	if (!rw->all) {
		rw->live = any_live(argc, argv);
		grouping_hold(rw->groups, hold);
		if (rw->live)
			fd_read_idle(idle, rw);
	}
	st = inc_each_line(argc, argv, each_line, rw);
	fd_read_idle(NULL, NULL);
	/* The end, or a signal: what is held is written, nothing lost. */
	if (!rw->all && !rw->werr && group_close_all(rw->groups) == -1)
		st = EXIT_TROUBLE;
	if (!rw->all && (stats || isatty(2)))
		say_stats(rw);
	return status_worse(st, rw->found);
}

int
main(int argc, char *argv[])
{
	struct inc_cli cli = {
		.usage = "[-i | --raw [--all | --hold SECONDS] [--append FILE] "
		    "[--stats]]\n\t[--wait SECONDS] [--max-open N] [--force] "
		    "[--plan FILE] [--now TIME]\n\t[file ...]",
		.options = options
	};
	struct inc_classifier cl;
	struct inc_loop loop = { .each = each_record, .filter = true };
	struct inc_matcher *m;
	struct raw rw;
	bool raw = false, force = false, in_place = false, wait_given = false;
	bool all = false, stats = false, grouping_given = false;
	const char *append = NULL;
	long wait = 0, hold = 60, max_open = GROUP_MAX_OPEN;
	int c, st;

	inc_set_prog(argv[0]);
	while ((c = cli_getopt(&cli, argc, argv, "i", longopts)) != -1) {
		switch (c) {
		case 'i':
			in_place = true;
			break;
		case OPT_RAW:
			raw = true;
			break;
		case OPT_FORCE:
			force = true;
			break;
		case OPT_APPEND:
			append = optarg;
			break;
		case OPT_WAIT:
			if (lock_wait_parse(optarg, &wait) == -1)
				return cli_usage(&cli);
			wait_given = true;
			break;
		case OPT_ALL:
			all = true;
			break;
		case OPT_STATS:
			stats = true;
			break;
		case OPT_HOLD:
			if (cli_number("--hold", optarg, 0, 86400, &hold) == -1)
				return cli_usage(&cli);
			grouping_given = true;
			break;
		case OPT_MAX_OPEN:
			if (cli_number("--max-open", optarg, 1, 10000000,
			    &max_open) == -1)
				return cli_usage(&cli);
			grouping_given = true;
			break;
		default:
			if (!cli_common(&cli, c, optarg))
				return cli_usage(&cli);
		}
	}
	argc -= optind;
	argv += optind;
	if ((st = cli_setup(&cli)) != -1)
		return st;
	if ((in_place && (raw || argc == 0)) || (append != NULL && !raw) ||
	    (wait_given && !in_place && append == NULL) ||
	    ((all || stats || grouping_given) && !raw) ||
	    (all && (grouping_given || stats))) {
		inc_warn(in_place && raw ? "-i edits record files, not alert "
		    "lines" : in_place && argc == 0 ? "-i needs the names of "
		    "record files" : append != NULL && !raw ? "--append "
		    "writes the records --raw makes" : wait_given && !in_place &&
		    append == NULL ? "--wait is for the lock of -i or --append" :
		    !raw ? "--all, --stats, --hold and --max-open are for "
		    "--raw" : "--all writes every line: nothing is grouped");
		st = cli_usage(&cli);
		cli_done(&cli);
		return st;
	}
	if ((m = matcher_build(cli.plan)) == NULL) {
		cli_done(&cli);
		return inc_nomem();
	}
	inc_buffer_stdout();
	memset(&cl, 0, sizeof(cl));
	cl.plan = cli.plan;
	cl.matcher = m;
	cl.force = force;
	cl.now = cli.now;

	if (raw) {
		memset(&rw, 0, sizeof(rw));
		rw.cl = &cl;
		alert_clock_set(&rw.clock, cli.now, cli.now_text != NULL);
		rw.all = all;
		if (!all && (rw.groups = grouping_new((size_t)max_open,
		    cli.plan->detection.window, emit, &rw)) == NULL)
			st = inc_nomem();
		else if (append != NULL &&
		    (rw.append = appender_open(append, wait)) == NULL)
			st = EXIT_TROUBLE;
		else
			st = raw_run(&rw, argc, argv, (double)hold, stats);
		appender_close(rw.append);
		grouping_free(rw.groups);
		alert_incident_free();
		classifier_free(&cl);
	} else {
		loop.ctx = &cl;
		loop.in_place = in_place;
		loop.wait = wait;
		st = inc_each_record(argc, argv, &loop);
	}
	st = inc_finish(st);
	matcher_free(m);
	cli_done(&cli);
	return st;
}
