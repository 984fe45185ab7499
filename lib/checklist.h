/*
 * checklist.h - the response procedures of the plan (四) as checklists,
 * the work of inc-checklist: the procedure fields of incident records
 * filled from the routing, steps marked done (--done), and per incident
 * what is done and what is left (--pending).
 *
 * checklist.c holds the record work, checklist-show.c the printing.
 */
#ifndef INC_CHECKLIST_H
#define INC_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"
#include "procedure.h"
#include "record.h"
#include "timeutil.h"

/* One step to mark done; proc NULL: the record's only procedure. */
struct done_ref {
	const struct inc_procedure *proc;
	int		 n;
	const char	*text;		/* as given, for messages */
};

struct checklist {
	/* Set by the program before checklist_init: */
	const struct inc_plan *plan;
	enum inc_lang	 lang;
	struct inc_time	 now;		/* when --done steps are done */
	const struct inc_procedure *proc;	/* the PROCEDURE operand */
	const char	*by;		/* --by, or NULL */
	const char	*incident;	/* --incident, or NULL: every record */
	bool		 force;
	size_t		 width;		/* of the output, in cells */

	/* By checklist_done_parse: */
	struct done_ref	*done;
	size_t		 ndone;

	/* By the record functions: */
	bool		 incident_seen;

	/* Room for one record's procedures and steps. */
	const struct inc_procedure **procs;	/* every procedure */
	const struct inc_procedure **old;
	const char	**ids;
	bool		*done_v;		/* the most steps */
	struct step_done *at_v;
	char		**copies;		/* of the --done arguments */
	size_t		 ncopies;
};

/*
 * The room the record functions need, for ck->plan.  0, or -1 when out
 * of memory (not reported).  checklist_free frees it and the --done
 * items, also after a failure.
 */
int		 checklist_init(struct checklist *);
void		 checklist_free(struct checklist *);

/*
 * The procedure of that id, or NULL after "no such procedure in the
 * plan" and the list of its procedures on standard error; for an
 * operand, also how to name a file of that name instead.
 */
const struct inc_procedure *checklist_procedure(const struct inc_plan *,
		    const char *id, bool operand);

/*
 * The --done arguments, each "3", "3,4" or "network-attack.3", checked
 * against ck->plan (a bare number against ck->proc when set): into
 * ck->done.  0, or -1 after a message.
 */
int		 checklist_done_parse(struct checklist *, char **args,
		    size_t nargs);

/* Can s be the --by of a step field: not empty, no control character? */
bool		 checklist_by_valid(const char *s);

/*
 * The filter, a record_fn (loop.h): the record's procedure fields
 * filled from the routing (kept when a person set them, unless
 * ck->force), then the --done steps marked in the --incident record.
 * A record in trouble is left as read.
 */
int		 checklist_mark(struct inc_record *, void *ck);

/*
 * --pending, a record_fn: the checklist of the --incident record, or of
 * every record, on standard output.  Status 1 when steps are left.
 */
int		 checklist_pending(struct inc_record *, void *ck);

/*
 * At the end of the loop: the loop's status, or 2 after a message when
 * no record was the --incident.
 */
int		 checklist_finish(const struct checklist *, int status);

/* checklist-show.c: */

/* A procedure's steps, each with its clause, on standard output. */
int		 checklist_show_procedure(const struct checklist *,
		    const struct inc_procedure *);

/* --list: the procedures and the routing, on standard output. */
int		 checklist_show_list(const struct checklist *);

/*
 * An incident's checklist: its id and title, then for each of the np
 * procedures in ck->procs the steps done and left.  dflt: the record has
 * no category yet, and these are the plan's default procedures.
 * Returns the steps left.
 */
size_t		 checklist_show_incident(const struct checklist *,
		    const struct inc_record *, int np, bool dflt);

/* Columns of the terminal on standard output, else $COLUMNS, else 80. */
size_t		 checklist_columns(void);

#endif
