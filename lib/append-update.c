/*
 * append-update.c - the record of an incident in a shared file updated
 * in place: found with the record reader in a first pass, the file then
 * copied through around it; see append-update.h.
 *
 * Two passes over the file, both under its lock: the reader hands out
 * paragraphs, not where they lie in the file, and skips the blank lines
 * between them; copying the bytes themselves, counting lines to the
 * record's first, keeps every byte of the file that is not the record's.
 * Memory: the reader's buffer, the one record, a copy buffer.  A first
 * look, under the lock alone, tells a replay, which changes nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "alert-incident.h"
#include "append-update.h"
#include "diag.h"
#include "inplace.h"
#include "lock.h"
#include "record.h"
#include "text.h"

#define COPY_BUF	(64 * 1024)
#define FNV_START	14695981039346656037u

struct update {
	const char	*path;
	const char	*id;
	size_t		 idlen;
	const char	*text;
	size_t		 len;
	const struct inc_record *t;	/* text, parsed */
	unsigned long long alerts;	/* text's count */
	enum update_result result;
	bool		 probe;		/* only looking: is it a replay? */
	/* What the first pass found: */
	bool		 found;		/* the record of id */
	bool		 changed;	/* and it was updated, into rec */
	long		 line;		/* its first line */
	size_t		 rawlen;	/* its bytes in the file */
	uint64_t	 rawhash;	/* their hash: the second pass checks */
	char		*rec;		/* the record updated, written out */
	size_t		 reclen;
};

/* What the second pass wrote: how much, its last two bytes. */
struct copied {
	FILE		*out;
	unsigned long long n;
	char		 last[2];
	bool		 write_failed;	/* else a read failed */
};

static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

const char *
text_id(const char *text, size_t len, size_t *n)
{
	const char *p = text, *e = text + len, *nl;

	while (p < e) {
		nl = memchr(p, '\n', (size_t)(e - p));
		if (nl == NULL)
			nl = e;
		if (nl - p >= 3 && memcmp(p, "id:", 3) == 0) {
			p += 3;
			if (p < nl && (*p == ' ' || *p == '\t'))
				p++;
			*n = (size_t)(nl - p);
			if (*n > 0 && nl[-1] == '\r')
				(*n)--;
			return p;
		}
		p = nl + 1;
	}
	return NULL;
}

size_t
append_separator(const char last[2], unsigned long long size)
{
	if (size == 0)
		return 0;
	if (size == 1)
		return last[1] == '\n' ? 0 : 2;
	if (last[1] != '\n')
		return 2;
	return last[0] == '\n' ? 0 : 1;
}

bool
alerts_count(const struct inc_record *r, unsigned long long *n)
{
	const struct inc_item *it;
	size_t i;

	if ((it = record_field(r, "alerts")) == NULL || it->len == 0 ||
	    it->len > 18)
		return false;
	*n = 0;
	for (i = 0; i < it->len; i++) {
		if (it->value[i] < '0' || it->value[i] > '9')
			return false;
		*n = *n * 10 + (unsigned)(it->value[i] - '0');
	}
	return true;
}

static bool
is_id(const struct update *u, const char *v, size_t n)
{
	return n == u->idlen && memcmp(v, u->id, n) == 0;
}

/* The id, quoted for a message: it may come from a log line. */
static const char *
quoted_id(const struct update *u, char *q, size_t size)
{
	char id[256];

	snprintf(id, sizeof(id), "%.*s", (int)u->idlen, u->id);
	return text_quote(q, size, id);
}

/* A log field of r that inc-classify wrote: an alert line. */
static bool
alert_log(const struct inc_item *it)
{
	return it->kind == ITEM_FIELD && !it->deleted &&
	    strcmp(it->name, "log") == 0 && alert_incident_log(it->value);
}

/*
 * The alert lines of the log (alert-incident.h) replaced by the text's,
 * where the first stood (or at the end); the timeline entries a person
 * added kept where they are.  The same lines: the bytes left as read.
 */
static int
merge_logs(struct inc_record *r, const struct inc_record *t)
{
	const struct inc_item *tv;
	size_t i, at = SIZE_MAX, pos = 0;
	bool same = true;

	for (i = 0; i < r->nitems; i++) {
		if (!alert_log(&r->items[i]))
			continue;
		tv = record_next(t, "log", &pos);
		if (tv == NULL || strcmp(tv->value, r->items[i].value) != 0)
			same = false;
	}
	if (same && record_next(t, "log", &pos) == NULL)
		return 0;
	for (i = 0; i < r->nitems; i++)
		if (alert_log(&r->items[i])) {
			if (at == SIZE_MAX)
				at = i;
			r->items[i].deleted = true;
		}
	if (at == SIZE_MAX)
		at = r->nitems;
	for (pos = 0; (tv = record_next(t, "log", &pos)) != NULL; at++)
		if (record_insert_n(r, at, "log", tv->value, tv->len) == -1)
			return -1;
	return 0;
}

/*
 * The fields of the record that grow with the alerts, from the text:
 * alerts, last_seen and title in place, or, missing, after alerts (at
 * the end when alerts is missing too); the alert lines of the log
 * (merge_logs).  A field the text lacks is left as it is.
 */
