/*
 * report-text.c - the day report as text for mail and terminals: aligned
 * columns that count CJK characters as two cells, a bar chart of levels.
 * Every string from a record goes through text_put_safe.
 */
#include <stdlib.h>
#include <string.h>

#include "report-impl.h"
#include "text.h"

#define BAR_MAX	30	/* cells of the longest bar */

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
	rep_cols_init(&t, 4);
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
				rep_cols_measure(&t, c);
			else if (rep_cols_row(fp, &t, c, "  ") == -1)
				return -1;
		}
	}

	fprintf(fp, "%s\n", rep_label(L_BY_CATEGORY, lg));
	if (r->ndetected == 0)
		fprintf(fp, "  %s\n", rep_label(L_NONE, lg));
	/* zh: the category's name, not its English id beside it */
	rep_cols_init(&t, lg == LANG_EN ? 3 : 2);
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
				rep_cols_measure(&t, c);
			else if (rep_cols_row(fp, &t, c, "  ") == -1)
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
	rep_cols_init(&t, ncols);
	rep_head_cells(col, ncols, r->lang, &rc);
	rep_cols_measure(&t, rc.c);
	for (i = 0; i < r->n; i++) {
		rep_incident_cells(r, &r->v[i], &rc);
		rep_cols_measure(&t, rc.c);
	}
	rep_head_cells(col, ncols, r->lang, &rc);
	if (rep_cols_row(fp, &t, rc.c, "  ") == -1)
		return -1;
	for (i = 0; i < r->n; i++) {
		rep_incident_cells(r, &r->v[i], &rc);
		if (rep_cols_row(fp, &t, rc.c, "  ") == -1)
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
	rep_cols_init(&t, REP_BREACH_COLS);
	rep_head_cells(rep_breach_head, REP_BREACH_COLS, lg, &rc);
	rep_cols_measure(&t, rc.c);
	for (i = 0; i < r->nbreach; i++) {
		rep_breach_cells(r, &r->breach[i], &rc);
		rep_cols_measure(&t, rc.c);
	}
	rep_head_cells(rep_breach_head, REP_BREACH_COLS, lg, &rc);
	if (rep_cols_row(fp, &t, rc.c, "  ") == -1)
		return -1;
	for (i = 0; i < r->nbreach; i++) {
		rep_breach_cells(r, &r->breach[i], &rc);
		if (rep_cols_row(fp, &t, rc.c, "  ") == -1)
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
	rep_cols_init(&t, 4);
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
		rep_cols_measure(&t, c[i]);
	for (i = 0; i <= MEASURE_COUNT; i++)
		if (rep_cols_row(fp, &t, c[i], "  ") == -1)
			return -1;
	return 0;
}

int
rep_day_text(FILE *fp, const struct report *r)
{
	heading(fp, r);
	if (counts(fp, r) == -1 || incidents(fp, r) == -1 ||
	    obligations(fp, r) == -1 || response(fp, r) == -1)
		return -1;
	return ferror(fp) ? -1 : 0;
}
