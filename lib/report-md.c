/*
 * report-md.c - the day report as markdown: headings and tables, every
 * cell escaped by rep_md_put (report-out.c: no pipes, newlines, markup
 * or terminal controls from a record reach the page).
 */
#include <stdlib.h>

#include "report-impl.h"

static void
cell(FILE *fp, const char *s)
{
	if (s == NULL)
		s = "-";
	fputs("| ", fp);
	rep_md_put(fp, s);
	putc(' ', fp);
}

static void
row_end(FILE *fp)
{
	fputs("|\n", fp);
}

static void
header(FILE *fp, const enum rep_label *h, size_t n, enum inc_lang lg)
{
	size_t i;

	for (i = 0; i < n; i++)
		cell(fp, rep_label(h[i], lg));
	row_end(fp);
	for (i = 0; i < n; i++)
		fputs("| --- ", fp);
	row_end(fp);
}

static void
heading(FILE *fp, const struct report *r)
{
	char a[INC_TIME_LEN], b[INC_TIME_LEN], *duty;
	const char *title = text_in(r->plan->title, r->lang);
	enum inc_lang lg = r->lang;

	fputs("# ", fp);
	rep_md_put(fp, title);
	fprintf(fp, " %s\n\n", rep_label(L_DAY_TITLE, lg));
	fprintf(fp, "- %s: %s -- %s\n", rep_label(L_PERIOD, lg),
	    rep_time_full(a, r->since), rep_time_full(b, r->until));
	rep_zone_line(fp, "- ", r->until, lg);
	if ((duty = rep_duty_text(r)) != NULL && *duty != '\0') {
		fprintf(fp, "- %s: ", rep_label(L_DUTY, lg));
		rep_md_put(fp, duty);
		putc('\n', fp);
	}
	free(duty);
	if (r->has_officer) {
		fprintf(fp, "- %s: ", rep_label(L_ON_DUTY, lg));
		rep_md_put(fp, r->officer_name);
		putc(' ', fp);
		rep_md_put(fp, r->officer_phone);
		putc('\n', fp);
	}
}

static void
counts(FILE *fp, const struct report *r)
{
	static const enum rep_label lh[] = { L_LEVEL, L_NAME, L_TOTAL };
	enum inc_lang lg = r->lang;
	char num[32];
	size_t i, j;

	fprintf(fp, "\n## %s\n\n%s: %zu\n\n", rep_label(L_COUNTS, lg),
	    rep_label(L_DETECTED_N, lg), r->ndetected);
	fprintf(fp, "### %s\n\n", rep_label(L_BY_LEVEL, lg));
	header(fp, lh, 3, lg);
	for (i = 1; i <= LEVEL_COUNT + 1; i++) {
		j = i % (LEVEL_COUNT + 1);
		if (j == LEVEL_NONE && r->nlevel[j] == 0)
			continue;
		cell(fp, j ? level_id(j) : rep_label(L_UNKNOWN, lg));
		cell(fp, j ? text_in(r->plan->levels[j - 1].name, lg) : "");
		snprintf(num, sizeof(num), "%zu", r->nlevel[j]);
		cell(fp, num);
		row_end(fp);
	}
	fprintf(fp, "\n### %s\n\n", rep_label(L_BY_CATEGORY, lg));
	/* zh: the category's name alone, not its English id */
	if (lg == LANG_EN)
		header(fp, (const enum rep_label[]){ L_CATEGORY, L_NAME,
		    L_TOTAL }, 3, lg);
	else
		header(fp, (const enum rep_label[]){ L_CATEGORY, L_TOTAL },
		    2, lg);
	for (i = 0; i <= r->plan->ncategories; i++) {
		if (i == r->plan->ncategories && r->ncategory[i] == 0)
			continue;
		if (lg == LANG_EN)
			cell(fp, i < r->plan->ncategories ?
			    r->plan->categories[i].id : "-");
		cell(fp, i < r->plan->ncategories ?
		    text_in(r->plan->categories[i].name, lg) :
		    rep_label(L_UNKNOWN, lg));
		snprintf(num, sizeof(num), "%zu", r->ncategory[i]);
		cell(fp, num);
		row_end(fp);
	}
}

static void
row(FILE *fp, const struct rep_cells *rc, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cell(fp, rc->c[i]);
	row_end(fp);
}

static void
incidents(FILE *fp, const struct report *r)
{
	enum rep_label col[REP_MAXCOLS];
	enum inc_lang lg = r->lang;
	struct rep_cells rc;
	size_t i, ncols;

	fprintf(fp, "\n## %s\n\n", rep_label(L_INCIDENTS, lg));
	if (r->n == 0) {
		fprintf(fp, "%s\n", rep_label(L_NONE, lg));
		return;
	}
	ncols = rep_incident_columns(r, col);
	header(fp, col, ncols, lg);
	for (i = 0; i < r->n; i++) {
		rep_incident_cells(r, &r->v[i], &rc);
		row(fp, &rc, ncols);
	}
}

static void
obligations(FILE *fp, const struct report *r)
{
	enum inc_lang lg = r->lang;
	struct rep_cells rc;
	const char *acc;
	size_t i;

	fprintf(fp, "\n## %s\n\n", rep_label(L_OBLIGATIONS, lg));
	if (r->nbreach == 0) {
		fprintf(fp, "%s\n", rep_label(L_NONE, lg));
		return;
	}
	header(fp, rep_breach_head, REP_BREACH_COLS, lg);
	for (i = 0; i < r->nbreach; i++) {
		rep_breach_cells(r, &r->breach[i], &rc);
		row(fp, &rc, REP_BREACH_COLS);
	}
	acc = text_in(r->plan->accountability, lg);
	fprintf(fp, "\n> %s: ", r->plan->accountability_clause ?
	    r->plan->accountability_clause : rep_label(L_ACCOUNTABILITY, lg));
	rep_md_put(fp, acc);
	putc('\n', fp);
}

static void
response(FILE *fp, const struct report *r)
{
	static const enum rep_label h[] = { L_MEASURE, L_MEASURED,
	    L_MEDIAN, L_WORST };
	enum inc_lang lg = r->lang;
	char d[INC_DURATION_LEN], num[32];
	size_t m;

	fprintf(fp, "\n## %s\n\n", rep_label(L_RESPONSE, lg));
	header(fp, h, sizeof(h) / sizeof(h[0]), lg);
	for (m = 0; m < MEASURE_COUNT; m++) {
		cell(fp, rep_label(rep_measure_label(m), lg));
		snprintf(num, sizeof(num), "%zu", r->stat[m].n);
		cell(fp, num);
		cell(fp, r->stat[m].n ?
		    duration_format(d, r->stat[m].median) : NULL);
		cell(fp, r->stat[m].n ?
		    duration_format(d, r->stat[m].worst) : NULL);
		row_end(fp);
	}
}

int
rep_day_markdown(FILE *fp, const struct report *r)
{
	heading(fp, r);
	counts(fp, r);
	incidents(fp, r);
	obligations(fp, r);
	response(fp, r);
	return ferror(fp) ? -1 : 0;
}
