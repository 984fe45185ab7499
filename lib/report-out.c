/*
 * report-out.c - what the writers of inc-report(1) share, apart from the
 * report's data (as mandoc's out.c is apart from its formatters): record
 * text made safe, times for people and for machines, the duty line, the
 * names of the measures, a handling report's steps and log lines, and
 * the JSON of an obligation and of an incident's alerts.  It needs the
 * data's types only: report.c needs nothing here, nor does any file
 * here need a writer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"
#include "report-impl.h"
#include "text.h"

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

/* Terminal controls out first, then markdown's own characters. */
void
rep_md_put(FILE *fp, const char *s)
{
	char *safe;

	if (rep_plain(s, 0)) {
		text_put_markdown_cell(fp, s, strlen(s));
		return;
	}
	if ((safe = rep_safe(s, strlen(s))) == NULL) {
		/* Out of memory: drop the text rather than risk it. */
		fputs("?", fp);
		return;
	}
	text_put_markdown_cell(fp, safe, strlen(safe));
	free(safe);
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

/*
 * The key of each measure in JSON ("response_times"), in enum
 * rep_measure order: the output's names, inc-report(1)'s.  They are the
 * words of the record fields measured to (report.c reads those by its
 * own table), on purpose: a reader of the JSON knows the field.
 */
const char *
rep_measure_key(enum rep_measure m)
{
	static const char *const key[MEASURE_COUNT] = {
		"reported", "assessed", "recovered"
	};

	return key[m];
}

enum rep_label
rep_measure_label(enum rep_measure m)
{
	static const enum rep_label l[MEASURE_COUNT] = {
		L_TO_REPORTED, L_TO_ASSESSED, L_TO_RECOVERED
	};

	return l[m];
}

/* The record of step n of p, NULL when not done. */
const struct rep_step *
rep_step_done(const struct rep_incident *inc, const struct inc_procedure *p,
    int n)
{
	size_t i;

	for (i = 0; i < inc->nsteps; i++)
		if (inc->steps[i].proc == p && inc->steps[i].n == n)
			return &inc->steps[i];
	return NULL;
}

/* Split a log value into its leading time (when it has one) and text. */
const char *
rep_log_split(const char *v, struct rep_when *w)
{
	const char *end;

	w->set = time_lead(v, strlen(v), &w->at, &end) == 0;
	if (!w->set)
		return v;
	/* the one blank after the time is the separator, the rest text */
	return *end != '\0' ? end + 1 : end;
}

void
rep_json_time(struct json *j, const char *key, struct inc_time t)
{
	char tb[INC_TIME_LEN];

	json_kv_string(j, key, time_format(tb, t));
}

void
rep_json_when(struct json *j, const char *key, const struct rep_when *w)
{
	if (w->set)
		rep_json_time(j, key, w->at);
	else {
		json_key(j, key);
		json_null(j);
	}
}

/*
 * An incident made from alerts: alerts, last_seen, address; null for
 * one a person filed (the handling report's keys too).
 */
void
rep_json_alerts(struct json *j, const struct rep_incident *inc)
{
	json_key(j, "alerts");
	if (inc->alerts > 0)
		json_int(j, inc->alerts);
	else
		json_null(j);
	rep_json_when(j, "last_seen", &inc->last_seen);
	json_kv_string(j, "address", inc->address);
}

/*
 * One obligation's keys: id, state, deadline, done; with names, also its
 * name and clause (the handling report; the day report names each
 * obligation once, under "obligation_names", as a day may list many).
 */
void
rep_json_ob_fields(struct json *j, const struct rep_ob *o, enum inc_lang lg,
    bool names)
{
	struct rep_when w;

	json_kv_string(j, "obligation", o->ob->id);
	if (names) {
		json_kv_string(j, "name", text_in(o->ob->name, lg));
		json_kv_string(j, "clause", o->ob->clause);
	}
	json_kv_string(j, "state", ob_state_name(o->state));
	w.set = o->has_deadline;
	w.at = o->deadline;
	rep_json_when(j, "deadline", &w);
	w.set = o->done;
	w.at = o->done_at;
	rep_json_when(j, "done", &w);
}

void
rep_json_ob(struct json *j, const struct rep_ob *o, enum inc_lang lg,
    bool names)
{
	json_object_begin(j);
	rep_json_ob_fields(j, o, lg, names);
	json_object_end(j);
}
