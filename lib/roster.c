/*
 * roster.c - who is on duty: a small record file read whole (it names a
 * few dozen days at most), looked up by the local date of a time.  Its
 * limits, as the plan's, bound what a wrong file (--roster /dev/zero, a
 * log named by mistake) costs: it is refused, promptly.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "diag.h"
#include "record.h"
#include "record-nul.h"
#include "roster.h"
#include "text.h"

#define ROSTER_MAX_SIZE	 (4L * 1024 * 1024)	/* bytes of roster */
#define ROSTER_MAX_ENTRIES 50000L		/* days and weekday sets */

enum roster_kind { ROSTER_DATE, ROSTER_WEEKDAY, ROSTER_DEFAULT };

struct roster_entry {
	enum roster_kind kind;
	int64_t		 day;		/* ROSTER_DATE: local day number */
	unsigned	 weekdays;	/* ROSTER_WEEKDAY: bit 0 Sunday */
	char		*name;
	char		*phone;		/* "" when none; several: ", " */
};

struct inc_roster {
	struct roster_entry *v;
	size_t		 n, cap;
};

/* The fields of an entry the roster reads as data, not text. */
static const char *const roster_fields[] = { "date", "weekday", "default" };

static const char *const weekday_names[] = {
	"sun", "mon", "tue", "wed", "thu", "fri", "sat"
};

/* Days since 1970-01-01 of the local date of a time (floor). */
static int64_t
local_day(struct inc_time t)
{
	int64_t s = t.t + t.offset;

	return s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
}

/* "mon wed fri" or "mon,tue": a mask, or 0 when a word is unknown. */
static unsigned
weekdays_parse(const char *s)
{
	unsigned mask = 0;
	size_t len, i;

	for (;;) {
		s += strspn(s, " \t,");
		if (*s == '\0')
			return mask;
		len = strcspn(s, " \t,");
		for (i = 0; i < 7; i++)
			if (len == 3 && strncmp(s, weekday_names[i], 3) == 0)
				break;
		if (i == 7)
			return 0;
		mask |= 1u << i;
		s += len;
	}
}

static char *
trimmed(const char *s)
{
	size_t len;

	s += strspn(s, " \t");
	len = strlen(s);
	while (len > 0 && strchr(" \t\r", s[len - 1]) != NULL)
		len--;
	return strndup(s, len);
}

/* The phones of an entry, joined: "0759-1, 138..." */
static char *
phones(const struct inc_record *r)
{
	struct inc_item *it;
	size_t pos = 0, len = 0;
	char *s, *p;

	while ((it = record_next(r, "phone", &pos)) != NULL)
		len += it->len + 2;
	if ((s = malloc(len + 1)) == NULL)
		return NULL;
	*s = '\0';
	pos = 0;
	while ((it = record_next(r, "phone", &pos)) != NULL) {
		if ((p = trimmed(it->value)) == NULL) {
			free(s);
			return NULL;
		}
		if (*s != '\0')
			strcat(s, ", ");
		strcat(s, p);
		free(p);
	}
	return s;
}

static int
add(struct inc_roster *ro, const struct roster_entry *e)
{
	struct roster_entry *v;
	size_t cap;

	if (ro->n == ROSTER_MAX_ENTRIES) {
		errno = E2BIG;
		return -1;
	}
	if (ro->n == ro->cap) {
		cap = ro->cap ? ro->cap * 2 : 16;
		if ((v = reallocarray(ro->v, cap, sizeof(*v))) == NULL)
			return -1;
		ro->v = v;
		ro->cap = cap;
	}
	ro->v[ro->n++] = *e;
	return 0;
}

