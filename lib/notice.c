/*
 * notice.c - who must be told, how to reach them, and the notice itself.
 * Names, posts and phones come from the plan; only the labels are here.
 */
#include <inttypes.h>
#include <string.h>

#include "notice.h"
#include "text.h"

#define CONTACT_HOPS	8	/* a contact loop in a plan ends here */

struct labels {
	const char *state[5];
	const char *by, *left, *incident, *deadline, *done, *duty, *tell;
	const char *phones, *through, *before, *before_end, *none;
	const char *open, *close;
	const char *sep, *list;
};

static const struct labels zh = {
	{ "按时", "迟报", "待办", "逾期", "漏报" },
	"", "剩", "事件", "期限", "完成", "值班", "通知",
	"电话", "经", "在 ", " 之前", "无", "（", "）", "：", "、"
};

static const struct labels en = {
	{ "met", "late", "pending", "overdue", "missed" },
	" by", " left", "incident", "deadline", "done", "on duty", "tell",
	"phones", "through", "before ", "", "none", " (", ")", ": ", ", "
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
	static const char *const roles[] = { "head", "director" };
	size_t i, j;

	for (j = 0; j < sizeof(roles) / sizeof(roles[0]); j++)
		for (i = 0; i < u->nmembers; i++)
			if (u->members[i].role != NULL &&
			    strcmp(u->members[i].role, roles[j]) == 0)
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

/* A value for a tsv column: never empty, no tab, no line break. */
static void
put_cell(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (s == NULL || *s == '\0') {
		fputc('-', fp);
		return;
	}
	for (; *p != '\0'; p++)
		fputc(*p < 0x20 || *p == 0x7f ? ' ' : *p, fp);
}

static void
put_phones(FILE *fp, const struct inc_unit *u, const char *sep)
{
	size_t i;

	for (i = 0; i < u->nphones; i++) {
		if (i > 0)
			fputs(sep, fp);
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
headline_state(FILE *fp, const struct notice *n, const struct labels *L)
{
	const struct ob_status *st = n->st;
	char dur[INC_DURATION_LEN];
	int64_t d;
	bool has = notice_delta(st, n->now, &d);

	fputs(L->state[st->state], fp);
	if (!has)
		return;
	if (st->state == OB_PENDING) {
		fprintf(fp, "%s%s %s%s", L == &en ? "," : "，",
		    L == &en ? "" : L->left, duration_format(dur, -d),
		    L == &en ? L->left : "");
		return;
	}
	fprintf(fp, "%s %s", L->by, duration_format(dur, d < 0 ? -d : d));
}

/* A label padded to one column of LABEL_CELLS cells, after 2 spaces. */
#define LABEL_CELLS	10

static void
label(FILE *fp, const char *l)
{
	size_t w = text_width(l, strlen(l));

	fprintf(fp, "  %s%*s", l, (int)(w < LABEL_CELLS ? LABEL_CELLS - w : 1),
	    "");
}

/* The unit, its person, then its phones on a line of their own. */
static void
write_unit(FILE *fp, const struct notice *n, const struct inc_unit *u,
    const struct labels *L)
{
	const struct inc_person *p = notice_person(u);
	const struct inc_unit *via = notice_reach(u);

	put(fp, text_in(u->name, n->lang));
	if (p != NULL) {
		fputs(L->sep, fp);
		put(fp, p->name);
		if (text_in(p->post, n->lang)[0] != '\0') {
			fputs(L->open, fp);
			put(fp, text_in(p->post, n->lang));
			fputs(L->close, fp);
		}
	}
	fputc('\n', fp);
	label(fp, "");
	fprintf(fp, "%s ", L->phones);
	if (via == NULL)
		fputs(L->none, fp);
	else {
		put_phones(fp, via, L->list);
		if (via != u) {
			fputs(L->open, fp);
			fprintf(fp, "%s%s", L->through, L == &en ? " " : "");
			put(fp, text_in(via->name, n->lang));
			fputs(L->close, fp);
		}
	}
	fputc('\n', fp);
}

static void
write_text(FILE *fp, const struct notice *n)
{
	const struct labels *L = labels(n->lang);
	const struct ob_status *st = n->st;
	const struct inc_obligation *ob = st->ob;
	const struct inc_plan *plan = n->plan;
	const char *id = record_get(n->rec, "id");
	const char *title = record_get(n->rec, "title");
	const struct inc_unit *duty;
	char tb[INC_TIME_LEN];
	size_t i;

	if (id != NULL)
		put(fp, id);
	else {
		put(fp, n->rec->file);
		fprintf(fp, ":%ld", n->rec->line);
	}
	fputs(L->sep, fp);
	headline_state(fp, n, L);
	if ((st->state == OB_LATE || st->state == OB_MISSED) &&
	    plan->accountability_clause != NULL) {
		fputs(L->open, fp);
		put(fp, plan->accountability_clause);
		fputs(L->close, fp);
	}
	fputs(L->sep, fp);
	put(fp, text_in(ob->name, n->lang));
	fputs(L->open, fp);
	put(fp, ob->id);
	if (ob->clause != NULL) {
		fputs(L == &en ? ", " : "，", fp);
		put(fp, ob->clause);
	}
	fputs(L->close, fp);
	fputc('\n', fp);

	if (title != NULL) {
		label(fp, L->incident);
		put(fp, title);
		fputc('\n', fp);
	}
	label(fp, L->deadline);
	if (st->has_deadline)
		fputs(shown(tb, st->deadline, n->now), fp);
	else {
		fputs("-", fp);
		if (ob->before != NULL) {
			fputs(L->open, fp);
			fputs(L->before, fp);
			put(fp, ob->before);
			fputs(L->before_end, fp);
			fputs(L->close, fp);
		}
	}
	fputc('\n', fp);
	if (st->done) {
		label(fp, L->done);
		fputs(shown(tb, st->done_at, n->now), fp);
		fputc('\n', fp);
	}
	/* Who tells: the officer on duty, else the unit that keeps duty. */
	label(fp, L->duty);
	if (n->duty != NULL) {
		put(fp, n->duty->name);
		if (n->duty->phone != NULL && n->duty->phone[0] != '\0') {
			fputs(L->sep, fp);
			put(fp, n->duty->phone);
		}
	} else if ((duty = plan->duty) != NULL) {
		put(fp, text_in(duty->name, n->lang));
		if ((duty = notice_reach(duty)) != NULL) {
			fputs(L->sep, fp);
			put_phones(fp, duty, L->list);
		}
	} else
		fputs(L->none, fp);
	fputc('\n', fp);
	for (i = 0; i < ob->nnotify; i++) {
		label(fp, i == 0 ? L->tell : "");
		write_unit(fp, n, ob->notify[i], L);
	}
	fputc('\n', fp);
}

/*
 * One line per unit told: id, obligation, state, deadline, delta_seconds,
 * unit, unit name, person, phones, on duty, on-duty phones, clause,
 * accountability clause, title (inc-escalate(1), NOTICES).
 */
static void
write_tsv(FILE *fp, const struct notice *n)
{
	const struct ob_status *st = n->st;
	const struct inc_obligation *ob = st->ob;
	const struct inc_plan *plan = n->plan;
	const struct inc_unit *u, *via, *duty;
	const struct inc_person *p;
	char tb[INC_TIME_LEN];
	int64_t d;
	size_t i, j;

	for (i = 0; i < ob->nnotify; i++) {
		u = ob->notify[i];
		p = notice_person(u);
		via = notice_reach(u);
		put_cell(fp, record_get(n->rec, "id"));
		fputc('\t', fp);
		put_cell(fp, ob->id);
		fprintf(fp, "\t%s\t", ob_state_name(st->state));
		if (notice_delta(st, n->now, &d))
			fprintf(fp, "%s\t%" PRId64 "\t",
			    shown(tb, st->deadline, n->now), d);
		else
			fputs("-\t-\t", fp);
		put_cell(fp, u->id);
		fputc('\t', fp);
		put_cell(fp, text_in(u->name, n->lang));
		fputc('\t', fp);
		put_cell(fp, p != NULL ? p->name : NULL);
		fputc('\t', fp);
		if (via == NULL)
			fputc('-', fp);
		for (j = 0; via != NULL && j < via->nphones; j++) {
			if (j > 0)
				fputc(',', fp);
			put_cell(fp, via->phones[j]);
		}
		fputc('\t', fp);
		if (n->duty != NULL) {
			put_cell(fp, n->duty->name);
			fputc('\t', fp);
			put_cell(fp, n->duty->phone);
		} else if ((duty = plan->duty) != NULL) {
			put_cell(fp, text_in(duty->name, n->lang));
			fputc('\t', fp);
			if ((duty = notice_reach(duty)) == NULL)
				fputc('-', fp);
			for (j = 0; duty != NULL && j < duty->nphones; j++) {
				if (j > 0)
					fputc(',', fp);
				put_cell(fp, duty->phones[j]);
			}
		} else
			fputs("-\t-", fp);
		fputc('\t', fp);
		put_cell(fp, ob->clause);
		fputc('\t', fp);
		put_cell(fp, st->state == OB_LATE || st->state == OB_MISSED ?
		    plan->accountability_clause : NULL);
		fputc('\t', fp);
		put_cell(fp, record_get(n->rec, "title"));
		fputc('\n', fp);
	}
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
