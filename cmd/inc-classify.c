/*
 * inc-classify - fill category, subtype, importance, level and
 * level_basis of incident records from the plan; with --raw, make the
 * records from alert lines first.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "append.h"
#include "classify.h"
#include "inc.h"
#include "lock.h"

enum { OPT_RAW = OPT_PROGRAM, OPT_FORCE, OPT_APPEND, OPT_WAIT };

#define RAW_MAX	((size_t)INC_MAX_LINE - 16)	/* bytes of an alert used */

static const struct option longopts[] = {
	{ "raw",	no_argument,	NULL, OPT_RAW },
	{ "force",	no_argument,	NULL, OPT_FORCE },
	{ "in-place",	no_argument,	NULL, 'i' },
	{ "append",	required_argument, NULL, OPT_APPEND },
	{ "wait",	required_argument, NULL, OPT_WAIT },
	INC_COMMON_LONGOPTS,
	{ NULL,		0,		NULL, 0 }
};

static const char *const options[] = {
	"--raw\teach input line is an alert; records out",
	"--force\trecompute the fields a person set",
	"-i, --in-place\tedit the record files named, atomically",
	"--append FILE\twith --raw: append each record to FILE, under its lock",
	"--wait SECONDS\tfor the lock of -i or --append (default 10)",
	NULL
};

struct raw {
	struct inc_classifier	*cl;
	struct alert_clock	 clock;
	uint64_t		 ordinal;	/* lines of the whole input */
	bool			 werr;
	struct appender		*append;	/* --append FILE, or NULL */
};

static int
each_record(struct inc_record *r, void *ctx)
{
	return classify_record(ctx, r);
}

/* An alert line: a new record, classified and written. */
static int
each_line(const char *line, size_t len, const char *file, long lineno,
    bool truncated, void *ctx)
{
	struct raw *rw = ctx;
	struct inc_alert a;
	const char *text;
	size_t n;
	int st;

	(void)truncated;	/* reported by the loop; the cut line is used */
	rw->ordinal++;
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
	st = classify_alert(rw->cl, &a, line, len, rw->ordinal, &text, &n);
	if (st == -1)
		return EXIT_TROUBLE;	/* out of memory, reported */
	st = classify_raw_status(text, n, st);	/* 1: level I or II */
	if (rw->append != NULL) {
		/* Each record to FILE as soon as it is made, under the lock. */
		if (appender_write(rw->append, text, n) == -1) {
			rw->werr = true;
			return -1;	/* stop: what follows would be lost */
		}
		return st;
	}
	/*
	 * Alerts from a pipe (tail -F | inc-classify --raw) come one now
	 * and then: the loop flushes each record before it waits for more.
	 */
	if (fwrite(text, 1, n, stdout) != n || putchar('\n') == EOF) {
		inc_note_write_error();
		rw->werr = true;	/* inc_finish reports it */
		return EXIT_TROUBLE;
	}
	return st;
}

int
main(int argc, char *argv[])
{
	struct inc_cli cli = {
		.usage = "[-i | --raw [--append FILE]] [--wait SECONDS] "
		    "[--force] [--plan FILE]\n\t[--now TIME] [file ...]",
		.options = options
	};
	struct inc_classifier cl;
	struct inc_loop loop = { .each = each_record, .filter = true };
	struct inc_matcher *m;
	struct raw rw;
	bool raw = false, force = false, in_place = false, wait_given = false;
	const char *append = NULL;
	long wait = 0;
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
	    (wait_given && !in_place && append == NULL)) {
		inc_warn(in_place && raw ? "-i edits record files, not alert "
		    "lines" : in_place && argc == 0 ? "-i needs the names of "
		    "record files" : append != NULL && !raw ? "--append "
		    "writes the records --raw makes" : "--wait is for the "
		    "lock of -i or --append");
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
		if (append != NULL &&
		    (rw.append = appender_open(append, wait)) == NULL)
			st = EXIT_TROUBLE;
		else
			st = inc_each_line(argc, argv, each_line, &rw);
		appender_close(rw.append);
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
