/*
 * notice.c - who must be told, how to reach them, and the notice itself:
 * one line per obligation (DESIGN section 4), so that grep, wc and mail
 * gateways see one notice as one line.  Names, roles, posts and phones
 * come from the plan; only the labels are here.
 */
#include <inttypes.h>
#include <string.h>

#include "notice.h"
#include "text.h"

#define CONTACT_HOPS	8	/* a contact loop in a plan ends here */

struct labels {
	const char *state[5];
	const char *by, *left, *deadline, *duty, *tell, *phones, *through;
	const char *before, *before_end, *incident, *none;
	const char *no_phone, *via_end, *closed;
	const char *open, *close, *comma, *semi, *list, *colon;
};

static const struct labels zh = {
	/* the reports' words too (rep_state_label): one set */
	{ "按时", "迟报", "未到期", "逾期未报", "漏报" },
	" ", "剩 ", "期限 ", "值班 ", "通知 ", "电话 ", "经",
	"在 ", " 之前", "事件 ", "无",
	"预案未列其电话，", "联系", "事件关闭",
	"（", "）", "，", "；", "、", "："
};

static const struct labels en = {
	{ "met", "late", "pending", "overdue", "missed" },
	" by ", " left", "deadline ", "on duty ", "tell ", "phones ",
	"through ", "before ", "", "incident ", "none",
	"no phone of its own in the plan: ", "", "closed",
	" (", ")", ", ", "; ", ", ", ": "
};

static const struct labels *
labels(enum inc_lang lang)
{
	return lang == LANG_EN ? &en : &zh;
}

bool
notice_wanted(enum ob_state s)
{
	return s == OB_PENDING || s == OB_OVERDUE || s == OB_LATE;
}

const char *
ob_state_label(enum ob_state s, enum inc_lang lang)
{
	if ((unsigned)s > OB_MISSED)
		return "?";
	return labels(lang)->state[s];
}

const struct inc_person *
notice_person(const struct inc_unit *u)
{
	static const char *const first[] = { "head", "director" };
	size_t i, j;

	for (j = 0; j < sizeof(first) / sizeof(first[0]); j++)
		for (i = 0; i < u->nmembers; i++)
			if (u->members[i].role != NULL &&
			    strcmp(u->members[i].role, first[j]) == 0)
				return &u->members[i];
	return u->nmembers > 0 ? &u->members[0] : NULL;
}

const struct inc_unit *
notice_reach(const struct inc_unit *u)
{
	int hops;

	for (hops = 0; u != NULL && hops < CONTACT_HOPS; hops++) {
		if (u->nphones > 0)
			return u;
		u = u->contact;
	}
	return NULL;
}

bool
notice_delta(const struct ob_status *st, struct inc_time now, int64_t *d)
{
	if (!st->has_deadline)
		return false;
	*d = (st->done ? st->done_at.t : now.t) - st->deadline.t;
	return true;
}

/* Text from a record or a plan, safe on a terminal, on one line. */
static void
put(FILE *fp, const char *s)
{
	text_put_safe(fp, s, strlen(s), 0);
}

/* A value for a tsv cell: no tab, no line break, no control. */
static void
put_cell(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++)
		fputc(*p < 0x20 || *p == 0x7f ? ' ' : *p, fp);
}

static void
put_phones(FILE *fp, const struct inc_unit *u, const char *sep, bool cell)
{
	size_t i;

	for (i = 0; i < u->nphones; i++) {
		if (i > 0)
			fputs(sep, fp);
		if (cell)
			put_cell(fp, u->phones[i]);
		else
			put(fp, u->phones[i]);
	}
}

static char *
shown(char buf[INC_TIME_LEN], struct inc_time t, struct inc_time now)
{
	t.offset = now.offset;
	return time_format(buf, t);
}

/* "逾期 2h5m", "overdue by 2h5m", "pending, 35m left", "late by 1h". */
static void
put_state(FILE *fp, const struct notice *n, const struct labels *L)
{
	const struct ob_status *st = n->st;
	char dur[INC_DURATION_LEN];
	int64_t d;

	fputs(L->state[st->state], fp);
	if (notice_delta(st, n->now, &d)) {
		if (st->state == OB_PENDING)
			fprintf(fp, "%s%s%s%s", L->comma,
			    L == &en ? "" : L->left, duration_format(dur, -d),
			    L == &en ? L->left : "");
		else
			fprintf(fp, "%s%s", L->by,
			    duration_format(dur, d < 0 ? -d : d));
	}
	/* 三(三): late, missed and concealed reports are accountable. */
	if ((st->state == OB_LATE || st->state == OB_MISSED) &&
	    n->plan->accountability_clause != NULL) {
		fputs(L->open, fp);
		put(fp, n->plan->accountability_clause);
		fputs(L->close, fp);
	}
}

/*
 * A unit with phones of its own: "区公安分局，电话 0759-1234567".  One
 * without is never shown with another's numbers as if they were its
 * own: "区公安分局（预案未列其电话，经 区政府…办公室 联系，电话
 * 0759-2733796、0759-2733063）", "District Public Security Bureau (no
 * phone of its own in the plan: through the Office ..., phones ...)".
 */
