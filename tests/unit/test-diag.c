/*
 * test-diag.c - diag.h: the message forms on standard error, the
 * out-of-memory messages and their status, the worse of two statuses.
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

#include "diag.h"

/*
 * Standard error into a temporary file between hear() and said(), so
 * that what a call wrote can be compared; cmocka's own messages go to
 * the real one.
 */
static int saved = -1, tmp = -1;

static void
hear(void)
{
	char path[] = "/tmp/test-diag.XXXXXX";

	fflush(stderr);
	assert_true((tmp = mkstemp(path)) != -1);
	unlink(path);
	assert_true((saved = dup(STDERR_FILENO)) != -1);
	assert_true(dup2(tmp, STDERR_FILENO) != -1);
}

static void
said(const char *want)
{
	char buf[256];
	ssize_t n;

	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	n = pread(tmp, buf, sizeof(buf) - 1, 0);
	close(tmp);
	assert_true(n >= 0);
	buf[n] = '\0';
	assert_string_equal(buf, want);
}

static void
test_messages(void **state)
{
	(void)state;
	inc_set_prog("/usr/bin/inc-test");
	hear();
	inc_warn("a %s", "message");
	said("inc-test: a message\n");
	hear();
	inc_warn_at("in.rec", 12, "bad %d", 3);
	said("inc-test: in.rec:12: bad 3\n");
}

static void
test_nomem(void **state)
{
	(void)state;
	inc_set_prog("inc-test");
	hear();
	assert_int_equal(inc_nomem(), EXIT_TROUBLE);
	said("inc-test: out of memory\n");
	hear();
	assert_int_equal(inc_nomem_at("in.rec", 7), EXIT_TROUBLE);
	said("inc-test: in.rec:7: out of memory\n");
}

static void
test_status_worse(void **state)
{
	static const int cases[][3] = {
		{ 0, 0, 0 }, { 0, 1, 1 }, { 1, 0, 1 }, { 1, 2, 2 },
		{ 2, 1, 2 }, { 2, 0, 2 }, { 0, 2, 2 }, { 2, 2, 2 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(inc_status_worse(cases[i][0], cases[i][1]),
		    cases[i][2]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_nomem),
		cmocka_unit_test(test_status_worse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
