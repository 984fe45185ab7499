/*
 * report-handling.c - the handling report (系统异常事件处理报告, 四) for one
 * incident, ready to file: classification and the basis of its level,
 * the timeline, every step of its procedures with its full text from the
 * plan and who did it when, and how each obligation was met.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "report-impl.h"
#include "text.h"

#define WRAP	72	/* cells of a wrapped paragraph */

/* A labelled line of record text, made safe; "-" when absent. */
static void
line(FILE *fp, const char *indent, const char *label, const char *v)
{
	fprintf(fp, "%s%s: ", indent, label);
	if (v == NULL)
		v = "-";
	text_put_safe(fp, v, strlen(v), 0);
	putc('\n', fp);
}

/*
 * After detected (the first alert), what an incident made from alerts
 * says of them: the last seen, how many, the address, the rule; each
 * only when the record has it, so that one a person filed is shown as
 * it always was.
 */
static void
alert_fields(FILE *fp, const struct report *r, const struct rep_incident *inc,
    void (*put)(FILE *, const char *, const char *, const char *))
{
	enum inc_lang lg = r->lang;
	char tb[INC_TIME_LEN], num[32];

	if (inc->last_seen.set)
		put(fp, "", rep_label(L_LAST_SEEN, lg), rep_time_full(tb,
		    inc->last_seen.at));
	if (inc->alerts > 0) {
		snprintf(num, sizeof(num), "%" PRId64, inc->alerts);
		put(fp, "", rep_label(L_ALERTS, lg), num);
	}
	if (inc->address != NULL)
		put(fp, "", rep_label(L_ADDRESS, lg), inc->address);
	if (inc->rule != NULL)
		put(fp, "", rep_label(L_RULE, lg), inc->rule);
}

/*
 * "name (id)" of a plan element, the id alone when the plan has none;
 * the name alone when with_id is false (Chinese: no English ids beside
 * Chinese names).
 */
static void
named(FILE *fp, const char *indent, const char *label, const char *id,
    const char *name, bool with_id)
{
	fprintf(fp, "%s%s: ", indent, label);
	if (id == NULL) {
		fputs("-\n", fp);
		return;
	}
	if (name != NULL && strcmp(name, id) != 0 && !with_id) {
		text_put_safe(fp, name, strlen(name), 0);
		putc('\n', fp);
	} else if (name != NULL && strcmp(name, id) != 0) {
		text_put_safe(fp, name, strlen(name), 0);
		fputs(" (", fp);
		text_put_safe(fp, id, strlen(id), 0);
		fputs(")\n", fp);
	} else {
		text_put_safe(fp, id, strlen(id), 0);
		putc('\n', fp);
	}
}

/* A value's continuation lines, each made safe, joined by sep. */
static void
put_lines(FILE *fp, const char *s, const char *sep)
{
	size_t n;

	for (;;) {
		n = strcspn(s, "\n");
		text_put_safe(fp, s, n, 0);
		if (s[n] == '\0')
			return;
		fputs(sep, fp);
		s += n + 1;
	}
}

/* The same in a markdown list item: a hard break between lines. */
static void
md_lines(FILE *fp, const char *s)
{
	char *line;
	size_t n;

	for (;;) {
		n = strcspn(s, "\n");
		if ((line = strndup(s, n)) != NULL) {
			rep_md_put(fp, line);
			free(line);
		}
		if (s[n] == '\0')
			return;
		fputs("  \n  ", fp);
		s += n + 1;
	}
}

static const char *
subtype_label(const struct report *r, const struct rep_incident *inc)
{
	const struct inc_category *c;
	const struct inc_subtype *s;

	if (inc->subtype == NULL || inc->category == NULL ||
	    (c = plan_category(r->plan, inc->category)) == NULL ||
	    (s = plan_subtype(c, inc->subtype)) == NULL)
		return inc->subtype;
	return text_in(s->name, r->lang);
}

static const char *
level_label(const struct report *r, const struct rep_incident *inc)
{
	if (inc->level == LEVEL_NONE)
		return inc->level_text;
	return text_in(r->plan->levels[inc->level - 1].name, r->lang);
}