static void
put_unit(FILE *fp, const struct notice *n, const struct inc_unit *u,
    const struct labels *L)
{
	const struct inc_person *p = notice_person(u);
	const struct inc_unit *via = notice_reach(u);

	put(fp, text_in(u->name, n->lang));
	if (p != NULL) {
		fputs(L->open, fp);
		put(fp, role_name(p->role, n->lang));
		fputc(' ', fp);
		put(fp, p->name);
	}
	if (via == u) {
		if (p != NULL)
			fputs(L->close, fp);
		fputs(L->comma, fp);
		fputs(L->phones, fp);
		put_phones(fp, via, L->list, false);
		return;
	}
	fputs(p != NULL ? L->semi : L->open, fp);
	fputs(L->no_phone, fp);
	if (via == NULL) {
		fputs(L->phones, fp);
		fputs(L->none, fp);
	} else {
		fputs(L->through, fp);
		put(fp, text_in(via->name, n->lang));
		fputs(L->via_end, fp);
		fputs(L->comma, fp);
		fputs(L->phones, fp);
		put_phones(fp, via, L->list, false);
	}
	fputs(L->close, fp);
}

/* Who tells: the officer on duty, else the unit that keeps the duty. */
static void
put_duty(FILE *fp, const struct notice *n, const struct labels *L)
{
	const struct inc_unit *duty = n->plan->duty, *via;

	if (n->duty != NULL) {
		put(fp, n->duty->name);
		if (n->duty->phone != NULL && n->duty->phone[0] != '\0') {
			fputs(L->comma, fp);
			fputs(L->phones, fp);
			put(fp, n->duty->phone);
		}
	} else if (duty != NULL) {
		put(fp, text_in(duty->name, n->lang));
		if ((via = notice_reach(duty)) != NULL) {
			fputs(L->comma, fp);
			fputs(L->phones, fp);
			put_phones(fp, via, L->list, false);
		}
	} else
		fputs(L->none, fp);
}

static void
write_text(FILE *fp, const struct notice *n)
{
	const struct labels *L = labels(n->lang);
	const struct ob_status *st = n->st;
	const struct inc_obligation *ob = st->ob;
	const char *id = record_get(n->rec, "id");
	const struct inc_item *title = record_field(n->rec, "title");
	char tb[INC_TIME_LEN];
	size_t i;

	if (id != NULL)
		put(fp, id);
	else {
		put(fp, n->rec->file);
		fprintf(fp, ":%ld", n->rec->line);
	}
	fputs(L->colon, fp);
	put(fp, text_in(ob->name, n->lang));
	fputs(L->open, fp);
	put(fp, ob->id);
	if (ob->clause != NULL) {
		fputs(L->comma, fp);
		put(fp, ob->clause);
	}
	fputs(L->close, fp);
	if (L == &en)
		fputc(' ', fp);
	put_state(fp, n, L);
	fputs(L->comma, fp);
	fputs(L->deadline, fp);
	if (st->has_deadline)
		fputs(shown(tb, st->deadline, n->now), fp);
	else {
		fputc('-', fp);
		if (ob->before != NULL) {
			fputs(L->open, fp);
			fputs(L->before, fp);
			/* the record's field, said in words where we can */
			put(fp, strcmp(ob->before, "closed") == 0 ?
			    L->closed : ob->before);
			fputs(L->before_end, fp);
			fputs(L->close, fp);
		}
	}
	fputs(L->semi, fp);
	fputs(L->duty, fp);
	put_duty(fp, n, L);
	for (i = 0; i < ob->nnotify; i++) {
		fputs(L->semi, fp);
		fputs(L->tell, fp);
		put_unit(fp, n, ob->notify[i], L);
	}
	if (title != NULL) {
		fputs(L->semi, fp);
		fputs(L->incident, fp);
		/* Whole: a NUL inside is shown escaped, not the end. */
		text_put_safe(fp, title->value, title->len, 0);
	}
	if (n->alerts != NULL && alert_span_any(n->alerts)) {
		fputs(L->semi, fp);
		alert_span_phrase(fp, n->alerts, n->now.offset, n->lang);
	}
	fputc('\n', fp);
}

/* Has an earlier unit of the list the same phone? */
static bool
phone_seen(const struct inc_obligation *ob, size_t upto, const char *ph)
{
	const struct inc_unit *via;
	size_t i, j;

	for (i = 0; i < upto; i++)
		if ((via = notice_reach(ob->notify[i])) != NULL)
			for (j = 0; j < via->nphones; j++)
				if (strcmp(via->phones[j], ph) == 0)
					return true;
	return false;
}

