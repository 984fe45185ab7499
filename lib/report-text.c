/*
 * report-text.c - the day report as text for mail and terminals: aligned
 * columns that count CJK characters as two cells, a bar chart of levels.
 * Every string from a record goes through text_put_safe.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"
#include "text.h"

#define BAR_MAX	30	/* cells of the longest bar */

static char *
safe_copy(const char *s, size_t len, int keep_newlines)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *ms;

	if ((ms = open_memstream(&buf, &size)) == NULL)
		return NULL;
	if (text_put_safe(ms, s, len, keep_newlines) == -1 ||
	    fclose(ms) == EOF) {
		free(buf);
		return NULL;
	}
	return buf;
}

/*
 * Plain printable ASCII (and newlines when kept) is already safe: the
 * fast path that spares most cells a copy.  Anything else goes through
 * text_put_safe, which knows the rest of the rules.
 */
bool
rep_plain(const char *s, int keep_newlines)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; *u != '\0'; u++)
		if ((*u < 0x20 && !(*u == '\n' && keep_newlines)) ||
		    *u >= 0x7f)
			return false;
	return true;
}

char *
rep_safe(const char *s, size_t len)
{
	return safe_copy(s, len, 0);
}

char *
rep_safe_lines(const char *s, size_t len)
{
	return safe_copy(s, len, 1);
}

void
rcols_init(struct rep_cols *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols < REP_MAXCOLS ? ncols : REP_MAXCOLS;
}

void
rcols_measure(struct rep_cols *t, const char *const *cells)
{
	const char *c;
	size_t i, w;

	for (i = 0; i < t->ncols; i++) {
		c = cells[i] ? cells[i] : "-";
		w = rep_plain(c, 0) ? strlen(c) : text_width(c, strlen(c));
		if (w > t->width[i])
			t->width[i] = w;
	}
}

/* Two spaces between columns; no blanks at the end of a line. */
int
rcols_row(FILE *fp, const struct rep_cols *t, const char *const *cells,
    const char *indent)
{
	size_t i, last = 0;
	const char *c;

	for (i = 0; i < t->ncols; i++)
		if (cells[i] == NULL || cells[i][0] != '\0')
			last = i;
	fputs(indent, fp);
	for (i = 0; i <= last; i++) {
		c = cells[i] ? cells[i] : "-";
		if (!rep_plain(c, 0))
			text_put_padded(fp, c, strlen(c), i == last ? 0 :
			    t->width[i]);
		else if (i == last)
			fputs(c, fp);
		else
			fprintf(fp, "%-*s", (int)t->width[i], c);
		if (i != last)
			fputs("  ", fp);
	}
	putc('\n', fp);
	return ferror(fp) ? -1 : 0;
}

const enum rep_label rep_inc_head[REP_INC_COLS] = { L_ID, L_LEVEL,
    L_CATEGORY, L_SYSTEM, L_STATUS, L_DETECTED, L_NEXT, L_STEPS_LEFT,
    L_TITLE };
const enum rep_label rep_breach_head[REP_BREACH_COLS] = { L_ID,
    L_OBLIGATION, L_STATE, L_DEADLINE, L_DONE };

void
rep_head_cells(const enum rep_label *h, size_t n, enum inc_lang lg,
    struct rep_cells *rc)
{
	size_t i;

	for (i = 0; i < n && i < REP_MAXCOLS; i++)
		rc->c[i] = rep_label(h[i], lg);
}

/*
 * The columns of the incident list: those of rep_inc_head, and after
 * detected (the first alert) those of incidents made from alerts, each
 * only when an incident of the report has it: a day of incidents that
 * people filed is listed as it always was.
 */
size_t
rep_incident_columns(const struct report *r, enum rep_label col[REP_MAXCOLS])
{
	size_t i, n = 0;

	for (i = 0; i < REP_INC_COLS; i++) {
		col[n++] = rep_inc_head[i];
		if (rep_inc_head[i] != L_DETECTED)
			continue;
		if (r->any_last_seen)
			col[n++] = L_LAST_SEEN;
		if (r->any_alerts)
			col[n++] = L_ALERTS;
		if (r->any_address)
			col[n++] = L_ADDRESS;
	}
	return n;
}

static const char *
incident_cell(const struct report *r, const struct rep_incident *inc,
    enum rep_label col, struct rep_cells *rc)
{
	enum inc_lang lg = r->lang;