static void
text_steps(FILE *fp, const struct report *r, const struct rep_incident *inc)
{
	const struct inc_procedure *p;
	const struct rep_step *sd;
	const struct inc_step *st;
	enum inc_lang lg = r->lang;
	char tb[INC_TIME_LEN];
	const char *txt;
	size_t i, k;

	fprintf(fp, "\n%s\n", rep_label(L_STEPS, lg));
	if (inc->nprocs == 0)
		fprintf(fp, "  %s\n", rep_label(L_NONE, lg));
	for (i = 0; i < inc->nprocs; i++) {
		p = inc->procs[i];
		fprintf(fp, "  %s (%s, %s)\n", text_in(p->name, lg), p->id,
		    p->clause ? p->clause : "-");
		for (k = 0; k < p->nsteps; k++) {
			st = &p->steps[k];
			sd = rep_step_done(inc, p, st->n);
			fprintf(fp, "  [%c] %d. ", sd ? 'x' : ' ', st->n);
			txt = text_in(st->text, lg);
			text_put_wrapped(fp, txt, strlen(txt), WRAP, 8);
			putc('\n', fp);
			if (sd == NULL) {
				fprintf(fp, "        %s\n",
				    rep_label(L_NOT_DONE, lg));
				continue;
			}
			fprintf(fp, "        %s: %s", rep_label(L_DONE, lg),
			    rep_time_short(tb, sd->at));
			if (*sd->who != '\0') {
				fprintf(fp, "  %s: ", rep_label(L_BY_WHOM, lg));
				text_put_safe(fp, sd->who, strlen(sd->who), 0);
			}
			putc('\n', fp);
		}
	}
}

static int
text_obligations(FILE *fp, const struct report *r,
    const struct rep_incident *inc)
{
	static const enum rep_label head[] = { L_OBLIGATION, L_STATE,
	    L_DEADLINE, L_DONE };
	enum inc_lang lg = r->lang;
	const struct rep_ob *o;
	char t1[INC_TIME_LEN], t2[INC_TIME_LEN];
	const char *c[4];
	struct rep_cols t;
	size_t i, pass;

	fprintf(fp, "\n%s\n", rep_label(L_OBLIGATIONS_ALL, lg));
	rep_cols_init(&t, 4);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < 4; i++)
			c[i] = rep_label(head[i], lg);
		if (pass == 0)
			rep_cols_measure(&t, c);
		else if (rep_cols_row(fp, &t, c, "  ") == -1)
			return -1;
		for (i = 0; i < inc->nobs; i++) {
			o = &inc->obs[i];
			c[0] = text_in(o->ob->name, lg);
			c[1] = rep_state_label(o->state, lg);
			c[2] = o->has_deadline ?
			    rep_time_short(t1, o->deadline) : NULL;
			c[3] = o->done ? rep_time_short(t2, o->done_at) : NULL;
			if (pass == 0)
				rep_cols_measure(&t, c);
			else if (rep_cols_row(fp, &t, c, "  ") == -1)
				return -1;
		}
	}
	return 0;
}

