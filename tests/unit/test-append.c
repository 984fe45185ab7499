/*
 * test-append.c - inc-classify --append: records appended after a blank
 * line, each id once (those of the file and those written), the set of
 * ids grown past its first size; --wait read as whole seconds.
 * appender_put: an incident's record updated by a larger count, every
 * other byte of the file kept; a replay leaves the file alone; an id
 * edited away is appended again; a record that does not parse is kept,
 * and is not updated when it is the incident's; a replay of a file -i
 * may not replace is no error; puts and -i edits of two processes at
 * once lose nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "append.h"
#include "inplace.h"
#include "lock.h"

static char *
slurp(const char *path)
{
	static char buf[1 << 20];
	FILE *fp = fopen(path, "r");
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void
spew(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void
test_ids_once(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX";
	struct appender *ap;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	/* The last record without its blank line, nor its newline. */
	spew(path, "id: a\ntitle: x\n\nid: b\ntitle: y");
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	assert_int_equal(appender_write(ap, "id: a\ntitle: again\n", 19), 0);
	assert_int_equal(appender_write(ap, "id: c\ntitle: z\n", 15), 1);
	assert_int_equal(appender_write(ap, "id: c\ntitle: z\n", 15), 0);
	assert_int_equal(appender_write(ap, "title: no id\n", 13), 1);
	appender_close(ap);
	assert_string_equal(slurp(path), "id: a\ntitle: x\n\nid: b\ntitle: y\n\n"
	    "id: c\ntitle: z\n\ntitle: no id\n\n");
	/* Opened again: c is in the file now. */
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	assert_int_equal(appender_write(ap, "id: c\ntitle: z\n", 15), 0);
	appender_close(ap);
	unlink(path);
}

static void
test_many_ids(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX", rec[64];
	struct appender *ap;
	int fd, i, n;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	for (i = 0; i < 5000; i++) {
		n = snprintf(rec, sizeof(rec), "id: r%d\n", i);
		assert_int_equal(appender_write(ap, rec, (size_t)n), 1);
	}
	for (i = 0; i < 5000; i += 7) {
		n = snprintf(rec, sizeof(rec), "id: r%d\n", i);
		assert_int_equal(appender_write(ap, rec, (size_t)n), 0);
	}
	appender_close(ap);
	unlink(path);
}

static void
test_wait_parse(void **state)
{
	long w = 0;

	(void)state;
	assert_int_equal(lock_wait_parse("0", &w), 0);
	assert_int_equal(w, LOCK_NO_WAIT);
	assert_int_equal(lock_wait_parse("30", &w), 0);
	assert_int_equal(w, 30);
	assert_int_equal(lock_wait_parse("86400", &w), 0);
	assert_int_equal(lock_wait_parse("86401", &w), -1);
	assert_int_equal(lock_wait_parse("-1", &w), -1);
	assert_int_equal(lock_wait_parse("1.5", &w), -1);
	assert_int_equal(lock_wait_parse("", &w), -1);
	assert_int_equal(lock_wait_parse(" 5", &w), -1);
}

/* A file of that content, for one test; its name in path. */
static void
file_with(char *path, const char *text)
{
	int fd;

	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	spew(path, text);
}

static int
put(struct appender *ap, const char *text)
{
	return appender_put(ap, text, strlen(text));
}

static ino_t
inode(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_ino;
}

#define INCIDENT_5 \
	"id: a\n" \
	"title: sshd: 5 failed logins from 203.0.113.5 on www\n" \
	"detected: 2026-11-24T09:15:00+08:00\n" \
	"alerts: 5\n" \
	"last_seen: 2026-11-24T09:16:00+08:00\n" \
	"log: 2026-11-24T09:15:00+08:00 alert: first\n" \
	"log: 2026-11-24T09:16:00+08:00 alert: fifth\n"

#define INCIDENT_9 \
	"id: a\n" \
	"title: sshd: 9 failed logins from 203.0.113.5 on www\n" \
	"detected: 2026-11-24T09:15:00+08:00\n" \
	"alerts: 9\n" \
	"last_seen: 2026-11-24T09:20:00+08:00\n" \
	"log: 2026-11-24T09:15:00+08:00 alert: first\n" \
	"log: 2026-11-24T09:17:00+08:00 alert: second\n" \
	"log: 2026-11-24T09:20:00+08:00 alert: ninth\n"

