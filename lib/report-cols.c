/*
 * report-cols.c - the rows of the reports' tables: the cells of the day
 * report's incident list and obligation list with their headings (text
 * and markdown print the same cells), and columns aligned for text in
 * two passes, measure every row, then write every row (the day and the
 * handling report's text).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "report-impl.h"
#include "text.h"

void
rep_cols_init(struct rep_cols *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols < REP_MAXCOLS ? ncols : REP_MAXCOLS;
}

void
rep_cols_measure(struct rep_cols *t, const char *const *cells)
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
rep_cols_row(FILE *fp, const struct rep_cols *t, const char *const *cells,
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