int
rep_handling_text(FILE *fp, const struct report *r)
{
	const struct rep_incident *inc = report_incident(r);
	enum inc_lang lg = r->lang;
	const struct inc_plan *pl = r->plan;
	char tb[INC_TIME_LEN], now[INC_TIME_LEN];
	struct rep_when w;
	const char *txt;
	size_t i;

	if (inc == NULL)
		return 0;
	fprintf(fp, "%s\n%s\n", text_in(pl->title, lg),
	    rep_label(L_HANDLING_TITLE, lg));
	fprintf(fp, "%s: %s\n", rep_label(L_AS_OF, lg),
	    rep_time_full(now, r->now));
	rep_zone_line(fp, "", r->now, lg);
	putc('\n', fp);
	line(fp, "", rep_label(L_ID, lg), inc->id);
	line(fp, "", rep_label(L_TITLE, lg), inc->title);
	line(fp, "", rep_label(L_SOURCE, lg), inc->source);
	line(fp, "", rep_label(L_SYSTEM, lg),
	    rep_system_label(pl, inc->system, lg));
	line(fp, "", rep_label(L_STATUS, lg),
	    rep_status_label(inc->status, lg));
	line(fp, "", rep_label(L_DETECTED, lg), rep_time_full(tb,
	    inc->detected));
	alert_fields(fp, r, inc, line);
	line(fp, "", rep_label(L_CLOSED, lg), inc->closed.set ?
	    rep_time_full(tb, inc->closed.at) : NULL);

	fprintf(fp, "\n%s\n", rep_label(L_CLASSIFICATION, lg));
	named(fp, "  ", rep_label(L_CATEGORY, lg), inc->category,
	    inc->category ? rep_category_label(pl, inc->category, lg) : NULL,
	    lg == LANG_EN);
	named(fp, "  ", rep_label(L_SUBTYPE, lg), inc->subtype,
	    subtype_label(r, inc), lg == LANG_EN);
	named(fp, "  ", rep_label(L_IMPORTANCE, lg), inc->importance,
	    rep_scale_label(&pl->importance, inc->importance, lg),
	    lg == LANG_EN);
	named(fp, "  ", rep_label(L_LOSS, lg), inc->loss,
	    rep_scale_label(&pl->loss, inc->loss, lg), lg == LANG_EN);
	named(fp, "  ", rep_label(L_IMPACT, lg), inc->impact,
	    rep_scale_label(&pl->impact, inc->impact, lg), lg == LANG_EN);
	/* I to IV are no English: 一般 (IV) says which 一般 */
	named(fp, "  ", rep_label(L_LEVEL, lg), inc->level_text,
	    level_label(r, inc), true);
	line(fp, "  ", rep_label(L_BASIS, lg), inc->level_basis);

	fprintf(fp, "\n%s\n", rep_label(L_TIMELINE, lg));
	if (inc->nlog == 0)
		fprintf(fp, "  %s\n", rep_label(L_NONE, lg));
	for (i = 0; i < inc->nlog; i++) {
		txt = rep_log_split(inc->log[i], &w);
		fprintf(fp, "  %-16s  ", w.set ? rep_time_short(tb, w.at) :
		    "-");
		put_lines(fp, txt, "\n                    ");
		putc('\n', fp);
	}
	text_steps(fp, r, inc);
	if (text_obligations(fp, r, inc) == -1)
		return -1;
	return ferror(fp) ? -1 : 0;
}

static void
md_field(FILE *fp, const char *label, const char *v)
{
	fprintf(fp, "| %s | ", label);
	rep_md_put(fp, v ? v : "-");
	fputs(" |\n", fp);
}

static void
md_line(FILE *fp, const char *indent, const char *label, const char *v)
{
	(void)indent;
	md_field(fp, label, v);
}