	switch (col) {
	case L_ID:
		return inc->id;
	case L_LEVEL:
		return inc->level_text;
	case L_CATEGORY:
		return inc->category ? rep_category_label(r->plan,
		    inc->category, lg) : NULL;
	case L_SYSTEM:
		return rep_system_label(r->plan, inc->system, lg);
	case L_STATUS:
		return rep_status_label(inc->status, lg);
	case L_DETECTED:
		return rep_time_short(rc->t1, inc->detected);
	case L_LAST_SEEN:
		return inc->last_seen.set ? rep_time_short(rc->t3,
		    inc->last_seen.at) : NULL;
	case L_ALERTS:
		if (inc->alerts == 0)
			return NULL;
		snprintf(rc->count, sizeof(rc->count), "%" PRId64,
		    inc->alerts);
		return rc->count;
	case L_ADDRESS:
		return inc->address;
	case L_NEXT:
		if (inc->next == NULL)
			return NULL;
		/* "!" marks a deadline already passed */
		/* zh: the obligation's name, not its English id */
		snprintf(rc->next, sizeof(rc->next), "%s %s%s",
		    rep_time_short(rc->t2, inc->next->deadline),
		    r->lang == LANG_ZH ? text_in(inc->next->ob->name, lg) :
		    inc->next->ob->id,
		    inc->next->state == OB_OVERDUE ? "!" : "");
		return rc->next;
	case L_STEPS_LEFT:
		snprintf(rc->num, sizeof(rc->num), "%zu", inc->steps_left);
		return rc->num;
	case L_TITLE:
		return inc->title;
	default:
		return NULL;
	}
}

size_t
rep_incident_cells(const struct report *r, const struct rep_incident *inc,
    struct rep_cells *rc)
{
	enum rep_label col[REP_MAXCOLS];
	size_t i, n = rep_incident_columns(r, col);

	for (i = 0; i < n; i++)
		rc->c[i] = incident_cell(r, inc, col[i], rc);
	return n;
}

void
rep_breach_cells(const struct report *r, const struct rep_breach *b,
    struct rep_cells *rc)
{
	enum inc_lang lg = r->lang;

	rc->c[0] = b->inc->id;
	rc->c[1] = text_in(b->ob->ob->name, lg);
	rc->c[2] = rep_state_label(b->ob->state, lg);
	rc->c[3] = b->ob->has_deadline ?
	    rep_time_short(rc->t1, b->ob->deadline) : NULL;
	rc->c[4] = b->ob->done ? rep_time_short(rc->t2, b->ob->done_at) :
	    NULL;
}

char *
rep_time_short(char buf[INC_TIME_LEN], struct inc_time t)
{
	struct inc_time l = time_local(t.t);
	time_t s = (time_t)(l.t + l.offset);
	struct tm tm;

	gmtime_r(&s, &tm);
	strftime(buf, INC_TIME_LEN, "%Y-%m-%d %H:%M", &tm);
	return buf;
}

char *
rep_time_full(char buf[INC_TIME_LEN], struct inc_time t)
{
	return time_format(buf, time_local(t.t));
}

char *
rep_duty_text(const struct report *r)
{
	const struct inc_unit *u = r->plan->duty;
	char *buf = NULL;
	size_t size = 0, i;
	FILE *ms;

	if ((ms = open_memstream(&buf, &size)) == NULL)
		return NULL;
	if (u != NULL) {
		fputs(text_in(u->name, r->lang), ms);
		for (i = 0; i < u->nphones; i++)
			fprintf(ms, "%s%s", i ? ", " : " ", u->phones[i]);
	}
	if (fclose(ms) == EOF) {
		free(buf);
		return NULL;
	}
	return buf;
}

enum rep_label
rep_measure_label(enum rep_measure m)
{
	static const enum rep_label l[MEASURE_COUNT] = {
		L_TO_REPORTED, L_TO_ASSESSED, L_TO_RECOVERED
	};

	return l[m];
}

static void
put_safe_line(FILE *fp, const char *label, const char *s)
{
	if (label != NULL)
		fprintf(fp, "%s: ", label);
	text_put_safe(fp, s, strlen(s), 0);
	putc('\n', fp);
}