static void
test_put_new(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX";
	struct appender *ap;

	(void)state;
	file_with(path, "id: b\ntitle: y");
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	assert_int_equal(put(ap, INCIDENT_5), 1);
	appender_close(ap);
	assert_string_equal(slurp(path), "id: b\ntitle: y\n\n" INCIDENT_5 "\n");
	unlink(path);
}

/*
 * The record grows; what a person wrote into it (status, a comment, an
 * unknown field) and every other paragraph of the file, blank lines
 * between them as they were, stay byte for byte.
 */
static void
test_put_grows(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX";
	struct appender *ap;
	const char *before =
	    "# incidents of www\n"
	    "\n\n"
	    "id: z\ntitle: other\nalerts: 1\n"
	    " \t\n"
	    "id: a\n"
	    "title: sshd: 5 failed logins from 203.0.113.5 on www\n"
	    "detected: 2026-11-24T09:15:00+08:00\n"
	    "# the duty officer: seen\n"
	    "status: contained\n"
	    "alerts: 5\n"
	    "last_seen: 2026-11-24T09:16:00+08:00\n"
	    "x_ticket: 4711\n"
	    "log: 2026-11-24T09:15:00+08:00 alert: first\n"
	    "log: 2026-11-24T09:16:00+08:00 alert: fifth\n"
	    "reported: 2026-11-24T09:30:00+08:00\n"
	    "\n\n\n"
	    "id: y\ntitle: last\r\nlog: a\n+ b";
	const char *after =
	    "# incidents of www\n"
	    "\n\n"
	    "id: z\ntitle: other\nalerts: 1\n"
	    " \t\n"
	    "id: a\n"
	    "title: sshd: 9 failed logins from 203.0.113.5 on www\n"
	    "detected: 2026-11-24T09:15:00+08:00\n"
	    "# the duty officer: seen\n"
	    "status: contained\n"
	    "alerts: 9\n"
	    "last_seen: 2026-11-24T09:20:00+08:00\n"
	    "x_ticket: 4711\n"
	    "log: 2026-11-24T09:15:00+08:00 alert: first\n"
	    "log: 2026-11-24T09:17:00+08:00 alert: second\n"
	    "log: 2026-11-24T09:20:00+08:00 alert: ninth\n"
	    "reported: 2026-11-24T09:30:00+08:00\n"
	    "\n\n\n"
	    "id: y\ntitle: last\r\nlog: a\n+ b";

	(void)state;
	file_with(path, before);
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	assert_int_equal(put(ap, INCIDENT_9), 1);
	assert_string_equal(slurp(path), after);
	/* Nor does the id become new: a second put updates again. */
	assert_int_equal(put(ap, INCIDENT_9), 0);
	assert_string_equal(slurp(path), after);
	appender_close(ap);
	unlink(path);
}

/*
 * The timeline entries a person added to the log stay where they are;
 * only the alert lines inc-classify wrote ("<time> alert: ") are the
 * new text's, where the first of them stood.
 */
static void
test_put_keeps_person_log(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX";
	struct appender *ap;

	(void)state;
	file_with(path,
	    "id: a\n"
	    "alerts: 5\n"
	    "log: 2026-11-24T09:14:00+08:00 called by the portal's admin\n"
	    "log: 2026-11-24T09:15:00+08:00 alert: first\n"
	    "log: 2026-11-24T09:16:00+08:00 alert: fifth\n"
	    "log: 2026-11-24T09:30:00+08:00 blocked at the firewall\n");
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	assert_int_equal(put(ap, "id: a\nalerts: 9\n"
	    "log: 2026-11-24T09:15:00+08:00 alert: first\n"
	    "log: 2026-11-24T09:20:00+08:00 alert: ninth\n"), 1);
	appender_close(ap);
	assert_string_equal(slurp(path),
	    "id: a\n"
	    "alerts: 9\n"
	    "log: 2026-11-24T09:14:00+08:00 called by the portal's admin\n"
	    "log: 2026-11-24T09:15:00+08:00 alert: first\n"
	    "log: 2026-11-24T09:20:00+08:00 alert: ninth\n"
	    "log: 2026-11-24T09:30:00+08:00 blocked at the firewall\n\n");
	unlink(path);
}