int
rep_handling_markdown(FILE *fp, const struct report *r)
{
	const struct rep_incident *inc = report_incident(r);
	const struct inc_plan *pl = r->plan;
	const struct inc_procedure *p;
	const struct rep_step *sd;
	enum inc_lang lg = r->lang;
	char tb[INC_TIME_LEN], zone[REP_ZONE_LEN];
	struct rep_when w;
	const char *txt;
	size_t i, k;

	if (inc == NULL)
		return 0;
	fputs("# ", fp);
	rep_md_put(fp, text_in(pl->title, lg));
	fprintf(fp, " %s\n\n", rep_label(L_HANDLING_TITLE, lg));
	fprintf(fp, "| | |\n| --- | --- |\n");
	md_field(fp, rep_label(L_ID, lg), inc->id);
	md_field(fp, rep_label(L_TITLE, lg), inc->title);
	md_field(fp, rep_label(L_SOURCE, lg), inc->source);
	md_field(fp, rep_label(L_SYSTEM, lg),
	    rep_system_label(pl, inc->system, lg));
	md_field(fp, rep_label(L_STATUS, lg),
	    rep_status_label(inc->status, lg));
	md_field(fp, rep_label(L_DETECTED, lg),
	    rep_time_full(tb, inc->detected));
	alert_fields(fp, r, inc, md_line);
	md_field(fp, rep_label(L_CLOSED, lg), inc->closed.set ?
	    rep_time_full(tb, inc->closed.at) : NULL);
	md_field(fp, rep_label(L_AS_OF, lg), rep_time_full(tb, r->now));
	md_field(fp, rep_label(L_ZONE, lg), rep_zone_text(zone, r->now));

	fprintf(fp, "\n## %s\n\n| | |\n| --- | --- |\n",
	    rep_label(L_CLASSIFICATION, lg));
	md_field(fp, rep_label(L_CATEGORY, lg), inc->category ?
	    rep_category_label(pl, inc->category, lg) : NULL);
	md_field(fp, rep_label(L_SUBTYPE, lg), subtype_label(r, inc));
	md_field(fp, rep_label(L_IMPORTANCE, lg),
	    rep_scale_label(&pl->importance, inc->importance, lg));
	md_field(fp, rep_label(L_LOSS, lg),
	    rep_scale_label(&pl->loss, inc->loss, lg));
	md_field(fp, rep_label(L_IMPACT, lg),
	    rep_scale_label(&pl->impact, inc->impact, lg));
	md_field(fp, rep_label(L_LEVEL, lg), inc->level_text);
	md_field(fp, rep_label(L_BASIS, lg), inc->level_basis);

	fprintf(fp, "\n## %s\n\n", rep_label(L_TIMELINE, lg));
	for (i = 0; i < inc->nlog; i++) {
		txt = rep_log_split(inc->log[i], &w);
		fprintf(fp, "- %s ", w.set ? rep_time_short(tb, w.at) : "-");
		md_lines(fp, txt);
		putc('\n', fp);
	}
	if (inc->nlog == 0)
		fprintf(fp, "%s\n", rep_label(L_NONE, lg));

	fprintf(fp, "\n## %s\n", rep_label(L_STEPS, lg));
	for (i = 0; i < inc->nprocs; i++) {
		p = inc->procs[i];
		fprintf(fp, "\n### %s (%s, %s)\n\n", text_in(p->name, lg),
		    p->id, p->clause ? p->clause : "-");
		for (k = 0; k < p->nsteps; k++) {
			sd = rep_step_done(inc, p, p->steps[k].n);
			fprintf(fp, "%d. [%c] ", p->steps[k].n, sd ? 'x' : ' ');
			rep_md_put(fp, text_in(p->steps[k].text, lg));
			if (sd != NULL) {
				fprintf(fp, " (%s %s", rep_label(L_DONE, lg),
				    rep_time_short(tb, sd->at));
				if (*sd->who != '\0') {
					fprintf(fp, ", %s ",
					    rep_label(L_BY_WHOM, lg));
					rep_md_put(fp, sd->who);
				}
				putc(')', fp);
			}
			putc('\n', fp);
		}
	}

	fprintf(fp, "\n## %s\n\n", rep_label(L_OBLIGATIONS_ALL, lg));
	fprintf(fp, "| %s | %s | %s | %s |\n| --- | --- | --- | --- |\n",
	    rep_label(L_OBLIGATION, lg), rep_label(L_STATE, lg),
	    rep_label(L_DEADLINE, lg), rep_label(L_DONE, lg));
	for (i = 0; i < inc->nobs; i++) {
		fprintf(fp, "| %s | %s | ", text_in(inc->obs[i].ob->name, lg),
		    rep_state_label(inc->obs[i].state, lg));
		fprintf(fp, "%s | ", inc->obs[i].has_deadline ?
		    rep_time_short(tb, inc->obs[i].deadline) : "-");
		fprintf(fp, "%s |\n", inc->obs[i].done ?
		    rep_time_short(tb, inc->obs[i].done_at) : "-");
	}
	return ferror(fp) ? -1 : 0;
}

