/*
 * report-csv.c - the day report as CSV (csvout.h: libcsv, RFC 4180,
 * formulas neutralised): a header row, then one row per incident of the
 * report.  Column names are ids, the same in every language; values are
 * the record's ids and RFC 3339 times, for machines.  Record text loses
 * its terminal controls too (a CSV file is often just cat'ed), keeping
 * its newlines.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "report-impl.h"

static const char *const columns[] = {
	"id", "level", "category", "subtype", "title", "system", "status",
	"detected", "in_period", "open_at_end", "reported", "assessed",
	"recovered", "closed", "next_deadline", "next_obligation",
	"next_state", "steps_left", "obligations", "alerts", "last_seen",
	"address"
};

/* A cell of record text: made safe, then to csvout. */
static void
text_cell(struct csv_out *c, const char *s)
{
	char *safe;

	if (s == NULL || rep_plain(s, 1)) {
		csv_out_cell(c, s);
		return;
	}
	if ((safe = rep_safe_lines(s, strlen(s))) == NULL) {
		c->error = 1;
		return;
	}
	csv_out_cell(c, safe);
	free(safe);
}

static void
time_cell(struct csv_out *c, const struct rep_when *w)
{
	char tb[INC_TIME_LEN];

	csv_out_cell(c, w->set ? time_format(tb, w->at) : NULL);
}

/* The obligations not met in time, "id:state" separated by spaces. */
static void
breach_cell(struct csv_out *c, const struct report *r,
    const struct rep_incident *inc)
{
	char *buf = NULL;
	size_t size = 0, i;
	FILE *ms;
	int first = 1;

	if ((ms = open_memstream(&buf, &size)) == NULL) {
		c->error = 1;
		return;
	}
	for (i = inc->breach_first; i < inc->breach_first + inc->nbreach;
	    i++) {
		fprintf(ms, "%s%s:%s", first ? "" : " ",
		    r->breach[i].ob->ob->id,
		    ob_state_name(r->breach[i].ob->state));
		first = 0;
	}
	if (fclose(ms) == EOF)
		c->error = 1;
	else
		csv_out_cell(c, buf);
	free(buf);
}

int
rep_day_csv(FILE *fp, const struct report *r)
{
	const struct rep_incident *inc;
	struct rep_when det;
	struct csv_out c;
	char tb[INC_TIME_LEN], num[32];
	size_t i;

	csv_out_init(&c, fp);
	for (i = 0; i < sizeof(columns) / sizeof(columns[0]); i++)
		csv_out_cell(&c, columns[i]);
	csv_out_row_end(&c);
	for (i = 0; i < r->n; i++) {
		inc = &r->v[i];
		text_cell(&c, inc->id);
		text_cell(&c, inc->level_text);
		text_cell(&c, inc->category);
		text_cell(&c, inc->subtype);
		text_cell(&c, inc->title);
		text_cell(&c, inc->system);
		text_cell(&c, inc->status);
		det.set = true;
		det.at = inc->detected;
		time_cell(&c, &det);
		csv_out_cell(&c, inc->in_period ? "yes" : "no");
		csv_out_cell(&c, inc->open_at_end ? "yes" : "no");
		time_cell(&c, &inc->measure[MEASURE_REPORTED]);
		time_cell(&c, &inc->measure[MEASURE_ASSESSED]);
		time_cell(&c, &inc->recovered);
		time_cell(&c, &inc->closed);
		csv_out_cell(&c, inc->next ?
		    time_format(tb, inc->next->deadline) : NULL);
		csv_out_cell(&c, inc->next ? inc->next->ob->id : NULL);
		csv_out_cell(&c, inc->next ?
		    ob_state_name(inc->next->state) : NULL);
		snprintf(num, sizeof(num), "%zu", inc->steps_left);
		csv_out_cell(&c, num);
		breach_cell(&c, r, inc);
		/* Made from alerts: last, so that the columns before keep
		 * their places; empty for an incident a person filed. */
		snprintf(num, sizeof(num), "%" PRId64, inc->alerts);
		csv_out_cell(&c, inc->alerts > 0 ? num : NULL);
		time_cell(&c, &inc->last_seen);
		text_cell(&c, inc->address);
		csv_out_row_end(&c);
	}
	return csv_out_end(&c);
}
