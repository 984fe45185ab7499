/*
 * report.h - the reports of inc-report(1): the daily duty report (值班日报)
 * for a period, and the handling report (系统异常事件处理报告) for one
 * incident.
 *
 * A report is built in two passes over nothing: report_add() sees every
 * incident record once and keeps a copy of just the fields the report
 * prints, for the incidents the report is about; report_finish() sorts
 * them and computes the statistics; a writer prints them.  Memory grows
 * with the incidents in the report, never with the input.
 *
 * The period is half-open, [since, until): an incident detected exactly
 * at until belongs to the next period.  Obligation states are those at
 * until (obligation_state with now = until); for the handling report,
 * at the clock (--now).
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
 * before parsing (inc_loop.skip, ctx the report); false when unsure.
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

/* Handling report helpers: a step's record, a log line, a scale name. */
const struct rep_step *rep_step_done(const struct rep_incident *,
	    const struct inc_procedure *, int n);
const char *rep_log_split(const char *value, struct rep_when *);
const char *rep_scale_label(const struct inc_scale *, const char *id,
	    enum inc_lang);

/* Writers: 0, or -1 on a write error. */
int	report_write(FILE *, const struct report *, enum rep_format);
int	report_day_text(FILE *, const struct report *);
int	report_day_markdown(FILE *, const struct report *);
int	report_day_csv(FILE *, const struct report *);
int	report_day_json(FILE *, const struct report *);
int	report_handling_text(FILE *, const struct report *);
int	report_handling_markdown(FILE *, const struct report *);
int	report_handling_json(FILE *, const struct report *);

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

/* Labels of the report itself (not plan data) in the language asked. */
enum rep_label {
	L_DAY_TITLE, L_HANDLING_TITLE, L_PERIOD, L_DUTY, L_ON_DUTY,
	L_NOBODY, L_COUNTS, L_DETECTED_N, L_BY_LEVEL, L_BY_CATEGORY,
	L_INCIDENTS, L_NONE, L_ID, L_LEVEL, L_CATEGORY, L_SUBTYPE, L_SYSTEM,
	L_STATUS, L_DETECTED, L_NEXT, L_STEPS_LEFT, L_TITLE, L_OBLIGATIONS,
	L_OBLIGATION, L_STATE, L_DEADLINE, L_DONE, L_RESPONSE, L_MEASURE,
	L_MEASURED, L_MEDIAN, L_WORST, L_TO_REPORTED, L_TO_ASSESSED,
	L_TO_RECOVERED, L_UNKNOWN, L_OPEN_AT_END, L_CLASSIFICATION,
	L_IMPORTANCE, L_LOSS, L_IMPACT, L_BASIS, L_TIMELINE, L_STEPS,
	L_BY_WHOM, L_SOURCE, L_CLOSED, L_NOT_DONE, L_PROCEDURE,
	L_ACCOUNTABILITY, L_TOTAL, L_NAME, L_OBLIGATIONS_ALL, L_AS_OF,
	L_ZONE, L_ALERTS, L_LAST_SEEN, L_ADDRESS, L_RULE,
	L_COUNT
};
const char	*rep_label(enum rep_label, enum inc_lang);
/* ob_state and status ids as words of the language. */
const char	*rep_state_label(enum ob_state, enum inc_lang);
const char	*rep_status_label(const char *status, enum inc_lang);
const char	*rep_category_label(const struct inc_plan *, const char *id,
		    enum inc_lang);
/* A system: its id in English, its name (when the plan has it) in zh. */
const char	*rep_system_label(const struct inc_plan *, const char *id,
		    enum inc_lang);
const char	*rep_measure_key(enum rep_measure);	/* "reported" */
/*
 * The zone the report's times are in, said once at its top: "时区:
 * Asia/Shanghai (UTC+08:00)", the offset that of at.
 */
void		 rep_zone_line(FILE *, const char *prefix, struct inc_time at,
		    enum inc_lang);
/* "Asia/Shanghai (UTC+08:00)", as given in $TZ: to be made safe. */
#define REP_ZONE_LEN	160
char		*rep_zone_text(char buf[REP_ZONE_LEN], struct inc_time at);
enum rep_label	 rep_measure_label(enum rep_measure);

/*
 * Helpers of the writers.  Columns for text output, in two passes over
 * the rows: measure every row, then write every row.  Cells are not kept,
 * so a table of any length costs nothing; widths are those text_put_safe
 * writes (text_width).  A NULL cell is "-".
 */
#define REP_MAXCOLS	12
struct rep_cols {
	size_t		 ncols;
	size_t		 width[REP_MAXCOLS];
};
void	rcols_init(struct rep_cols *, size_t ncols);
void	rcols_measure(struct rep_cols *, const char *const *cells);
int	rcols_row(FILE *, const struct rep_cols *, const char *const *cells,
	    const char *indent);

/*
 * The cells of one row of the incident list and of the obligation list.
 * The incident list has the REP_INC_COLS of rep_inc_head and, after
 * detected, last seen, alerts and address when an incident of the
 * report has them: rep_incident_columns, rep_incident_cells say how
 * many.
 */
#define REP_INC_COLS	9
#define REP_BREACH_COLS	5
struct rep_cells {
	const char	*c[REP_MAXCOLS];
	char		 t1[INC_TIME_LEN], t2[INC_TIME_LEN], t3[INC_TIME_LEN];
	char		 next[INC_TIME_LEN + 320];	/* zh: a name */
	char		 num[32], count[32];
};
extern const enum rep_label rep_inc_head[REP_INC_COLS];
extern const enum rep_label rep_breach_head[REP_BREACH_COLS];
size_t	rep_incident_columns(const struct report *,
	    enum rep_label col[REP_MAXCOLS]);
size_t	rep_incident_cells(const struct report *, const struct rep_incident *,
	    struct rep_cells *);
void	rep_breach_cells(const struct report *, const struct rep_breach *,
	    struct rep_cells *);
void	rep_head_cells(const enum rep_label *, size_t n, enum inc_lang,
	    struct rep_cells *);

/* "2026-11-24 09:15" in $TZ, for people. */
char	*rep_time_short(char buf[INC_TIME_LEN], struct inc_time);
/* RFC 3339 in the zone of $TZ, for machines and headings. */
char	*rep_time_full(char buf[INC_TIME_LEN], struct inc_time);
/* The duty office and its phones, "name phone, phone" (malloc'd). */
char	*rep_duty_text(const struct report *);
/* A copy of s as text_put_safe writes it (malloc'd; NULL: no memory). */
char	*rep_safe(const char *s, size_t len);
/* Is s plain printable ASCII, nothing to make safe? */
bool	rep_plain(const char *s, int keep_newlines);
/* The same, newlines kept (a CSV cell may hold them). */
char	*rep_safe_lines(const char *s, size_t len);
/* A key and its time in JSON, RFC 3339; a time that may be absent: null. */
struct json;
void	rep_json_time(struct json *, const char *key, struct inc_time);
void	rep_json_when(struct json *, const char *key, const struct rep_when *);
/* An obligation in JSON: its keys, or an object of them. */
void	rep_json_ob_fields(struct json *, const struct rep_ob *,
	    enum inc_lang, bool names);
void	rep_json_ob(struct json *, const struct rep_ob *, enum inc_lang,
	    bool names);
/* alerts, last_seen, address of an incident in JSON (null: absent). */
void	rep_json_alerts(struct json *, const struct rep_incident *);
/* s in markdown: made safe, then escaped for a table cell. */
void	rep_md_put(FILE *, const char *);

#endif
