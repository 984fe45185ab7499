/*
 * test-alert.c - alert lines as record fields (alert.h): every form of
 * leading timestamp, syslog host and tag, the year of a syslog date, lines
 * with no timestamp or nothing but a header; and incident ids.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "alert.h"

#define ID_OF_X "inc-20261124-58eb5151aef7"	/* pinned: ids never change */

static struct alert_clock clock_;

static int
setup(void **state)
{
	struct inc_time now;

	(void)state;
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	if (time_parse("2026-11-24T12:00:00+08:00", &now) == -1)
		return -1;
	alert_clock_set(&clock_, now);
	return 0;
}

struct want {
	const char	*line;
	const char	*detected;	/* NULL: no timestamp, the clock */
	const char	*host, *tag;	/* NULL: none */
	const char	*msg;
};

static void
same(const char *what, const char *line, const char *want, const char *p,
    size_t n)
{
	if (want == NULL && p == NULL)
		return;
	if (want == NULL || p == NULL || strlen(want) != n ||
	    memcmp(want, p, n) != 0)
		fail_msg("\"%s\": %s \"%.*s\", wanted \"%s\"", line, what,
		    p ? (int)n : 2, p ? p : "-", want ? want : "-");
}

static void
test_lines(void **state)
{
	static const struct want t[] = {
		{ "Nov 24 09:15:00 web01 sshd[123]: Failed password",
		    "2026-11-24T09:15:00+08:00", "web01", "sshd",
		    "Failed password" },
		{ "Nov  4 09:15:00 fw kernel: DROP IN=eth0",
		    "2026-11-04T09:15:00+08:00", "fw", "kernel",
		    "DROP IN=eth0" },
		{ "<34>Nov 24 10:00:00 av01 clamd: Eicar-Test FOUND",
		    "2026-11-24T10:00:00+08:00", "av01", "clamd",
		    "Eicar-Test FOUND" },
		{ "Nov 24 10:00:00 clamd[9]: Eicar FOUND",
		    "2026-11-24T10:00:00+08:00", NULL, "clamd", "Eicar FOUND" },
		/* a syslog date more than a day ahead is last year's */
		{ "Dec 31 23:59:59 h t: x", "2025-12-31T23:59:59+08:00", "h",
		    "t", "x" },
		{ "Nov 25 11:00:00 h t: x", "2026-11-25T11:00:00+08:00", "h",
		    "t", "x" },
		{ "Nov 25 12:00:01 h t: x", "2025-11-25T12:00:01+08:00", "h",
		    "t", "x" },
		/* a host and no tag */
		{ "Nov 24 09:15:00 nas01 disk almost full",
		    "2026-11-24T09:15:00+08:00", "nas01", NULL,
		    "disk almost full" },
		{ "2026-11-24T08:31:05+08:00 av-console 发现病毒",
		    "2026-11-24T08:31:05+08:00", "av-console", NULL,
		    "发现病毒" },
		/* no host: not a host name, or nothing after it */
		{ "Nov 24 09:15:00 磁盘 full", "2026-11-24T09:15:00+08:00",
		    NULL, NULL, "磁盘 full" },
		{ "Nov 24 09:15:00 reboot", "2026-11-24T09:15:00+08:00",
		    NULL, NULL, "reboot" },
		{ "2026-11-24T09:15:00+08:00 waf01 modsecurity: SQL injection",
		    "2026-11-24T09:15:00+08:00", "waf01", "modsecurity",
		    "SQL injection" },
		{ "2026-11-24T01:15:00.250Z 检测到DDoS攻击",
		    "2026-11-24T01:15:00+00:00", NULL, NULL, "检测到DDoS攻击" },
		{ "<13>1 2026-11-24T09:15:00+08:00 web01 nginx: 502",
		    "2026-11-24T09:15:00+08:00", "web01", "nginx", "502" },
		/* local time: $TZ; no syslog header after it */
		{ "2026-11-24 09:15:30 ERROR: 网站首页被篡改",
		    "2026-11-24T09:15:30+08:00", NULL, NULL,
		    "ERROR: 网站首页被篡改" },
		{ "2026-11-24 09:15 机房烟感报警", "2026-11-24T09:15:00+08:00",
		    NULL, NULL, "机房烟感报警" },
		/* not timestamps: the clock, the whole line */
		{ "hello world", NULL, NULL, NULL, "hello world" },
		{ "2026-02-30 09:15 x", NULL, NULL, NULL,
		    "2026-02-30 09:15 x" },
		{ "2026-11-24 banana", NULL, NULL, NULL, "2026-11-24 banana" },
		{ "Foo 24 09:15:00 x", NULL, NULL, NULL, "Foo 24 09:15:00 x" },
		{ "Nov 24 9:15:00 x", NULL, NULL, NULL, "Nov 24 9:15:00 x" },
		{ "  padded line \r", NULL, NULL, NULL, "padded line" },
		/* a header and no message: the line is the message */
		{ "Nov 24 09:15:00 web01 sshd:", "2026-11-24T09:15:00+08:00",
		    "web01", "sshd", "Nov 24 09:15:00 web01 sshd:" },
	};
	struct inc_alert a;
	char buf[INC_TIME_LEN];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const char *l = t[i].line;

		assert_int_equal(alert_parse(l, strlen(l), &clock_, &a), 0);
		if (t[i].detected == NULL) {
			if (a.dated)
				fail_msg("\"%s\": dated", l);
			assert_true(a.detected.t == clock_.now.t);
		} else {
			if (!a.dated)
				fail_msg("\"%s\": no timestamp", l);
			assert_string_equal(time_format(buf, a.detected),
			    t[i].detected);
		}
		same("host", l, t[i].host, a.host, a.hostlen);
		same("tag", l, t[i].tag, a.tag, a.taglen);
		same("message", l, t[i].msg, a.msg, a.msglen);
	}
}

