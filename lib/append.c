/*
 * append.c - records appended to a shared file under its lock, each id
 * once; see append.h.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include "append.h"
#include "append-update.h"
#include "diag.h"
#include "lock.h"
#include "record.h"
#include "signals.h"

/* The ids seen: a set of strings, open addressing, grown at 3/4 full. */
struct ids {
	char	**slot;
	size_t	  cap, n;
};

struct appender {
	const char	*path;
	long		 wait;
	struct ids	 ids;
};

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

/* The slot of id in the set: where it is, or the empty one it would go. */
static size_t
ids_find(const struct ids *set, const char *id, size_t n)
{
	size_t i = (size_t)hash(id, n) & (set->cap - 1);

	while (set->slot[i] != NULL && (strlen(set->slot[i]) != n ||
	    memcmp(set->slot[i], id, n) != 0))
		i = (i + 1) & (set->cap - 1);
	return i;
}

static int
ids_grow(struct ids *set)
{
	struct ids bigger;
	size_t i;

	bigger.cap = set->cap ? set->cap * 2 : 1024;
	bigger.n = set->n;
	if ((bigger.slot = calloc(bigger.cap, sizeof(char *))) == NULL)
		return -1;
	for (i = 0; i < set->cap; i++)
		if (set->slot[i] != NULL)
			bigger.slot[ids_find(&bigger, set->slot[i],
			    strlen(set->slot[i]))] = set->slot[i];
	free(set->slot);
	*set = bigger;
	return 0;
}

static bool
ids_has(const struct ids *set, const char *id, size_t n)
{
	return set->cap > 0 && set->slot[ids_find(set, id, n)] != NULL;
}

/* Add id (n bytes); 0, or -1 when out of memory. */
static int
ids_add(struct ids *set, const char *id, size_t n)
{
	size_t i;
	char *s;

	if ((set->n + 1) * 4 > set->cap * 3 && ids_grow(set) == -1)
		return -1;
	i = ids_find(set, id, n);
	if (set->slot[i] != NULL)
		return 0;
	if ((s = malloc(n + 1)) == NULL)
		return -1;
	memcpy(s, id, n);
	s[n] = '\0';
	set->slot[i] = s;
	set->n++;
	return 0;
}

static void
ids_free(struct ids *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
}

/* The ids of the records of fd, into the set.  0, or -1 after a message. */
static int
read_ids(struct appender *ap, int fd)
{
	struct inc_reader *rd;
	struct inc_record r;
	struct inc_item *it;
	size_t pos;
	int got, rc = 0;

	if ((rd = reader_open(fd, ap->path)) == NULL) {
		inc_nomem();
		return -1;
	}
	record_init(&r);
	while (rc == 0 && (got = reader_next(rd, &r)) == 1) {
		if (r.kind != RECORD_INCIDENT)
			continue;
		pos = 0;
		while ((it = record_next(&r, "id", &pos)) != NULL)
			if (ids_add(&ap->ids, it->value, it->len) == -1)
				rc = inc_nomem();
	}
	if (got == -1) {
		inc_warn_file(ap->path, "read error: %s", strerror(errno));
		rc = -1;
	}
	record_free(&r);
	reader_close(rd);
	return rc == 0 ? 0 : -1;
}

/*
 * A file marked read-only (its owner's write bit clear) is not appended
 * to, by root either: the rule of -i (inplace.h).
 */
static bool
read_only(const char *path, int fd)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && (st.st_mode & S_IWUSR) == 0) {
		inc_warn_file(path, "read-only file (mode %04o): --append does "
		    "not write to it", (unsigned)(st.st_mode & 07777));
		return true;
	}
	return false;
}