static void
kv_named(struct json *j, const char *key, const char *id, const char *name)
{
	json_key(j, key);
	if (id == NULL) {
		json_null(j);
		return;
	}
	json_object_begin(j);
	json_kv_string(j, "id", id);
	json_kv_string(j, "name", name);
	json_object_end(j);
}

int
rep_handling_json(FILE *fp, const struct report *r)
{
	const struct rep_incident *inc = report_incident(r);
	const struct inc_plan *pl = r->plan;
	const struct inc_procedure *p;
	const struct rep_step *sd;
	enum inc_lang lg = r->lang;
	char tb[INC_TIME_LEN];
	struct rep_when w;
	struct json j;
	const char *txt;
	size_t i, k;

	if (inc == NULL)
		return 0;
	json_init(&j, fp, true);
	json_object_begin(&j);
	json_kv_string(&j, "report", "handling");
	json_kv_string(&j, "plan", pl->id);
	json_kv_string(&j, "as_of", rep_time_full(tb, r->now));
	json_kv_string(&j, "id", inc->id);
	json_kv_string(&j, "title", inc->title);
	json_kv_string(&j, "source", inc->source);
	json_kv_string(&j, "system", inc->system);
	json_kv_string(&j, "status", inc->status);
	json_kv_string(&j, "detected", time_format(tb, inc->detected));
	rep_json_alerts(&j, inc);
	json_kv_string(&j, "rule", inc->rule);
	json_key(&j, "closed");
	if (inc->closed.set)
		json_string(&j, time_format(tb, inc->closed.at));
	else
		json_null(&j);

	json_key(&j, "classification");
	json_object_begin(&j);
	kv_named(&j, "category", inc->category, inc->category ?
	    rep_category_label(pl, inc->category, lg) : NULL);
	kv_named(&j, "subtype", inc->subtype, subtype_label(r, inc));
	kv_named(&j, "importance", inc->importance,
	    rep_scale_label(&pl->importance, inc->importance, lg));
	kv_named(&j, "loss", inc->loss, rep_scale_label(&pl->loss,
	    inc->loss, lg));
	kv_named(&j, "impact", inc->impact, rep_scale_label(&pl->impact,
	    inc->impact, lg));
	kv_named(&j, "level", inc->level_text, level_label(r, inc));
	json_kv_string(&j, "level_basis", inc->level_basis);
	json_object_end(&j);

	json_key(&j, "timeline");
	json_array_begin(&j);
	for (i = 0; i < inc->nlog; i++) {
		txt = rep_log_split(inc->log[i], &w);
		json_object_begin(&j);
		json_key(&j, "time");
		if (w.set)
			json_string(&j, time_format(tb, w.at));
		else
			json_null(&j);
		json_kv_string(&j, "text", txt);
		json_object_end(&j);
	}
	json_array_end(&j);

	json_key(&j, "procedures");
	json_array_begin(&j);
	for (i = 0; i < inc->nprocs; i++) {
		p = inc->procs[i];
		json_object_begin(&j);
		json_kv_string(&j, "id", p->id);
		json_kv_string(&j, "name", text_in(p->name, lg));
		json_kv_string(&j, "clause", p->clause);
		json_key(&j, "steps");
		json_array_begin(&j);
		for (k = 0; k < p->nsteps; k++) {
			sd = rep_step_done(inc, p, p->steps[k].n);
			json_object_begin(&j);
			json_kv_int(&j, "n", p->steps[k].n);
			json_kv_string(&j, "clause", p->steps[k].clause);
			json_kv_string(&j, "text", text_in(p->steps[k].text,
			    lg));
			json_key(&j, "done");
			json_bool(&j, sd != NULL);
			json_key(&j, "at");
			if (sd != NULL)
				json_string(&j, time_format(tb, sd->at));
			else
				json_null(&j);
			json_kv_string(&j, "by", sd && *sd->who ? sd->who :
			    NULL);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);

	json_key(&j, "obligations");
	json_array_begin(&j);
	for (i = 0; i < inc->nobs; i++)
		rep_json_ob(&j, &inc->obs[i], lg, true);
	json_array_end(&j);
	json_object_end(&j);
	return json_end(&j);
}