/* Cells of every unit told, joined: what(u) for each, or "-". */
static void
put_units(FILE *fp, const struct notice *n, int what)
{
	const struct inc_obligation *ob = n->st->ob;
	const struct inc_person *p;
	const struct inc_unit *via;
	bool any = false;
	size_t i, j;

	for (i = 0; i < ob->nnotify; i++) {
		const struct inc_unit *u = ob->notify[i];

		switch (what) {
		case 'i':
			fputs(i > 0 ? "," : "", fp);
			put_cell(fp, u->id);
			any = true;
			break;
		case 'n':
			fputs(i > 0 ? "; " : "", fp);
			put_cell(fp, text_in(u->name, n->lang));
			any = true;
			break;
		case 'p':
			if ((p = notice_person(u)) == NULL)
				break;
			fputs(any ? "; " : "", fp);
			put_cell(fp, p->name);
			any = true;
			break;
		case 'f':
			if ((via = notice_reach(u)) == NULL)
				break;
			for (j = 0; j < via->nphones; j++) {
				if (phone_seen(ob, i, via->phones[j]))
					continue;
				fputs(any ? "," : "", fp);
				put_cell(fp, via->phones[j]);
				any = true;
			}
			break;
		}
	}
	if (!any)
		fputc('-', fp);
}

static void
put_cell_or_dash(FILE *fp, const char *s)
{
	if (s == NULL || *s == '\0')
		fputc('-', fp);
	else
		put_cell(fp, s);
}

/* The title, whole: a NUL inside is a blank as the other controls. */
static void
title_cell(FILE *fp, const struct inc_item *it)
{
	size_t i;

	if (it == NULL || it->len == 0) {
		fputc('-', fp);
		return;
	}
	for (i = 0; i < it->len; i++)
		fputc((unsigned char)it->value[i] < 0x20 ||
		    it->value[i] == 0x7f ? ' ' : it->value[i], fp);
}

/*
 * Made from alerts: how many, first seen (detected), last seen, the
 * address; "-" each for a record without them.
 */
static void
alert_cells(FILE *fp, const struct notice *n)
{
	const struct alert_span *sp = n->alerts;
	char tb[INC_TIME_LEN];

	if (sp == NULL) {
		fputs("\t-\t-\t-\t-", fp);
		return;
	}
	if (sp->count > 0)
		fprintf(fp, "\t%" PRId64 "\t", sp->count);
	else
		fputs("\t-\t", fp);
	fputs(sp->has_first && (sp->count > 0 || sp->has_last) ?
	    shown(tb, sp->first, n->now) : "-", fp);
	fputc('\t', fp);
	fputs(sp->has_last ? shown(tb, sp->last, n->now) : "-", fp);
	fputc('\t', fp);
	put_cell_or_dash(fp, sp->address);
}

/*
 * One line per obligation, 18 columns (inc-escalate(1), NOTICES): id,
 * obligation, state, deadline, delta_seconds, units, unit names,
 * persons, phones, on duty, on-duty phones, clause, accountability
 * clause, title; then of an incident made from alerts: alerts, first
 * seen, last seen, address (after the title, so that the fourteen
 * before keep their places).
 */
static void
write_tsv(FILE *fp, const struct notice *n)
{
	const struct ob_status *st = n->st;
	const struct inc_obligation *ob = st->ob;
	const struct inc_plan *plan = n->plan;
	const struct inc_unit *duty;
	char tb[INC_TIME_LEN];
	int64_t d;

	put_cell_or_dash(fp, record_get(n->rec, "id"));
	fputc('\t', fp);
	put_cell_or_dash(fp, ob->id);
	fprintf(fp, "\t%s\t", ob_state_name(st->state));
	if (notice_delta(st, n->now, &d))
		fprintf(fp, "%s\t%" PRId64 "\t", shown(tb, st->deadline, n->now),
		    d);
	else
		fputs("-\t-\t", fp);
	put_units(fp, n, 'i');
	fputc('\t', fp);
	put_units(fp, n, 'n');
	fputc('\t', fp);
	put_units(fp, n, 'p');
	fputc('\t', fp);
	put_units(fp, n, 'f');
	fputc('\t', fp);
	if (n->duty != NULL) {
		put_cell_or_dash(fp, n->duty->name);
		fputc('\t', fp);
		put_cell_or_dash(fp, n->duty->phone);
	} else if ((duty = plan->duty) != NULL) {
		put_cell_or_dash(fp, text_in(duty->name, n->lang));
		fputc('\t', fp);
		if ((duty = notice_reach(duty)) == NULL)
			fputc('-', fp);
		else
			put_phones(fp, duty, ",", true);
	} else
		fputs("-\t-", fp);
	fputc('\t', fp);
	put_cell_or_dash(fp, ob->clause);
	fputc('\t', fp);
	put_cell_or_dash(fp, st->state == OB_LATE || st->state == OB_MISSED ?
	    plan->accountability_clause : NULL);
	fputc('\t', fp);
	title_cell(fp, record_field(n->rec, "title"));
	alert_cells(fp, n);
	fputc('\n', fp);
}

int
notice_write(FILE *fp, const struct notice *n, enum notice_format f)
{
	if (f == NOTICE_TSV)
		write_tsv(fp, n);
	else
		write_text(fp, n);
	return ferror(fp) ? -1 : 0;
}