static void
test_blank(void **state)
{
	struct inc_alert a;

	(void)state;
	assert_int_equal(alert_parse("", 0, &clock_, &a), -1);
	assert_int_equal(alert_parse(" \t \r", 4, &clock_, &a), -1);
}

/* Bytes past len are not the line's. */
static void
test_len_bounds(void **state)
{
	struct inc_alert a;
	const char *l = "Nov 24 09:15:00 h t: xyz";

	(void)state;
	assert_int_equal(alert_parse(l, 10, &clock_, &a), 0);
	assert_false(a.dated);
	assert_int_equal(a.msglen, 10);
}

static int
id_shape(const char *id)
{
	size_t i;

	if (strlen(id) != 25 || strncmp(id, "inc-", 4) != 0 || id[12] != '-')
		return 0;
	for (i = 4; i < 12; i++)
		if (id[i] < '0' || id[i] > '9')
			return 0;
	for (i = 13; i < 25; i++)
		if (!((id[i] >= '0' && id[i] <= '9') ||
		    (id[i] >= 'a' && id[i] <= 'f')))
			return 0;
	return 1;
}

static void
test_ids(void **state)
{
	char a[INC_ID_LEN], b[INC_ID_LEN], c[INC_ID_LEN], d[INC_ID_LEN];
	struct inc_time t, late;
	const char *l = "Nov 24 09:15:00 web01 sshd[1]: Failed password";

	(void)state;
	assert_int_equal(time_parse("2026-11-24T09:15:00+08:00", &t), 0);
	inc_id(a, l, strlen(l), 1, t);
	inc_id(b, l, strlen(l), 1, t);
	inc_id(c, l, strlen(l), 2, t);
	inc_id(d, l, strlen(l) - 1, 1, t);
	assert_true(id_shape(a));
	assert_string_equal(a, b);		/* stable */
	assert_string_not_equal(a, c);		/* identical lines differ */
	assert_string_not_equal(a, d);
	assert_memory_equal(a, "inc-20261124-", 13);
	/* the date in the time's own offset, not UTC's */
	assert_int_equal(time_parse("2026-11-24T23:30:00-05:00", &late), 0);
	inc_id(a, l, strlen(l), 1, late);
	assert_memory_equal(a, "inc-20261124-", 13);
	assert_int_equal(time_parse("2026-11-24T07:30:00+08:00", &late), 0);
	inc_id(a, l, strlen(l), 1, late);
	assert_memory_equal(a, "inc-20261124-", 13);
	/* a known value: ids must not change between versions or machines */
	inc_id(a, "x", 1, 1, t);
	assert_string_equal(a, ID_OF_X);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_len_bounds),
		cmocka_unit_test(test_ids),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
