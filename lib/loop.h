/*
 * loop.h - the loop every program runs: the files named, or standard
 * input when none or "-", one record (or one line) at a time.
 *
 * The loop owns reading, the diagnostics for records that cannot be
 * parsed, passing comments, %rec: descriptors and bad records through
 * untouched, writing records, and -i (edit in place, atomically).  A
 * program hands it a function for one record.
 */
#ifndef INC_LOOP_H
#define INC_LOOP_H

#include <stdbool.h>
#include <stdio.h>

#include "record.h"

/*
 * Called for each incident record.  Returns an exit status: 0, 1 (the
 * program's "found something") or 2 (a data error, already reported with
 * inc_warn_at).  The record may be changed; in filter mode it is written
 * after the call, whatever the status.
 */
typedef int	record_fn(struct inc_record *, void *ctx);

/*
 * A record answered from its bytes: -1 when it must be parsed and handed
 * to each.  The loop never asks of a paragraph holding a NUL byte (it is
 * parsed and refused, record-nul.h) or two id fields.  Otherwise the record's status, as each would have returned
 * it; in filter mode the record is then written as read, followed by the
 * *addlen bytes at *add (0: none), whole "name: value" lines: the fields
 * each would have appended.  They must stay valid until the next call.
 * Called with ctx.
 */
typedef int	answer_fn(const struct raw_para *, void *ctx,
		    const char **add, size_t *addlen);

/*
 * The fast paths, each a copy of a general path's semantics; the pairs
 * that must agree, byte for byte and status for status:
 *
 *	escalate_answer		escalate_record		(escalate.c)
 *	report_skip		report_add		(report.c)
 *	ob_fields_read_raw	ob_fields_read		(obligation.c)
 *	record_raw_values	the reader's parse	(reader.c)
 *	classify_alert's tail	classify_record		(classify.c)
 *
 * The first two are inc_loop.answer, the next two are what the answers
 * read from a paragraph's bytes, the last is inc-classify --raw's text
 * kept per keyword.  INC_NO_FASTPATH=1 (fastpath.h) turns all of them
 * off: inc_each_record sets no answer, so every record is parsed and
 * given to each, and classify_alert makes a record of every alert.
 * make check runs the command tests both ways; agree.t and the
 * equivalence tests of skip.t compare the two on purpose.
 */
struct inc_loop {
	record_fn	*each;
	void		*ctx;
	bool		 filter;	/* write every paragraph to out */
	bool		 in_place;	/* -i: each file rewritten in place */
	FILE		*out;		/* default stdout */
	long		 wait;		/* -i: --wait, as lock_open takes it */
	/*
	 * Optional: records answered from their bytes, unparsed (record.h:
	 * reader_set_skip, record_raw_values), at a fraction of the cost
	 * (unless INC_NO_FASTPATH: the pairs above),
	 * for a program that ignores most records (a day report over years
	 * of archives) or adds the same few fields to most (due fields).
	 */
	answer_fn	*answer;
	/*
	 * Optional: fields the program interprets beyond inc-record(5)'s
	 * (the plan's obligation_fields), refused with a NUL as those are.
	 */
	const char *const *nul_fields;
	size_t		 nnul_fields;
};

/*
 * Run the loop over files (n names, or standard input when n is 0; "-"
 * is standard input).  In filter mode, out is flushed before the loop
 * waits for input that is not a regular file; with -i, each file is
 * edited by replace_file (inplace.h), under its lock.  SIGTERM, SIGINT
 * and SIGHUP stop the loop between records (signals.h).  Returns the worst status: of the callbacks, 2 for
 * any record that could not be parsed or file that could not be read or
 * replaced.  Bad records are reported as "prog: file:line: message" and
 * still written in filter mode.
 */
int	inc_each_record(int n, char **files, const struct inc_loop *);

/*
 * Lines (inc-classify --raw): fn gets each line without its newline, its
 * file and line number, and returns a status, or -1 to stop reading (an
 * error it reported: status 2).  A line over INC_MAX_LINE is reported
 * and passed to fn cut at the limit, with truncated set.  What fn writes
 * to standard output is flushed before the loop waits for input that is
 * not a regular file.  Returns the worst status.
 */
typedef int	line_fn(const char *line, size_t len, const char *file,
		    long lineno, bool truncated, void *ctx);
int	inc_each_line(int n, char **files, line_fn *fn, void *ctx);

#endif
