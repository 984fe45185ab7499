/*
 * classify-raw.c - inc-classify --raw: each input line an alert, the
 * alerts the plan detects grouped into incidents, each incident's record
 * written to standard output or appended to a record file.  A live
 * input (a pipe, a terminal) is read with an idle hook, so that a group
 * is written --hold seconds after its last alert even while no line
 * comes.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "alert-incident.h"
#include "alert.h"
#include "append.h"
#include "classify-raw.h"
#include "diag.h"
#include "fdread.h"
#include "group.h"
#include "loop.h"
#include "record.h"

#define RAW_MAX	((size_t)INC_MAX_LINE - 16)	/* bytes of an alert used */

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

	if ((ms = group_due(rw->groups, time_monotonic())) == -2)
		return -2;
	if (rw->append == NULL && fflush(stdout) == EOF) {
		inc_note_write_error();
		rw->werr = true;
		return -2;
	}
	return ms;
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
	alert_to_group(&ga, &a, &m, line, len,
	    rw->live ? time_monotonic() : 0);
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

/* The lines of the inputs, to records. */
static int
run(struct raw *rw, const struct classify_raw_opts *o, int argc,
    char *argv[])
{
	int st;

	if (!rw->all) {
		rw->live = any_live(argc, argv);
		grouping_hold(rw->groups, o->hold);
		if (rw->live)
			fd_read_idle(idle, rw);
	}
	st = inc_each_line(argc, argv, each_line, rw);
	fd_read_idle(NULL, NULL);
	/* The end, or a signal: what is held is written, nothing lost. */
	if (!rw->all && !rw->werr && group_close_all(rw->groups) == -1)
		st = EXIT_TROUBLE;
	if (!rw->all && (o->stats || isatty(2)))
		say_stats(rw);
	return inc_status_worse(st, rw->found);
}

int
classify_raw(struct inc_classifier *cl, const struct classify_raw_opts *o,
    int argc, char *argv[])
{
	struct raw rw;
	int st;

	memset(&rw, 0, sizeof(rw));
	rw.cl = cl;
	alert_clock_set(&rw.clock, o->now, o->now_given);
	rw.all = o->all;
	if (!o->all && (rw.groups = grouping_new(o->max_open,
	    cl->plan->detection.window, emit, &rw)) == NULL)
		st = inc_nomem();
	else if (o->append != NULL &&
	    (rw.append = appender_open(o->append, o->wait)) == NULL)
		st = EXIT_TROUBLE;
	else
		st = run(&rw, o, argc, argv);
	appender_close(rw.append);
	grouping_free(rw.groups);
	alert_incident_free();
	return st;
}
