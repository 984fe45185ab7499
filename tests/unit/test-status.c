/*
 * test-status.c - status_parse: the four values of the status field,
 * trailing blanks, and everything else a data error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "status.h"

static void
test_values(void **state)
{
	static const struct {
		const char	*v;
		enum inc_status	 want;
	} t[] = {
		{ "open", STATUS_OPEN },
		{ "contained", STATUS_CONTAINED },
		{ "recovered", STATUS_RECOVERED },
		{ "closed", STATUS_CLOSED },
		{ "closed \t\r", STATUS_CLOSED },
		{ " closed", STATUS_BAD },
		{ "Closed", STATUS_BAD },
		{ "close", STATUS_BAD },
		{ "closedd", STATUS_BAD },
		{ "closed x", STATUS_BAD },
		{ "", STATUS_BAD },
		{ "  ", STATUS_BAD },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(status_parse(t[i].v, strlen(t[i].v)),
		    t[i].want);
	/* Only the first len bytes count: a value read from bytes. */
	assert_int_equal(status_parse("open\nnext: x", 4), STATUS_OPEN);
	assert_int_equal(status_parse("closedx", 6), STATUS_CLOSED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
