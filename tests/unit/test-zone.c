/*
 * test-zone.c - the district's clock: which $TZ values glibc would take
 * as written (zone_exists), the plan's zone put in force and $TZ over it
 * (zone_apply), and the exit status of inc-classify --raw
 * (classify_raw_status).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "classify.h"
#include "diag.h"
#include "plan.h"
#include "timeutil.h"
#include "zone.h"

static void
test_exists(void **state)
{
	static const struct {
		const char	*tz;
		bool		 ok;
	} t[] = {
		{ "Asia/Shanghai", true },
		{ ":Asia/Shanghai", true },
		{ "UTC", true },
		{ "/usr/share/zoneinfo/Asia/Tokyo", true },
		{ ":/usr/share/zoneinfo/UTC", true },
		{ "CST-8", true },
		{ "<+08>-8", true },
		{ "EST5EDT,M3.2.0,M11.1.0", true },
		{ "EST5EDT,M3.2.0/2,M11.1.0/2:00", true },
		{ "AEST-10AEDT,M10.1.0,M4.1.0/3", true },
		{ "XXX-5:30", true },
		{ ":", true },			/* the system's zone */
		{ "Asia/Shanghia", false },	/* a typo: glibc says UTC */
		{ ":Asia/Shanghia", false },
		{ "Asia", false },		/* a directory */
		{ "/etc/passwd", false },	/* not a zone file */
		{ "/nonexistent/zone", false },
		{ "CST", false },		/* no offset, no file */
		{ "CS-8", false },		/* a name of 2 letters */
		{ "CST-25", false },
		{ "CST-8CDT,M13.1.0,M11.1.0", false },
		{ "CST-8CDT,M3.2.0", false },
		{ "CST-8 ", false },
		{ "../../../etc/passwd", false },
	};
	const char *why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		bool got = zone_exists(t[i].tz, &why);

		if (got != t[i].ok)
			fail_msg("zone_exists(\"%s\") = %d", t[i].tz, got);
		if (!got)
			assert_non_null(why);
	}
}

/* A plan that names its zone: local times are read in it. */
static void
test_apply(void **state)
{
	struct inc_plan p;
	struct inc_time t;

	(void)state;
	memset(&p, 0, sizeof(p));
	p.source = "test";
	p.timezone = "Asia/Tokyo";

	unsetenv("TZ");
	assert_int_equal(zone_apply(&p), 0);
	assert_string_equal(getenv("TZ"), "Asia/Tokyo");
	assert_int_equal(time_parse("2026-11-24 09:15", &t), 0);
	assert_int_equal(t.offset, 9 * 3600);
	assert_string_equal(zone_name(), "Asia/Tokyo");

	/* empty is unset: the plan's zone */
	setenv("TZ", "", 1);
	assert_int_equal(zone_apply(&p), 0);
	assert_string_equal(getenv("TZ"), "Asia/Tokyo");

	/* $TZ set and not empty wins */
	setenv("TZ", ":UTC", 1);
	assert_int_equal(zone_apply(&p), 0);
	assert_int_equal(time_parse("2026-11-24 09:15", &t), 0);
	assert_int_equal(t.offset, 0);
	assert_string_equal(zone_name(), "UTC");

	/* an unknown $TZ is an error, even when the plan has a zone */
	setenv("TZ", "Asia/Shanghia", 1);
	assert_int_equal(zone_apply(&p), -1);

	/* and so is an unknown plan zone */
	unsetenv("TZ");
	p.timezone = "Mars/Olympus";
	assert_int_equal(zone_apply(&p), -1);

	/* no zone in the plan, none in $TZ: the system's, as before */
	p.timezone = NULL;
	setenv("TZ", "", 1);
	assert_int_equal(zone_apply(&p), 0);
	assert_null(getenv("TZ"));
	assert_string_equal(zone_name(), "");
}

static void
test_raw_status(void **state)
{
	static const struct {
		const char	*text;
		int		 st, want;
	} t[] = {
		/* no level: found what there was to find, exit 0 */
		{ "id: a\ntitle: x\nlevel_basis: loss not given\n", 1, 0 },
		{ "id: a\nlevel: III\n", 0, 0 },
		{ "id: a\nlevel: IV\n", 1, 0 },
		{ "id: a\nlevel: II\n", 0, 1 },
		{ "id: a\nlevel: I\n", 0, 1 },
		{ "id: a\nlevel: I", 0, 1 },		/* no last newline */
		{ "id: a\ntitle: level: I\n", 0, 0 },	/* not the field */
		{ "id: a\nlevel: II\n", 2, 2 },		/* errors stay */
		{ "id: a\n", -1, -1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(classify_raw_status(t[i].text,
		    strlen(t[i].text), t[i].st), t[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exists),
		cmocka_unit_test(test_apply),
		cmocka_unit_test(test_raw_status),
	};

	inc_prog = "test-zone";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
