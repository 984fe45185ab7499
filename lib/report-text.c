/*
 * report-text.c - the day report as text for mail and terminals: aligned
 * columns that count CJK characters as two cells, a bar chart of levels.
 * Every string from a record goes through text_put_safe.
 */
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
rtab_init(struct rep_table *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	if ((t->width = calloc(ncols, sizeof(*t->width))) == NULL)
		t->err = 1;
}

void
rtab_cell(struct rep_table *t, const char *s)
{
	char **nc;
	size_t ncap, w, col;

	if (t->err)
		return;
	if (t->n == t->cap) {
		ncap = t->cap ? t->cap * 2 : 64;
		if ((nc = reallocarray(t->cell, ncap, sizeof(*nc))) == NULL) {
			t->err = 1;
			return;
		}
		t->cell = nc;
		t->cap = ncap;
	}
	if (s == NULL)
		s = "-";
	if ((t->cell[t->n] = rep_safe(s, strlen(s))) == NULL) {
		t->err = 1;
		return;
	}
	col = t->n % t->ncols;
	w = text_width(t->cell[t->n], strlen(t->cell[t->n]));
	if (w > t->width[col])
		t->width[col] = w;
	t->n++;
}

/* Is the rest of the row from cell i on empty (no padding to write)? */
static int
rest_empty(const struct rep_table *t, size_t i)
{
	for (; i < t->n; i++) {
		if (t->cell[i][0] != '\0')
			return 0;
		if ((i + 1) % t->ncols == 0)
			break;
	}
	return 1;
}

/* Two spaces between columns; no spaces at the end of a line. */
int
rtab_write(FILE *fp, struct rep_table *t, const char *indent)
{
	size_t i, col;
	const char *c;

	if (t->err)
		return -1;
	for (i = 0; i < t->n; i++) {
		col = i % t->ncols;
		c = t->cell[i];
		if (col == 0)
			fputs(indent, fp);
		if (col + 1 == t->ncols || rest_empty(t, i + 1)) {
			fputs(c, fp);
			putc('\n', fp);
			/* skip the empty cells left in the row */
			i += t->ncols - 1 - col;
		} else {
			text_put_padded(fp, c, strlen(c), t->width[col]);
			fputs("  ", fp);
		}
	}
	return ferror(fp) ? -1 : 0;
}

void
rtab_free(struct rep_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->cell[i]);
	free(t->cell);
	free(t->width);
	memset(t, 0, sizeof(*t));
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

static int
counts(FILE *fp, const struct report *r)
{
	enum inc_lang lg = r->lang;
	struct rep_table t;
	size_t i, max = 0, bar, j;
	char num[32], *bars;
	int rc;

	fprintf(fp, "\n%s: %s %zu\n", rep_label(L_COUNTS, lg),
	    rep_label(L_DETECTED_N, lg), r->ndetected);
	for (i = 0; i <= LEVEL_COUNT; i++)
		if (r->nlevel[i] > max)
			max = r->nlevel[i];
	fprintf(fp, "%s\n", rep_label(L_BY_LEVEL, lg));
	rtab_init(&t, 4);
	for (i = 1; i <= LEVEL_COUNT + 1; i++) {
		j = i % (LEVEL_COUNT + 1);	/* I..IV, then unknown */
		if (j == LEVEL_NONE && r->nlevel[j] == 0)
			continue;
		rtab_cell(&t, j ? level_id(j) : rep_label(L_UNKNOWN, lg));
		rtab_cell(&t, j ? text_in(r->plan->levels[j - 1].name, lg) :
		    "");
		snprintf(num, sizeof(num), "%zu", r->nlevel[j]);
		rtab_cell(&t, num);
		bar = max > BAR_MAX ? (r->nlevel[j] * BAR_MAX + max - 1) /
		    max : r->nlevel[j];
		if ((bars = malloc(bar + 1)) == NULL) {
			t.err = 1;
			break;
		}
		memset(bars, '#', bar);
		bars[bar] = '\0';
		rtab_cell(&t, bars);
		free(bars);
	}
	rc = rtab_write(fp, &t, "  ");
	rtab_free(&t);
	if (rc == -1)
		return -1;

	fprintf(fp, "%s\n", rep_label(L_BY_CATEGORY, lg));
	rtab_init(&t, 3);
	for (i = 0; i <= r->plan->ncategories; i++) {
		if (r->ncategory[i] == 0)
			continue;
		rtab_cell(&t, i < r->plan->ncategories ?
		    r->plan->categories[i].id : "-");
		rtab_cell(&t, i < r->plan->ncategories ?
		    text_in(r->plan->categories[i].name, lg) :
		    rep_label(L_UNKNOWN, lg));
		snprintf(num, sizeof(num), "%zu", r->ncategory[i]);
		rtab_cell(&t, num);
	}
	if (t.n == 0)
		fprintf(fp, "  %s\n", rep_label(L_NONE, lg));
	rc = rtab_write(fp, &t, "  ");
	rtab_free(&t);
	return rc;
}