static int
merge(struct inc_record *r, const struct inc_record *t)
{
	static const char *const grown[] = { "alerts", "last_seen", "title" };
	const struct inc_item *tv, *it;
	size_t i, at = SIZE_MAX;

	for (i = 0; i < sizeof(grown) / sizeof(grown[0]); i++) {
		if ((tv = record_field(t, grown[i])) == NULL)
			continue;
		if (record_field(r, grown[i]) != NULL) {
			if (record_set(r, grown[i], tv->value) == -1)
				return -1;
			it = record_field(r, grown[i]);
			if (i == 0)
				at = (size_t)(it - r->items) + 1;
			continue;
		}
		if (at == SIZE_MAX)
			at = r->nitems;
		if (record_insert_n(r, at, grown[i], tv->value, tv->len) == -1)
			return -1;
		at++;
	}
	return merge_logs(r, t);
}

/* The record of id: kept as it is (a replay), or updated into u->rec. */
static int
take(struct update *u, struct inc_record *r)
{
	unsigned long long n;
	FILE *m;

	u->found = true;
	u->line = r->line;
	u->rawlen = r->rawlen;
	u->rawhash = fnv(FNV_START, r->raw, r->rawlen);
	if (alerts_count(r, &n) && n >= u->alerts) {
		u->result = UPDATE_REPLAY;
		return 0;
	}
	if (u->probe) {
		u->result = UPDATE_DONE;	/* to be done */
		return 0;
	}
	if (merge(r, u->t) == -1) {
		inc_nomem_at(u->path, r->line);
		return -1;
	}
	if ((m = open_memstream(&u->rec, &u->reclen)) == NULL) {
		inc_nomem();
		return -1;
	}
	if (record_write(m, r) == -1) {
		fclose(m);
		inc_nomem();
		return -1;
	}
	if (fclose(m) == EOF) {
		inc_nomem();
		return -1;
	}
	u->changed = true;
	u->result = UPDATE_DONE;
	return 0;
}

/*
 * One paragraph of the first pass.  One that cannot be parsed is said
 * and copied through; when it is the record of id (its first "id:"
 * line, or any id of records run together), nothing is done: a second
 * copy of the incident appended beside it would be worse.
 */
static int
look_at(struct update *u, struct inc_record *r)
{
	const struct inc_item *it, *first = NULL, *second = NULL;
	const char *v;
	size_t pos = 0, n;
	bool mine = false;
	char q[128];

	if (r->kind == RECORD_BAD && r->errmsg != NULL) {
		if (!u->found && (v = text_id(r->raw, r->rawlen, &n)) != NULL &&
		    is_id(u, v, n)) {
			inc_warn_at(u->path, r->errline, "%s; the incident %s "
			    "is not updated until its record is mended",
			    r->errmsg, quoted_id(u, q, sizeof(q)));
			return -1;
		}
		if (!u->probe)
			inc_warn_at(u->path, r->errline, "%s; passed through",
			    r->errmsg);
		return 0;
	}
	if (r->kind != RECORD_INCIDENT)
		return 0;
	while ((it = record_next(r, "id", &pos)) != NULL) {
		if (first == NULL)
			first = it;
		else if (second == NULL)
			second = it;
		mine = mine || is_id(u, it->value, it->len);
	}
	if (second != NULL) {
		if (!u->probe || (mine && !u->found))
			inc_warn_at(u->path, second->line, "a second id field "
			    "(the first at line %ld): records seem to have run "
			    "together, a blank line missing between them; "
			    "passed through untouched", first->line);
		if (mine && !u->found) {
			inc_warn_file(u->path, "the incident %s is not updated "
			    "until its record is mended",
			    quoted_id(u, q, sizeof(q)));
			return -1;
		}
		return 0;
	}
	if (!mine || u->found)
		return 0;	/* a second copy of id is not touched */
	return take(u, r);
}

/* The first pass: every paragraph of the file read, the record found. */
static int
find(struct update *u, int in)
{
	struct inc_reader *rd;
	struct inc_record r;
	int got, rc = 0;

	if ((rd = reader_open(in, u->path)) == NULL) {
		inc_nomem();
		return -1;
	}
	record_init(&r);
	while ((got = reader_next(rd, &r)) == 1)
		if ((rc = look_at(u, &r)) == -1)
			break;
	if (got == -1) {
		inc_warn_file(u->path, "read error: %s", strerror(errno));
		rc = -1;
	}
	record_free(&r);
	reader_close(rd);
	return rc;
}

static int
put(struct copied *c, const char *b, size_t n)
{
	if (n == 0)
		return 0;
	if (fwrite(b, 1, n, c->out) != n) {
		c->write_failed = true;
		return -1;
	}
	if (n >= 2)
		c->last[0] = b[n - 2];
	else
		c->last[0] = c->last[1];
	c->last[1] = b[n - 1];
	c->n += n;
	return 0;
}