struct appender *
appender_open(const char *path, long wait)
{
	struct appender *ap;
	int fd;

	if ((ap = calloc(1, sizeof(*ap))) == NULL) {
		inc_nomem();
		return NULL;
	}
	ap->path = path;
	ap->wait = wait;
	signals_catch();	/* a writer: ends between records */
	/* Read under the lock: no record half appended is read. */
	if ((fd = lock_open(path, O_RDWR | O_CREAT, 0666, wait, true)) == -1 ||
	    read_only(path, fd) || read_ids(ap, fd) == -1) {
		if (fd != -1)
			close(fd);
		appender_close(ap);
		return NULL;
	}
	close(fd);
	return ap;
}

/* Write the pieces whole, whatever write(2) takes at a time. */
static int
write_all(int fd, struct iovec *iov, int n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = writev(fd, iov, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		while (n > 0 && (size_t)w >= iov->iov_len) {
			w -= (ssize_t)iov->iov_len;
			iov++;
			n--;
		}
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
	return 0;
}

/* The separator (append_separator) before a record appended to fd. */
static size_t
separator(int fd, off_t size)
{
	char end[2] = { '\n', '\n' };

	if (size == 1 && pread(fd, end + 1, 1, 0) != 1)
		return 2;
	if (size >= 2 && pread(fd, end, 2, size - 2) != 2)
		return 2;
	return append_separator(end, (unsigned long long)size);
}

/* text appended to FILE under its lock, whatever the set says. */
static int
append_record(struct appender *ap, const char *text, size_t len,
    const char *id, size_t idlen)
{
	static char nl[] = "\n\n";
	struct iovec iov[3];
	struct stat st;
	size_t sep;
	int fd, saved;

	/* A record made is appended, signal or not: the wait is bounded. */
	if ((fd = lock_open(ap->path, O_RDWR | O_APPEND | O_CREAT, 0666,
	    ap->wait, false)) == -1)
		return -1;
	if (fstat(fd, &st) == -1) {
		saved = errno;
		close(fd);
		inc_warn_file(ap->path, "%s", strerror(saved));
		return -1;
	}
	if (read_only(ap->path, fd)) {
		close(fd);
		return -1;
	}
	sep = separator(fd, st.st_size);
	iov[0].iov_base = nl;
	iov[0].iov_len = sep;
	iov[1].iov_base = (char *)text;
	iov[1].iov_len = len;
	iov[2].iov_base = nl;
	iov[2].iov_len = 1;
	if (write_all(fd, iov, 3) == -1) {
		saved = errno;
		close(fd);
		inc_warn_file(ap->path, "write error: %s", strerror(saved));
		return -1;
	}
	if (close(fd) == -1) {		/* the lock goes with it */
		inc_warn_file(ap->path, "write error: %s", strerror(errno));
		return -1;
	}
	if (id != NULL && ids_add(&ap->ids, id, idlen) == -1) {
		inc_nomem();
		return -1;
	}
	return 1;
}

int
appender_write(struct appender *ap, const char *text, size_t len)
{
	const char *id;
	size_t idlen = 0;

	if ((id = text_id(text, len, &idlen)) != NULL &&
	    ids_has(&ap->ids, id, idlen)) {
		return 0;
	}
	return append_record(ap, text, len, id, idlen);
}

int
appender_put(struct appender *ap, const char *text, size_t len)
{
	const char *id;
	size_t idlen = 0;

	if ((id = text_id(text, len, &idlen)) == NULL ||
	    !ids_has(&ap->ids, id, idlen))
		return append_record(ap, text, len, id, idlen);
	switch (incident_update(ap->path, ap->wait, id, idlen, text, len)) {
	case UPDATE_DONE:
	case UPDATE_APPENDED:
		return 1;
	case UPDATE_REPLAY:
		return 0;
	case UPDATE_NO_FILE:
		/* Removed (rotated away?): the incident starts a new file. */
		return append_record(ap, text, len, id, idlen);
	default:
		return -1;
	}
}

void
appender_close(struct appender *ap)
{
	if (ap == NULL)
		return;
	ids_free(&ap->ids);
	free(ap);
}
