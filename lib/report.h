/*
 * report.h - the reports of inc-report(1): the daily duty report (值班日报)
 * for a period, and the handling report (系统异常事件处理报告) for one
 * incident.
 *
 * A report is built in two passes over nothing: report_add() sees every
 * incident record once and keeps a copy of just the fields the report
 * prints, for the incidents the report is about; report_finish() sorts
 * them and computes the statistics; report_write() prints them in the
 * format asked.  Memory grows with the incidents in the report, never
 * with the input.
 *
 * The period is half-open, [since, until): an incident detected exactly
 * at until belongs to the next period.  Obligation states are those at
 * until (ob_state_of with now = until); for the handling report,
 * at the clock (--now).
 *
 * This is what inc-report(1) and the tests use: the report's data, which
 * the writers read, and the calls that fill and write it.  The writers
 * and their shared helpers are declared in report-impl.h.
 *
 * Names: report_ for the calls declared here, rep_ for the functions
 * of report-impl.h (writers and their helpers, rep_<object>_<what>:
 * rep_cols_row, rep_json_ob, rep_day_text) and for the types of the
 * data (struct rep_incident); constants by their enum (REP_DAY,
 * FMT_TEXT, MEASURE_REPORTED, L_TITLE).
 */
#ifndef INC_REPORT_H
#define INC_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "idset.h"
#include "obligation.h"
#include "plan.h"
#include "record.h"
#include "roster.h"
#include "timeutil.h"

enum rep_kind { REP_DAY, REP_HANDLING };
enum rep_format { FMT_TEXT, FMT_MARKDOWN, FMT_CSV, FMT_JSON };

/* The response times the day report measures from detected. */
enum rep_measure { MEASURE_REPORTED, MEASURE_ASSESSED, MEASURE_RECOVERED,
	MEASURE_COUNT };

/* A time field that may be absent. */
struct rep_when {
	bool		 set;
	struct inc_time	 at;
};

/* One obligation of one incident, at the report's clock. */
struct rep_ob {
	const struct inc_obligation *ob;
	enum ob_state	 state;
	bool		 has_deadline;
	struct inc_time	 deadline;
	bool		 done;
	struct inc_time	 done_at;
};

/* A step field of the record, parsed (handling report). */
struct rep_step {
	const struct inc_procedure *proc;
	int		 n;
	struct inc_time	 at;
	char		*who;
};

/*
 * One incident, with copies of the fields the report prints (NULL when
 * absent).  Strings are the record's bytes: writers make them safe.
 */
struct rep_incident {
	char		*id, *title, *category, *subtype, *system, *status;
	char		*level_text;		/* as written */
	enum inc_level	 level;			/* LEVEL_NONE if unreadable */
	struct inc_time	 detected;
	bool		 in_period;		/* detected in [since, until) */
	bool		 open_at_end;
	struct rep_when	 closed, recovered;	/* as written */
	struct rep_when	 measure[MEASURE_COUNT];	/* reported, ... */
	struct rep_ob	*obs;			/* day: those not met in
						 * time or still to do;
						 * handling: all that apply */
	size_t		 nobs;
	const struct rep_ob *next;		/* earliest deadline not done */
	size_t		 steps_left;
	size_t		 order;			/* input order, for ties */
	size_t		 breach_first, nbreach;	/* its rows of r->breach */
	/* made from alerts (alert-span.h): 0, absent, NULL when not */
	int64_t		 alerts;
	struct rep_when	 last_seen;
	char		*address;

	/* handling report only */
	char		*importance, *loss, *impact, *level_basis, *source;
	char		*rule;			/* the detection rule */
	char		**log;			/* log fields, in order */
	size_t		 nlog;
	struct rep_step	*steps;
	size_t		 nsteps;
	const struct inc_procedure **procs;
	size_t		 nprocs;
};

/* Median and worst of one response time over the period's incidents. */
struct rep_stat {
	size_t		 n;			/* incidents measured */
	int64_t		 median, worst;		/* seconds, when n > 0 */
	int64_t		*v;
	size_t		 cap;
};