/*
 * Bytes of in from *off to the start of line stop (0: to the end) onto
 * the output, *line the line at *off.  Returns the bytes copied, or -1
 * (errno set; EIO when the file ends before that line).
 */
static long long
copy_bytes(struct copied *c, int in, off_t *off, long *line, long stop)
{
	char buf[COPY_BUF];
	const char *p, *nl;
	long long total = 0;
	ssize_t n;

	if (stop > 0 && *line >= stop)
		return 0;
	for (;;) {
		if ((n = pread(in, buf, sizeof(buf), *off)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0) {
			if (stop > 0) {
				errno = EIO;
				return -1;
			}
			return total;
		}
		p = buf;
		while (stop > 0 && *line < stop && (nl = memchr(p, '\n',
		    (size_t)(buf + n - p))) != NULL) {
			(*line)++;
			p = nl + 1;
		}
		if (stop > 0 && *line >= stop)
			n = p - buf;
		if (put(c, buf, (size_t)n) == -1)
			return -1;
		*off += n;
		total += n;
		if (stop > 0 && *line >= stop)
			return total;
	}
}

/* The record's old bytes at *off, skipped: still those the first pass read? */
static int
skip_record(const struct update *u, int in, off_t *off)
{
	char buf[COPY_BUF];
	uint64_t h = FNV_START;
	size_t left = u->rawlen;
	ssize_t n;

	while (left > 0) {
		n = pread(in, buf, left < sizeof(buf) ? left : sizeof(buf),
		    *off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		h = fnv(h, buf, (size_t)n);
		*off += n;
		left -= (size_t)n;
	}
	return h == u->rawhash ? 0 : -1;
}

/*
 * The second pass: the file copied through, the record updated in its
 * place, or text appended at the end when no record had the id.
 */
static int
copy(struct update *u, int in, FILE *out)
{
	static const char nl[] = "\n\n";
	struct copied c = { out, 0, { '\n', '\n' }, false };
	off_t off = 0;
	long line = 1;
	long long rest;

	if (u->changed) {
		if (copy_bytes(&c, in, &off, &line, u->line) == -1) {
			if (!c.write_failed && errno == EIO)
				goto changed;
			goto failed;
		}
		if (skip_record(u, in, &off) == -1)
			goto changed;
		if (put(&c, u->rec, u->reclen) == -1)
			goto failed;
	}
	if ((rest = copy_bytes(&c, in, &off, &line, 0)) == -1)
		goto failed;
	if (u->changed && rest == 0 && put(&c, nl, 1) == -1)
		goto failed;	/* the record was the last: its blank line */
	if (!u->found) {
		if (put(&c, nl, append_separator(c.last, c.n)) == -1 ||
		    put(&c, u->text, u->len) == -1 || put(&c, nl, 1) == -1)
			goto failed;
		u->result = UPDATE_APPENDED;
	}
	return 0;
failed:
	inc_warn_file(u->path, "%s error: %s", c.write_failed ? "write" :
	    "read", strerror(errno));
	return -1;
changed:
	inc_warn_file(u->path, "changed while it was read (by a writer that "
	    "takes no lock?): the incident is not updated");
	return -1;
}

static int
write_update(FILE *out, int in, void *ctx)
{
	struct update *u = ctx;

	if (find(u, in) == -1)
		return -1;
	return copy(u, in, out);
}

enum update_result
incident_update(const char *path, long wait, const char *id, size_t idlen,
    const char *text, size_t len)
{
	struct inc_record t;
	struct update u;
	struct stat st;
	enum update_result result = UPDATE_FAILED;
	char q[128];
	int fd, rc;

	if (stat(path, &st) == -1 && errno == ENOENT)
		return UPDATE_NO_FILE;
	memset(&u, 0, sizeof(u));
	u.path = path;
	u.id = id;
	u.idlen = idlen;
	u.text = text;
	u.len = len;
	u.t = &t;
	record_init(&t);
	if (record_parse(&t, text, len, path) == -1) {
		inc_nomem();
		goto out;
	}
	if (t.kind != RECORD_INCIDENT || !alerts_count(&t, &u.alerts)) {
		inc_warn_file(path, "the incident %s to write %s: not written",
		    quoted_id(&u, q, sizeof(q)), t.kind != RECORD_INCIDENT ?
		    "is not a record" : "has no whole number of alerts");
		goto out;
	}
	/*
	 * A replay (lines read again after a restart) is known by reading
	 * alone, under the lock: no new file is made, and a file -i could
	 * not replace (hard links, another owner) is no error for it.
	 */
	if ((fd = lock_open(path, O_RDONLY, 0, wait, false)) == -1)
		goto out;
	u.probe = true;
	rc = find(&u, fd);
	close(fd);
	if (rc == -1)
		goto out;
	if (u.found && u.result == UPDATE_REPLAY) {
		result = UPDATE_REPLAY;
		goto out;
	}
	/* Read again under the lock of the rename: it may have changed. */
	u.probe = u.found = false;
	if (replace_file_unstopped(path, wait, "--append", write_update,
	    &u) == 0)
		result = u.result;
out:
	free(u.rec);
	record_free(&t);
	return result;
}
