/*
 * obligation.c - the states of DESIGN section 3: met, late, pending,
 * overdue, missed, decided here and nowhere else.
 */
#include <string.h>

#include "obligation.h"

/* The field that says the incident is over (inc-record(5)). */
#define CLOSED_FIELD	"closed"

/* A time written into a field is never longer than this. */
#define TIME_TEXT_MAX	40

static const char *const state_names[] = {
	[OB_MET] = "met",
	[OB_LATE] = "late",
	[OB_PENDING] = "pending",
	[OB_OVERDUE] = "overdue",
	[OB_MISSED] = "missed"
};

const char *
ob_state_name(enum ob_state s)
{
	if ((size_t)s >= sizeof(state_names) / sizeof(state_names[0]))
		return "?";
	return state_names[s];
}

int
ob_state_parse(const char *s, enum ob_state *st)
{
	size_t i;

	for (i = 0; i < sizeof(state_names) / sizeof(state_names[0]); i++)
		if (strcmp(s, state_names[i]) == 0) {
			*st = (enum ob_state)i;
			return 0;
		}
	return -1;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
obligation_time(const char *v, struct inc_time *t)
{
	size_t len = strlen(v), p;

	while (len > 0 && is_space(v[len - 1]))
		len--;
	if (len > 0 && time_parse_n(v, len, t) == 0)
		return 0;
	/*
	 * A time, then who or how: "2026-11-24T09:40:00+08:00 by phone".
	 * The time may itself hold a space ("2026-11-24 09:40"), so the
	 * longest prefix that ends before a blank and reads as a time wins.
	 */
	for (p = len < TIME_TEXT_MAX ? len : TIME_TEXT_MAX; p > 0; p--)
		if (is_space(v[p]) && !is_space(v[p - 1]) &&
		    time_parse_n(v, p, t) == 0)
			return 0;
	return -1;
}

/* A time field of the record: 1 read, 0 absent, -1 unreadable. */
static int
time_field(const struct inc_record *r, const char *name,
    struct inc_time *t)
{
	const char *v;

	if ((v = record_get(r, name)) == NULL)
		return 0;
	return obligation_time(v, t) == 0 ? 1 : -1;
}

int
obligation_level(const struct inc_record *r, enum inc_level *lv)
{
	const char *v = record_get(r, "level");
	char buf[8];
	size_t len;

	*lv = LEVEL_NONE;
	if (v == NULL)
		return 0;
	len = strlen(v);
	while (len > 0 && is_space(v[len - 1]))
		len--;
	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, v, len);
	buf[len] = '\0';
	if ((*lv = level_parse(buf)) == LEVEL_NONE)
		return -1;
	return 1;
}

bool
obligation_applies(const struct inc_obligation *ob,
    const struct inc_record *r)
{
	enum inc_level lv;

	if (ob->levels == 0)
		return true;
	/* Unknown or unreadable level: the obligation is not assumed. */
	if (obligation_level(r, &lv) != 1)
		return false;
	return (ob->levels & LEVEL_BIT(lv)) != 0;
}

int
obligation_state(const struct inc_obligation *ob,
    const struct inc_record *r, struct inc_time now, struct ob_status *st,
    const char **bad)
{
	struct inc_time start, closed;
	int has_closed, got;

	memset(st, 0, sizeof(*st));
	st->ob = ob;
	*bad = NULL;

	if ((has_closed = time_field(r, CLOSED_FIELD, &closed)) == -1) {
		*bad = CLOSED_FIELD;
		return -1;
	}
	if (ob->after != NULL) {
		/* The clock must have a start: no start is a data error. */
		if (time_field(r, ob->after, &start) != 1) {
			*bad = ob->after;
			return -1;
		}
		st->has_deadline = true;
		st->deadline.t = start.t + ob->within;
		st->deadline.offset = start.offset;
	} else if (ob->before != NULL) {
		if ((got = time_field(r, ob->before, &st->deadline)) == -1) {
			*bad = ob->before;
			return -1;
		}
		st->has_deadline = got == 1;
	}
	if ((got = time_field(r, ob->field, &st->done_at)) == -1) {
		*bad = ob->field;
		return -1;
	}
	st->done = got == 1;

	/* To the second: on the deadline is in time. */
	if (st->done)
		st->state = st->has_deadline && st->done_at.t > st->deadline.t ?
		    OB_LATE : OB_MET;
	else if (has_closed)
		st->state = OB_MISSED;
	else if (st->has_deadline && now.t > st->deadline.t)
		st->state = OB_OVERDUE;
	else
		st->state = OB_PENDING;
	return 0;
}