static void
heading(FILE *fp, const struct report *r)
{
	char a[INC_TIME_LEN], b[INC_TIME_LEN], *duty;
	enum inc_lang lg = r->lang;

	put_safe_line(fp, NULL, text_in(r->plan->title, lg));
	fprintf(fp, "%s\n", rep_label(L_DAY_TITLE, lg));
	fprintf(fp, "%s: %s -- %s\n", rep_label(L_PERIOD, lg),
	    rep_time_full(a, r->since), rep_time_full(b, r->until));
	rep_zone_line(fp, "", r->until, lg);
	if ((duty = rep_duty_text(r)) != NULL && *duty != '\0')
		put_safe_line(fp, rep_label(L_DUTY, lg), duty);
	free(duty);
	if (r->has_officer) {
		fprintf(fp, "%s: ", rep_label(L_ON_DUTY, lg));
		text_put_safe(fp, r->officer_name, strlen(r->officer_name), 0);
		if (*r->officer_phone != '\0') {
			putc(' ', fp);
			text_put_safe(fp, r->officer_phone,
			    strlen(r->officer_phone), 0);
		}
		putc('\n', fp);
	}
}

/* The bar of a level: one # an incident, scaled down past BAR_MAX. */
static const char *
bar(size_t n, size_t max)
{
	static const char hashes[BAR_MAX + 1] =
	    "##############################";
	size_t len = max > BAR_MAX ? (n * BAR_MAX + max - 1) / max : n;

	return hashes + BAR_MAX - len;
}

static int
counts(FILE *fp, const struct report *r)
{
	enum inc_lang lg = r->lang;
	const char *c[4];
	char num[LEVEL_COUNT + 1][32];
	struct rep_cols t;
	size_t i, j, max = 0, pass;

	fprintf(fp, "\n%s: %s %zu\n", rep_label(L_COUNTS, lg),
	    rep_label(L_DETECTED_N, lg), r->ndetected);
	for (i = 0; i <= LEVEL_COUNT; i++)
		if (r->nlevel[i] > max)
			max = r->nlevel[i];
	fprintf(fp, "%s\n", rep_label(L_BY_LEVEL, lg));
	rcols_init(&t, 4);
	for (pass = 0; pass < 2; pass++) {
		for (i = 1; i <= LEVEL_COUNT + 1; i++) {
			j = i % (LEVEL_COUNT + 1);	/* I..IV, unknown */
			if (j == LEVEL_NONE && r->nlevel[j] == 0)
				continue;
			c[0] = j ? level_id(j) : rep_label(L_UNKNOWN, lg);
			c[1] = j ? text_in(r->plan->levels[j - 1].name, lg) :
			    "";
			snprintf(num[j], sizeof(num[j]), "%zu", r->nlevel[j]);
			c[2] = num[j];
			c[3] = bar(r->nlevel[j], max);
			if (pass == 0)
				rcols_measure(&t, c);
			else if (rcols_row(fp, &t, c, "  ") == -1)
				return -1;
		}
	}

	fprintf(fp, "%s\n", rep_label(L_BY_CATEGORY, lg));
	if (r->ndetected == 0)
		fprintf(fp, "  %s\n", rep_label(L_NONE, lg));
	/* zh: the category's name, not its English id beside it */
	rcols_init(&t, lg == LANG_EN ? 3 : 2);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i <= r->plan->ncategories; i++) {
			if (r->ncategory[i] == 0)
				continue;
			c[0] = i < r->plan->ncategories ?
			    r->plan->categories[i].id : "-";
			c[1] = i < r->plan->ncategories ?
			    text_in(r->plan->categories[i].name, lg) :
			    rep_label(L_UNKNOWN, lg);
			snprintf(num[0], sizeof(num[0]), "%zu",
			    r->ncategory[i]);
			c[2] = num[0];
			if (lg != LANG_EN) {
				c[0] = c[1];
				c[1] = c[2];
			}
			if (pass == 0)
				rcols_measure(&t, c);
			else if (rcols_row(fp, &t, c, "  ") == -1)
				return -1;
		}
	}
	return 0;
}

