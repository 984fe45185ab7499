/*
 * report-impl.h - inside inc-report(1)'s writers: the writer of each
 * report and format, and what the writers share (labels, columns and
 * cells, safe text, times, JSON helpers).  Internal to libinc: the
 * writers and report-write.c, which picks one; report.c, the data,
 * includes report.h alone.  The tests look inside, as they do with
 * plan-impl.h.
 *
 *	report-write.c		the formats by name, the writer of each
 *	report-text.c, report-md.c, report-csv.c, report-json.c
 *				the day report in each format
 *	report-handling.c	the handling report: text, markdown, JSON
 *	report-label.c		the words of the reports, plan labels
 *	report-cols.c		the rows of tables: cells, text columns
 *	report-out.c		safe text, times, duty line, measures,
 *				steps and log lines, shared JSON
 */
#ifndef INC_REPORT_IMPL_H
#define INC_REPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "report.h"

/* The writers (report-write.c calls them): 0, or -1 on a write error. */
int	rep_day_text(FILE *, const struct report *);
int	rep_day_markdown(FILE *, const struct report *);
int	rep_day_csv(FILE *, const struct report *);
int	rep_day_json(FILE *, const struct report *);
int	rep_handling_text(FILE *, const struct report *);
int	rep_handling_markdown(FILE *, const struct report *);
int	rep_handling_json(FILE *, const struct report *);

/*
 * report-label.c.  Labels of the report itself (not plan data) in the
 * language asked.
 */
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
/* The name of a scale value in the plan, else the id as written. */
const char	*rep_scale_label(const struct inc_scale *, const char *id,
		    enum inc_lang);
/*
 * The zone the report's times are in, said once at its top: "时区:
 * Asia/Shanghai (UTC+08:00)", the offset that of at.
 */
void		 rep_zone_line(FILE *, const char *prefix, struct inc_time at,
		    enum inc_lang);
/* "Asia/Shanghai (UTC+08:00)", as given in $TZ: to be made safe. */
#define REP_ZONE_LEN	160
char		*rep_zone_text(char buf[REP_ZONE_LEN], struct inc_time at);

/*
 * report-cols.c.  Columns for text output, in two passes over the rows:
 * measure every row, then write every row.  Cells are not kept, so a
 * table of any length costs nothing; widths are those text_put_safe
 * writes (text_width).  A NULL cell is "-".
 */
#define REP_MAXCOLS	12
struct rep_cols {
	size_t		 ncols;
	size_t		 width[REP_MAXCOLS];
};
void	rep_cols_init(struct rep_cols *, size_t ncols);
void	rep_cols_measure(struct rep_cols *, const char *const *cells);
int	rep_cols_row(FILE *, const struct rep_cols *, const char *const *cells,
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

/*
 * report-out.c.  A copy of s as text_put_safe writes it (malloc'd;
 * NULL: no memory).
 */
char	*rep_safe(const char *s, size_t len);
/* The same, newlines kept (a CSV cell may hold them). */
char	*rep_safe_lines(const char *s, size_t len);
/* Is s plain printable ASCII, nothing to make safe? */
bool	rep_plain(const char *s, int keep_newlines);
/* s in markdown: made safe, then escaped for a table cell. */
void	rep_md_put(FILE *, const char *);
/* "2026-11-24 09:15" in $TZ, for people. */
char	*rep_time_short(char buf[INC_TIME_LEN], struct inc_time);
/* RFC 3339 in the zone of $TZ, for machines and headings. */
char	*rep_time_full(char buf[INC_TIME_LEN], struct inc_time);
/* The duty office and its phones, "name phone, phone" (malloc'd). */
char	*rep_duty_text(const struct report *);
/* A measure's key in JSON ("reported"), its label for people. */
const char	*rep_measure_key(enum rep_measure);
enum rep_label	 rep_measure_label(enum rep_measure);
/* The handling report's: a step's record (NULL: not done), a log line. */
const struct rep_step *rep_step_done(const struct rep_incident *,
	    const struct inc_procedure *, int n);
const char *rep_log_split(const char *value, struct rep_when *);
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

#endif
