/*
 * test-append.c - inc-classify --append: records appended after a blank
 * line, each id once (those of the file and those written), the set of
 * ids grown past its first size; --wait read as whole seconds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "append.h"
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids_once),
		cmocka_unit_test(test_many_ids),
		cmocka_unit_test(test_wait_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