/* A restarted pipeline: the same count, or a smaller one, changes nothing. */
static void
test_put_replay(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX";
	struct appender *ap;
	ino_t ino;

	(void)state;
	file_with(path, "id: b\n\n" INCIDENT_9 "\n");
	ino = inode(path);
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	assert_int_equal(put(ap, INCIDENT_9), 0);
	assert_int_equal(put(ap, INCIDENT_5), 0);
	appender_close(ap);
	assert_string_equal(slurp(path), "id: b\n\n" INCIDENT_9 "\n");
	assert_true(inode(path) == ino);	/* not even replaced */
	unlink(path);
}

/*
 * The record lacks fields the text has: last_seen and title after
 * alerts, the logs at the end; an alerts that is no number is less.
 */
static void
test_put_missing_fields(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX";
	struct appender *ap;

	(void)state;
	file_with(path, "id: a\nalerts: many\nstatus: open\n");
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	assert_int_equal(put(ap, INCIDENT_9), 1);
	appender_close(ap);
	assert_string_equal(slurp(path), "id: a\nalerts: 9\n"
	    "last_seen: 2026-11-24T09:20:00+08:00\n"
	    "title: sshd: 9 failed logins from 203.0.113.5 on www\n"
	    "status: open\n"
	    "log: 2026-11-24T09:15:00+08:00 alert: first\n"
	    "log: 2026-11-24T09:17:00+08:00 alert: second\n"
	    "log: 2026-11-24T09:20:00+08:00 alert: ninth\n\n");
	/* No alerts at all: it comes at the end, the others after it. */
	spew(path, "id: a\nstatus: open");
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	assert_int_equal(put(ap, "id: a\nalerts: 2\nlast_seen: t\n"
	    "title: x\n+ more\n"), 1);
	appender_close(ap);
	assert_string_equal(slurp(path), "id: a\nstatus: open\nalerts: 2\n"
	    "last_seen: t\ntitle: x\n+ more\n\n");
	unlink(path);
}

/* Edited away after the appender read the ids: appended again, once. */
static void
test_put_id_gone(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX";
	struct appender *ap;

	(void)state;
	file_with(path, INCIDENT_5 "\nid: b\n");
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	spew(path, "id: b\n# a was here");
	assert_int_equal(put(ap, INCIDENT_9), 1);
	assert_string_equal(slurp(path), "id: b\n# a was here\n\n"
	    INCIDENT_9 "\n");
	assert_int_equal(put(ap, INCIDENT_9), 0);
	/* The file gone (rotated away): a new one. */
	unlink(path);
	assert_int_equal(put(ap, INCIDENT_9), 1);
	assert_string_equal(slurp(path), INCIDENT_9 "\n");
	appender_close(ap);
	unlink(path);
}

/*
 * A paragraph that does not parse is kept as it is and the update done;
 * when it is the incident's own record, or records of it ran together,
 * nothing is done (-1), and no second copy is appended.
 */
static void
test_put_unparsable(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX";
	struct appender *ap;
	const char *bad = "id: q\nNot A Field\n\n";
	const char *mine = "id: a\nalerts: 5\nBad Name: x\n\nid: b\n";
	const char *together = "id: b\nid: a\nalerts: 5\n";

	(void)state;
	file_with(path, INCIDENT_5);
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	spew(path, bad);
	{
		FILE *fp = fopen(path, "a");

		assert_non_null(fp);
		fputs(INCIDENT_5, fp);
		fclose(fp);
	}
	assert_int_equal(put(ap, INCIDENT_9), 1);
	assert_string_equal(slurp(path), "id: q\nNot A Field\n\n" INCIDENT_9
	    "\n");
	spew(path, mine);
	assert_int_equal(put(ap, INCIDENT_9), -1);
	assert_string_equal(slurp(path), mine);
	spew(path, together);
	assert_int_equal(put(ap, INCIDENT_9), -1);
	assert_string_equal(slurp(path), together);
	/* A text with no count of alerts is refused, not written. */
	spew(path, INCIDENT_5);
	assert_int_equal(put(ap, "id: a\ntitle: t\n"), -1);
	assert_string_equal(slurp(path), INCIDENT_5);
	appender_close(ap);
	unlink(path);
}

/* A read-only file is refused, as -i and appender_write refuse it. */
static void
test_put_read_only(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX";
	struct appender *ap;

	(void)state;
	file_with(path, INCIDENT_5);
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	assert_int_equal(chmod(path, 0444), 0);
	assert_int_equal(put(ap, INCIDENT_9), -1);
	assert_string_equal(slurp(path), INCIDENT_5);
	appender_close(ap);
	unlink(path);
}