static int
incidents(FILE *fp, const struct report *r)
{
	static const enum rep_label head[] = { L_ID, L_LEVEL, L_CATEGORY,
	    L_SYSTEM, L_STATUS, L_DETECTED, L_NEXT, L_STEPS_LEFT, L_TITLE };
	enum inc_lang lg = r->lang;
	const struct rep_incident *inc;
	char tb[INC_TIME_LEN], num[32], next[INC_TIME_LEN + 64];
	struct rep_table t;
	size_t i;
	int rc;

	fprintf(fp, "\n%s\n", rep_label(L_INCIDENTS, lg));
	if (r->n == 0) {
		fprintf(fp, "  %s\n", rep_label(L_NONE, lg));
		return ferror(fp) ? -1 : 0;
	}
	rtab_init(&t, sizeof(head) / sizeof(head[0]));
	for (i = 0; i < t.ncols; i++)
		rtab_cell(&t, rep_label(head[i], lg));
	for (i = 0; i < r->n; i++) {
		inc = &r->v[i];
		rtab_cell(&t, inc->id);
		rtab_cell(&t, inc->level_text);
		rtab_cell(&t, inc->category ? rep_category_label(r->plan,
		    inc->category, lg) : NULL);
		rtab_cell(&t, inc->system);
		rtab_cell(&t, rep_status_label(inc->status, lg));
		rtab_cell(&t, rep_time_short(tb, inc->detected));
		if (inc->next != NULL) {
			snprintf(next, sizeof(next), "%s %s%s",
			    rep_time_short(tb, inc->next->deadline),
			    inc->next->ob->id,
			    inc->next->state == OB_OVERDUE ? "!" : "");
			rtab_cell(&t, next);
		} else
			rtab_cell(&t, NULL);
		snprintf(num, sizeof(num), "%zu", inc->steps_left);
		rtab_cell(&t, num);
		rtab_cell(&t, inc->title);
	}
	rc = rtab_write(fp, &t, "  ");
	rtab_free(&t);
	return rc;
}

static int
obligations(FILE *fp, const struct report *r)
{
	static const enum rep_label head[] = { L_ID, L_OBLIGATION, L_STATE,
	    L_DEADLINE, L_DONE };
	enum inc_lang lg = r->lang;
	const struct rep_breach *b;
	char tb[INC_TIME_LEN];
	struct rep_table t;
	size_t i;
	int rc;

	fprintf(fp, "\n%s\n", rep_label(L_OBLIGATIONS, lg));
	if (r->nbreach == 0) {
		fprintf(fp, "  %s\n", rep_label(L_NONE, lg));
		return ferror(fp) ? -1 : 0;
	}
	rtab_init(&t, sizeof(head) / sizeof(head[0]));
	for (i = 0; i < t.ncols; i++)
		rtab_cell(&t, rep_label(head[i], lg));
	for (i = 0; i < r->nbreach; i++) {
		b = &r->breach[i];
		rtab_cell(&t, b->inc->id);
		rtab_cell(&t, text_in(b->ob->ob->name, lg));
		rtab_cell(&t, rep_state_label(b->ob->state, lg));
		rtab_cell(&t, b->ob->has_deadline ?
		    rep_time_short(tb, b->ob->deadline) : NULL);
		rtab_cell(&t, b->ob->done ?
		    rep_time_short(tb, b->ob->done_at) : NULL);
	}
	rc = rtab_write(fp, &t, "  ");
	rtab_free(&t);
	if (rc == -1)
		return -1;
	/* The clause that makes these matter: 三(三). */
	fprintf(fp, "  %s", r->plan->accountability_clause ?
	    r->plan->accountability_clause : rep_label(L_ACCOUNTABILITY, lg));
	fputs(": ", fp);
	text_put_wrapped(fp, text_in(r->plan->accountability, lg),
	    strlen(text_in(r->plan->accountability, lg)), 72, 4);
	putc('\n', fp);
	return ferror(fp) ? -1 : 0;
}

static int
response(FILE *fp, const struct report *r)
{
	static const enum rep_label head[] = { L_MEASURE, L_MEASURED,
	    L_MEDIAN, L_WORST };
	enum inc_lang lg = r->lang;
	char d[INC_DURATION_LEN], num[32];
	struct rep_table t;
	size_t i, m;
	int rc;

	fprintf(fp, "\n%s\n", rep_label(L_RESPONSE, lg));
	rtab_init(&t, sizeof(head) / sizeof(head[0]));
	for (i = 0; i < t.ncols; i++)
		rtab_cell(&t, rep_label(head[i], lg));
	for (m = 0; m < MEASURE_COUNT; m++) {
		rtab_cell(&t, rep_label(rep_measure_label(m), lg));
		snprintf(num, sizeof(num), "%zu", r->stat[m].n);
		rtab_cell(&t, num);
		rtab_cell(&t, r->stat[m].n ?
		    duration_format(d, r->stat[m].median) : NULL);
		rtab_cell(&t, r->stat[m].n ?
		    duration_format(d, r->stat[m].worst) : NULL);
	}
	rc = rtab_write(fp, &t, "  ");
	rtab_free(&t);
	return rc;
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