static int
incidents(FILE *fp, const struct report *r)
{
	enum rep_label col[REP_MAXCOLS];
	struct rep_cells rc;
	struct rep_cols t;
	size_t i, ncols;

	fprintf(fp, "\n%s\n", rep_label(L_INCIDENTS, r->lang));
	if (r->n == 0) {
		fprintf(fp, "  %s\n", rep_label(L_NONE, r->lang));
		return ferror(fp) ? -1 : 0;
	}
	ncols = rep_incident_columns(r, col);
	rcols_init(&t, ncols);
	rep_head_cells(col, ncols, r->lang, &rc);
	rcols_measure(&t, rc.c);
	for (i = 0; i < r->n; i++) {
		rep_incident_cells(r, &r->v[i], &rc);
		rcols_measure(&t, rc.c);
	}
	rep_head_cells(col, ncols, r->lang, &rc);
	if (rcols_row(fp, &t, rc.c, "  ") == -1)
		return -1;
	for (i = 0; i < r->n; i++) {
		rep_incident_cells(r, &r->v[i], &rc);
		if (rcols_row(fp, &t, rc.c, "  ") == -1)
			return -1;
	}
	return 0;
}

static int
obligations(FILE *fp, const struct report *r)
{
	enum inc_lang lg = r->lang;
	struct rep_cells rc;
	struct rep_cols t;
	const char *acc;
	size_t i;

	fprintf(fp, "\n%s\n", rep_label(L_OBLIGATIONS, lg));
	if (r->nbreach == 0) {
		fprintf(fp, "  %s\n", rep_label(L_NONE, lg));
		return ferror(fp) ? -1 : 0;
	}
	rcols_init(&t, REP_BREACH_COLS);
	rep_head_cells(rep_breach_head, REP_BREACH_COLS, lg, &rc);
	rcols_measure(&t, rc.c);
	for (i = 0; i < r->nbreach; i++) {
		rep_breach_cells(r, &r->breach[i], &rc);
		rcols_measure(&t, rc.c);
	}
	rep_head_cells(rep_breach_head, REP_BREACH_COLS, lg, &rc);
	if (rcols_row(fp, &t, rc.c, "  ") == -1)
		return -1;
	for (i = 0; i < r->nbreach; i++) {
		rep_breach_cells(r, &r->breach[i], &rc);
		if (rcols_row(fp, &t, rc.c, "  ") == -1)
			return -1;
	}
	/* The clause that makes these matter: 三(三). */
	acc = text_in(r->plan->accountability, lg);
	fprintf(fp, "  %s: ", r->plan->accountability_clause ?
	    r->plan->accountability_clause : rep_label(L_ACCOUNTABILITY, lg));
	text_put_wrapped(fp, acc, strlen(acc), 72, 4);
	putc('\n', fp);
	return ferror(fp) ? -1 : 0;
}

static int
response(FILE *fp, const struct report *r)
{
	static const enum rep_label head[] = { L_MEASURE, L_MEASURED,
	    L_MEDIAN, L_WORST };
	enum inc_lang lg = r->lang;
	char d[MEASURE_COUNT][2][INC_DURATION_LEN], num[MEASURE_COUNT][32];
	const char *c[MEASURE_COUNT + 1][4];
	struct rep_cols t;
	size_t i, m;

	fprintf(fp, "\n%s\n", rep_label(L_RESPONSE, lg));
	rcols_init(&t, 4);
	for (i = 0; i < 4; i++)
		c[0][i] = rep_label(head[i], lg);
	for (m = 0; m < MEASURE_COUNT; m++) {
		c[m + 1][0] = rep_label(rep_measure_label(m), lg);
		snprintf(num[m], sizeof(num[m]), "%zu", r->stat[m].n);
		c[m + 1][1] = num[m];
		c[m + 1][2] = r->stat[m].n ?
		    duration_format(d[m][0], r->stat[m].median) : NULL;
		c[m + 1][3] = r->stat[m].n ?
		    duration_format(d[m][1], r->stat[m].worst) : NULL;
	}
	for (i = 0; i <= MEASURE_COUNT; i++)
		rcols_measure(&t, c[i]);
	for (i = 0; i <= MEASURE_COUNT; i++)
		if (rcols_row(fp, &t, c[i], "  ") == -1)
			return -1;
	return 0;
}

int
report_day_text(FILE *fp, const struct report *r)
{
	heading(fp, r);
	if (counts(fp, r) == -1 || incidents(fp, r) == -1 ||
	    obligations(fp, r) == -1 || response(fp, r) == -1)
		return -1;
	return ferror(fp) ? -1 : 0;
}
