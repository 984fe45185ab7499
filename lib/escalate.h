/*
 * escalate.h - the per-record work of inc-escalate(1): the reporting
 * obligations of the plan (三, 四) checked against a clock, a "due" field
 * per obligation written into the record, or with --notices who must be
 * told, how to reach them and by when; --ack sets an obligation done.
 *
 * The program fills the options, calls escalate_setup, escalate_ack for
 * each --ack, and hands escalate_record (and, without --ack,
 * escalate_answer) to inc_each_record with the struct as ctx.
 */
#ifndef INC_ESCALATE_H
#define INC_ESCALATE_H

#include <stdbool.h>

#include "loop.h"
#include "notice.h"
#include "obligation.h"
#include "roster.h"

struct escalate_ack {
	const struct inc_obligation *ob;
	char		 when[INC_TIME_LEN];
};

struct escalate {
	/* Set by the program: */
	const struct inc_plan *plan;
	struct inc_time	 now;
	enum inc_lang	 lang;
	bool		 notices;	/* --notices: one line per notice */
	enum notice_format format;
	bool		 force;		/* --ack replaces a time a person set */
	const char	*id;		/* --incident: acks only for this one */
	bool		 write;		/* records are written: due fields */
	const struct duty_officer *duty;	/* NULL: nobody known */
	/* Set here: */
	struct escalate_ack *acks;
	size_t		 nacks;
	struct ob_fields *fields;	/* what the obligations read */
	char		*add;		/* escalate_answer: the due lines */
};

/* After the options: room for maxacks --ack.  0, or -1 out of memory. */
int	escalate_setup(struct escalate *, size_t maxacks);

/*
 * One --ack: "initial-report" (done at now) or
 * "initial-report=2026-11-24T09:40:00+08:00".  0, or -1 after a message.
 */
int	escalate_ack(struct escalate *, const char *arg);

/* One record (record_fn): --ack applied, the status rule, due fields. */
int	escalate_record(struct inc_record *, void *ctx);

/*
 * The same answer from a record's bytes (answer_fn), for the records
 * escalate_record would not complain of nor change but by its due
 * fields; -1 for the others, which are then parsed.  Not for --ack.
 */
int	escalate_answer(const struct raw_para *, void *ctx,
	    const char **add, size_t *addlen);

void	escalate_free(struct escalate *);

#endif