/*
 * A file with two hard links: a replay is only read, no error; an
 * update, which renames, is refused as -i refuses it.
 */
static void
test_put_hard_links(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX", other[64];
	struct appender *ap;

	(void)state;
	file_with(path, INCIDENT_5);
	snprintf(other, sizeof(other), "%s.link", path);
	assert_int_equal(link(path, other), 0);
	assert_non_null(ap = appender_open(path, LOCK_NO_WAIT));
	assert_int_equal(put(ap, INCIDENT_5), 0);
	assert_int_equal(put(ap, INCIDENT_9), -1);
	appender_close(ap);
	assert_string_equal(slurp(other), INCIDENT_5);
	unlink(other);
	unlink(path);
}

#define RACE_IDS	4
#define RACE_PUTS	60
#define RACE_EDITS	60

/* An -i of another program: a line added to the record "manual". */
static int
add_note(FILE *out, int in, void *ctx)
{
	static char buf[1 << 20];
	const int *k = ctx;
	const char *at;
	ssize_t n;
	size_t got = 0;

	while ((n = read(in, buf + got, sizeof(buf) - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	if ((at = strstr(buf, "id: manual\n")) == NULL)
		return -1;
	at += strlen("id: manual\n");
	fwrite(buf, 1, (size_t)(at - buf), out);
	fprintf(out, "note: %d\n", *k);
	fwrite(at, 1, got - (size_t)(at - buf), out);
	return 0;
}

static void
race_puts(const char *path)
{
	struct appender *ap;
	char rec[256];
	int i, j, n;

	if ((ap = appender_open(path, 60)) == NULL)
		_exit(1);
	for (i = 1; i <= RACE_PUTS; i++)
		for (j = 0; j < RACE_IDS; j++) {
			n = snprintf(rec, sizeof(rec), "id: x%d\nalerts: %d\n"
			    "log: 2026-11-24T09:15:00+08:00 alert: %d\n", j, i, i);
			if (appender_put(ap, rec, (size_t)n) != 1)
				_exit(2);
		}
	appender_close(ap);
	_exit(0);
}

static void
race_edits(const char *path)
{
	int k;

	for (k = 1; k <= RACE_EDITS; k++)
		if (replace_file(path, 60, add_note, &k) == -1)
			_exit(3);
	_exit(0);
}

/*
 * Two processes at once: one puts (appends, then updates) four
 * incidents sixty times each, one edits the file in place sixty times.
 * At the end each incident is there once with its last count and the
 * edits are all there: no write of either was lost.
 */
static void
test_put_concurrent(void **state)
{
	char path[] = "/tmp/test-append-XXXXXX", want[64];
	const char *text, *p;
	pid_t a, b;
	int st, j, k, count;

	(void)state;
	file_with(path, "id: manual\ntitle: by hand\n");
	if ((a = fork()) == 0)
		race_puts(path);
	if ((b = fork()) == 0)
		race_edits(path);
	assert_true(a > 0 && b > 0);
	assert_int_equal(waitpid(a, &st, 0), a);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	assert_int_equal(waitpid(b, &st, 0), b);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	text = slurp(path);
	for (j = 0; j < RACE_IDS; j++) {
		snprintf(want, sizeof(want), "id: x%d\n", j);
		for (count = 0, p = text; (p = strstr(p, want)) != NULL; p++)
			count++;
		assert_int_equal(count, 1);
		snprintf(want, sizeof(want), "id: x%d\nalerts: %d\nlog: "
		    "2026-11-24T09:15:00+08:00 alert: %d\n\n", j, RACE_PUTS,
		    RACE_PUTS);
		assert_non_null(strstr(text, want));
	}
	for (k = 1; k <= RACE_EDITS; k++) {
		snprintf(want, sizeof(want), "note: %d\n", k);
		assert_non_null(strstr(text, want));
	}
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids_once),
		cmocka_unit_test(test_many_ids),
		cmocka_unit_test(test_wait_parse),
		cmocka_unit_test(test_put_new),
		cmocka_unit_test(test_put_grows),
		cmocka_unit_test(test_put_keeps_person_log),
		cmocka_unit_test(test_put_replay),
		cmocka_unit_test(test_put_missing_fields),
		cmocka_unit_test(test_put_id_gone),
		cmocka_unit_test(test_put_unparsable),
		cmocka_unit_test(test_put_read_only),
		cmocka_unit_test(test_put_hard_links),
		cmocka_unit_test(test_put_concurrent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