/* One roster record; 0, or -1 after reporting what is wrong with it. */
static int
entry(struct inc_roster *ro, const struct inc_record *r, const char *file)
{
	struct roster_entry e;
	const struct inc_item *nul;
	struct inc_item *it;
	struct inc_time mid;
	size_t pos = 0;
	int kinds;
	char *d, *name, *phone, q[64];

	memset(&e, 0, sizeof(e));
	if ((nul = record_nul_field(r, roster_fields,
	    sizeof(roster_fields) / sizeof(roster_fields[0]))) != NULL) {
		inc_warn_at(file, nul->line, "%s: a NUL byte in the value",
		    nul->name);
		return -1;
	}
	kinds = (record_get(r, "date") != NULL) +
	    (record_get(r, "weekday") != NULL) +
	    (record_get(r, "default") != NULL);
	if (kinds != 1) {
		inc_warn_at(file, r->line, "roster entry needs exactly one of "
		    "date:, weekday: or default:");
		return -1;
	}
	if (record_get(r, "name") == NULL) {
		inc_warn_at(file, r->line, "roster entry without name:");
		return -1;
	}
	if (record_get(r, "weekday") != NULL) {
		it = record_field(r, "weekday");
		e.kind = ROSTER_WEEKDAY;
		if ((e.weekdays = weekdays_parse(it->value)) == 0) {
			inc_warn_at(file, it->line, "weekday: not days such as "
			    "\"mon\" or \"sat sun\": %s",
			    text_quote(q, sizeof(q), it->value));
			return -1;
		}
	} else if (record_get(r, "default") != NULL) {
		it = record_field(r, "default");
		e.kind = ROSTER_DEFAULT;
		if ((d = trimmed(it->value)) == NULL)
			goto nomem;
		if (strcmp(d, "yes") != 0) {
			inc_warn_at(file, it->line, "default: not yes: %s",
			    text_quote(q, sizeof(q), d));
			free(d);
			return -1;
		}
		free(d);
	}
	if ((e.name = trimmed(record_get(r, "name"))) == NULL ||
	    (e.phone = phones(r)) == NULL)
		goto nomem;
	if (record_get(r, "date") == NULL) {
		if (add(ro, &e) == -1)
			goto nomem;
		return 0;
	}
	/* Several date: fields, one entry each. */
	e.kind = ROSTER_DATE;
	while ((it = record_next(r, "date", &pos)) != NULL) {
		if ((d = trimmed(it->value)) == NULL)
			goto nomem;
		if (date_parse(d, &mid) == -1) {
			inc_warn_at(file, it->line, "date: not a date such as "
			    "2026-11-24: %s", text_quote(q, sizeof(q), d));
			free(d);
			goto fail;
		}
		free(d);
		e.day = local_day(mid);
		if (add(ro, &e) == -1)
			goto nomem;
		/* Each entry owns its strings: copies for the next. */
		name = strdup(e.name);
		phone = strdup(e.phone);
		e.name = name;
		e.phone = phone;
		if (name == NULL || phone == NULL)
			goto nomem;
	}
	free(e.name);
	free(e.phone);
	return 0;
nomem:
	if (errno == E2BIG)
		inc_warn_at(file, r->line, "more than %ld roster entries "
		    "(the limit)", ROSTER_MAX_ENTRIES);
	else
		inc_warn_at(file, r->line, "%s", strerror(ENOMEM));
fail:
	free(e.name);
	free(e.phone);
	return -1;
}

int
roster_load(const char *opt, struct inc_roster **rop)
{
	struct inc_roster *ro;
	struct inc_reader *rd;
	struct inc_record rec;
	const char *path = opt;
	struct stat st;
	int fd, got, rc = 0;
	bool full = false;

	*rop = NULL;
	if (path == NULL && (path = getenv("INC_ROSTER")) != NULL &&
	    *path == '\0')
		path = NULL;
	if (path == NULL)
		return 0;
	if ((fd = open(path, O_RDONLY)) == -1) {
		inc_warn_file(path, "roster: %s", strerror(errno));
		return -1;
	}
	if ((ro = calloc(1, sizeof(*ro))) == NULL ||
	    (rd = reader_open(fd, path)) == NULL) {
		inc_warn_file(path, "roster: %s", strerror(errno));
		free(ro);
		close(fd);
		return -1;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > ROSTER_MAX_SIZE) {
		inc_warn_file(path, "roster: larger than %ld MiB (the limit)",
		    ROSTER_MAX_SIZE / (1024 * 1024));
		reader_close(rd);
		free(ro);
		close(fd);
		return -1;
	}
	reader_set_limit(rd, ROSTER_MAX_SIZE);
	record_init(&rec);
	/* Every entry that is wrong is said, up to a limit. */
	while (!full && (got = reader_next(rd, &rec)) == 1) {
		if (rec.kind == RECORD_BAD) {
			if (rec.errmsg != NULL)
				inc_warn_at(path, rec.errline, "%s",
				    rec.errmsg);
			rc = -1;
		} else if (rec.kind == RECORD_INCIDENT &&
		    entry(ro, &rec, path) == -1) {
			rc = -1;
			full = ro->n == ROSTER_MAX_ENTRIES;
		}
	}
	if (full)
		;	/* said by entry */
	else if (got == -1 && errno == EFBIG) {
		inc_warn_file(path, "roster: larger than %ld MiB (the limit)",
		    ROSTER_MAX_SIZE / (1024 * 1024));
		rc = -1;
	} else if (got == -1) {
		inc_warn_file(path, "roster: read error: %s", strerror(errno));
		rc = -1;
	}
	record_free(&rec);
	reader_close(rd);
	close(fd);
	if (rc == -1) {
		roster_free(ro);
		return -1;
	}
	*rop = ro;
	return 0;
}

int
roster_on_duty(const struct inc_roster *ro, struct inc_time t,
    struct duty_officer *who)
{
	const struct roster_entry *best = NULL;
	int64_t day;
	unsigned wd;
	size_t i;

	if (ro == NULL)
		return -1;
	day = local_day(time_local(t.t));
	wd = (unsigned)(((day + 4) % 7 + 7) % 7);	/* 1970-01-01: Thu */
	for (i = 0; i < ro->n; i++) {
		const struct roster_entry *e = &ro->v[i];

		if (best != NULL && best->kind <= e->kind)
			continue;	/* a more specific one is known */
		if ((e->kind == ROSTER_DATE && e->day == day) ||
		    (e->kind == ROSTER_WEEKDAY && (e->weekdays >> wd) & 1) ||
		    e->kind == ROSTER_DEFAULT)
			best = e;
	}
	if (best == NULL)
		return -1;
	who->name = best->name;
	who->phone = best->phone;
	return 0;
}

void
roster_free(struct inc_roster *ro)
{
	size_t i;

	if (ro == NULL)
		return;
	for (i = 0; i < ro->n; i++) {
		free(ro->v[i].name);
		free(ro->v[i].phone);
	}
	free(ro->v);
	free(ro);
}
