/*
 * test-roster.c - who is on duty: a date beats a weekday, a weekday beats
 * the default, days in $TZ; the roster's errors; $INC_ROSTER.
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

#include "inc.h"

static char path[] = "/tmp/test-roster-XXXXXX";

static const char roster[] =
    "# a roster\n"
    "default: yes\n"
    "name: office\n"
    "phone: 0759-2733796\n"
    "\n"
    "weekday: mon wed,fri\n"
    "name: A\n"
    "phone: 1\n"
    "\n"
    "weekday: sat sun\n"
    "name: C\n"
    "phone: 3\n"
    "phone: 4\n"
    "\n"
    "date: 2026-11-24\n"
    "date: 2026-11-28\n"
    "name: D\n"
    "\n"
    "weekday: mon\n"
    "name: second monday entry, never chosen\n";

static void
write_roster(const char *text)
{
	int fd;

	strcpy(path, "/tmp/test-roster-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void
test_lookup(void **state)
{
	static const struct {
		const char	*now;
		const char	*name, *phone;
	} t[] = {
		{ "2026-11-23T00:00:00+08:00", "A", "1" },	/* Monday */
		{ "2026-11-22T23:59:59+08:00", "C", "3, 4" },	/* Sunday */
		{ "2026-11-22T16:00:00Z", "A", "1" },	/* Mon 00:00 +08 */
		{ "2026-11-24T12:00:00+08:00", "D", "" },	/* date */
		{ "2026-11-28T08:00:00+08:00", "D", "" },	/* date, Sat */
		{ "2026-11-29T08:00:00+08:00", "C", "3, 4" },	/* Sunday */
		{ "2026-11-26T08:00:00+08:00", "office", "0759-2733796" },
		{ "2026-11-27T08:00:00+08:00", "A", "1" },	/* Friday */
	};
	struct inc_roster *ro;
	struct duty_officer who;
	struct inc_time now;
	size_t i;

	(void)state;
	write_roster(roster);
	assert_int_equal(roster_load(path, &ro), 0);
	assert_non_null(ro);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		print_message("# %s\n", t[i].now);
		assert_int_equal(time_parse(t[i].now, &now), 0);
		assert_int_equal(roster_on_duty(ro, now, &who), 0);
		assert_string_equal(who.name, t[i].name);
		assert_string_equal(who.phone, t[i].phone);
	}
	roster_free(ro);
	unlink(path);
}

static void
test_nobody(void **state)
{
	struct inc_roster *ro;
	struct duty_officer who;
	struct inc_time now;

	(void)state;
	assert_int_equal(time_parse("2026-11-24T12:00:00+08:00", &now), 0);
	write_roster("weekday: sun\nname: S\n");
	assert_int_equal(roster_load(path, &ro), 0);
	assert_int_equal(roster_on_duty(ro, now, &who), -1);
	roster_free(ro);
	unlink(path);
	/* No roster at all: not an error, nobody listed. */
	unsetenv("INC_ROSTER");
	assert_int_equal(roster_load(NULL, &ro), 0);
	assert_null(ro);
	assert_int_equal(roster_on_duty(ro, now, &who), -1);
}

static void
test_env(void **state)
{
	struct inc_roster *ro;
	struct duty_officer who;
	struct inc_time now;

	(void)state;
	write_roster("default: yes\nname: E\n");
	setenv("INC_ROSTER", path, 1);
	assert_int_equal(roster_load(NULL, &ro), 0);
	assert_int_equal(time_parse("2026-11-24T12:00:00+08:00", &now), 0);
	assert_int_equal(roster_on_duty(ro, now, &who), 0);
	assert_string_equal(who.name, "E");
	roster_free(ro);
	unsetenv("INC_ROSTER");
	unlink(path);
}

static void
test_errors(void **state)
{
	static const char *bad[] = {
		"weekday: someday\nname: a\n",
		"date: 2026-02-30\nname: a\n",
		"name: nobody knows when\n",
		"date: 2026-11-24\nweekday: mon\nname: two kinds\n",
		"default: yes\nphone: 1\n",
		"default: no\nname: a\n",
		"default: yes\nname: a\nbroken line\n",
	};
	struct inc_roster *ro;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		print_message("# %s", bad[i]);
		write_roster(bad[i]);
		assert_int_equal(roster_load(path, &ro), -1);
		assert_null(ro);
		unlink(path);
	}
	assert_int_equal(roster_load("/nonexistent/roster.rec", &ro), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_nobody),
		cmocka_unit_test(test_env),
		cmocka_unit_test(test_errors),
	};

	setenv("TZ", "Asia/Shanghai", 1);
	inc_set_prog("test-roster");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