/* An obligation the day report lists: overdue, late in the period, missed. */
struct rep_breach {
	const struct rep_incident *inc;
	const struct rep_ob *ob;
};

struct rep_chunk;

struct report {
	enum rep_kind	 kind;
	const struct inc_plan *plan;
	enum inc_lang	 lang;
	struct inc_time	 since, until;		/* REP_DAY */
	struct inc_time	 now;			/* the clock for states */
	const char	*want_id;		/* REP_HANDLING */

	struct rep_incident *v;
	size_t		 n, cap;
	size_t		 seen;			/* incident records read */

	/* set by report_finish */
	size_t		 ndetected;		/* in the period */
	/* counts of the period; [LEVEL_NONE], [plan->ncategories]: unknown */
	size_t		 nlevel[LEVEL_COUNT + 1];
	size_t		*ncategory;
	struct rep_stat	 stat[MEASURE_COUNT];
	struct rep_breach *breach;
	size_t		 nbreach;
	/* an incident of the report has alerts, last_seen, address */
	bool		 any_alerts, any_last_seen, any_address;

	struct rep_chunk *chunks;		/* copies of record text */
	struct rep_ob	*scratch;		/* [plan->nobligations] */

	bool		 has_officer;		/* from the roster */
	char		*officer_name, *officer_phone;

	/* report_skip's: detected, closed, each obligation's field, id */
	const char	*skip_name[RAW_VALUES_MAX];
	struct raw_names skip_names;
	bool		 skip_ready;		/* else every record is parsed */
	/*
	 * The ids of the incidents kept, tag their index in v plus one (0:
	 * none now): a later copy of an id replaces the one kept, as the
	 * last copy wins (idset.h).
	 */
	struct idset	*kept;
};

/*
 * Start a day report for [since, until), or a handling report for the
 * incident id at now.  0, or -1 when out of memory.
 */
int	report_init_day(struct report *, const struct inc_plan *,
	    enum inc_lang, struct inc_time since, struct inc_time until);
int	report_init_handling(struct report *, const struct inc_plan *,
	    enum inc_lang, const char *id, struct inc_time now);
void	report_free(struct report *);

/*
 * See one incident record.  Returns 0, or 2 after reporting (inc_warn_at)
 * a record the report cannot place (no readable detected) or a time it
 * cannot read, or when out of memory.
 */
int	report_add(struct report *, const struct inc_record *);
/*
 * Would report_add drop this paragraph without a word?  From its bytes,
 * before parsing (for inc_loop.answer, ctx the report); false when
 * unsure.
 */
bool	report_skip(const struct raw_para *, void *ctx);

/* Who is on duty at the start of the period; -1 when out of memory. */
int	report_set_roster(struct report *, const struct inc_roster *);

/* Sort, count, measure.  0, or -1 when out of memory. */
int	report_finish(struct report *);

/* Has the report an obligation late, overdue or missed (exit 1)? */
bool	report_has_breach(const struct report *);

/* The incident of a handling report, NULL when none was read. */
const struct rep_incident *report_incident(const struct report *);

/* Print the report in a format: 0, or -1 on a write error. */
int	report_write(FILE *, const struct report *, enum rep_format);

/* --format NAME; -1 for an unknown name. */
int	report_format_parse(const char *, enum rep_format *);

/*
 * The day report's period for --day DATE ("2026-11-24", midnight to
 * midnight in $TZ, 23 or 25 hours across a DST change; to the next
 * midnight the zone has, when it skipped the next day), or for DATE
 * NULL the day before now (before that, when the zone skipped it).  0,
 * -1 for an unreadable date, REPORT_NO_SUCH_DAY for a date of the
 * calendar the zone skipped (Pacific/Apia 2011-12-30).
 */
#define REPORT_NO_SUCH_DAY	(-2)
int	report_day_period(const char *date, struct inc_time now,
	    struct inc_time *since, struct inc_time *until);

#endif
