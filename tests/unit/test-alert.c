/*
 * test-alert.c - alert lines as record fields (alert.h): every form of
 * timestamp (logtime.h), syslog and RFC 5424 host and tag, the year of a
 * syslog date, DST gaps and folds, lines with no timestamp or nothing
 * but a header, bytes that are not UTF-8; and incident ids.
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
	alert_clock_set(&clock_, now, true);
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

/* The forms of real logs (inc-classify(1), TIMES and HEADERS). */
#define CLF	"192.0.2.1 - frank [03/Dec/2026:10:00:00 +0800] " \
		"\"GET / HTTP/1.0\" 200 2"
#define VHOST	"www.example.com:443 192.0.2.1 - - " \
		"[03/Dec/2026:02:00:00 -0000] \"GET /\""

static void
test_forms(void **state)
{
	static const struct want t[] = {
		/* ISO 8601: comma fractions (log4j; Windows CBS's bare ",") */
		{ "2015-07-29 17:41:44,747 ERROR [main] o.a.Foo - boom",
		    "2015-07-29T17:41:44+08:00", NULL, NULL,
		    "ERROR [main] o.a.Foo - boom" },
		{ "2016-09-28 04:30:30, Info                  CBS    Loaded",
		    "2016-09-28T04:30:30+08:00", NULL, NULL,
		    "Info                  CBS    Loaded" },
		{ "2026-11-24T09:15:00.123456 worker: x",
		    "2026-11-24T09:15:00+08:00", NULL, NULL, "worker: x" },
		/* an offset after a blank is kept, "+0800" too */
		{ "2026-11-24 09:40:00 +08:00 disk", "2026-11-24T09:40:00+08:00",
		    NULL, NULL, "disk" },
		{ "2026-11-24 09:40:00 -0500 disk", "2026-11-24T09:40:00-05:00",
		    NULL, NULL, "disk" },
		{ "2026-11-24 09:40:00 UTC disk", "2026-11-24T09:40:00+00:00",
		    NULL, NULL, "disk" },
		{ "2026-11-24 09:40:00 +1 more", "2026-11-24T09:40:00+08:00",
		    NULL, NULL, "+1 more" },
		{ "2026-11-24T09:15:00.5+0530 web01 app: x",
		    "2026-11-24T09:15:00+05:30", "web01", "app", "x" },
		{ "[2026-11-24 09:15:00] production.ERROR: x",
		    "2026-11-24T09:15:00+08:00", NULL, NULL,
		    "production.ERROR: x" },
		/* syslog with a year (network devices) */
		{ "Nov 24 2026 09:15:00 fw01 %ASA-4-106023: Deny",
		    "2026-11-24T09:15:00+08:00", "fw01", "%ASA-4-106023",
		    "Deny" },
		{ "<133> Feb 25 14:09:07 webserver syslogd: restart",
		    "2026-02-25T14:09:07+08:00", "webserver", "syslogd",
		    "restart" },
		/* RFC 5424: host, app-name as the tag, SD skipped */
		{ "<34>1 2026-11-24T09:15:00.003Z web01 sshd 1234 ID47 - "
		    "Failed password", "2026-11-24T09:15:00+00:00", "web01",
		    "sshd", "Failed password" },
		{ "<34>1 2026-11-24T09:15:00+08:00 web01 su - - [a@1 b=\"x\\]y\"]"
		    "[c@2 d=\"e\"] 'su root' failed", "2026-11-24T09:15:00+08:00",
		    "web01", "su", "'su root' failed" },
		{ "<34>1 2026-11-24T09:15:00Z - - - - - \xEF\xBB\xBFhello",
		    "2026-11-24T09:15:00+00:00", NULL, NULL, "hello" },
		{ "<34>1 - web01 app - - - no time", NULL, "web01", "app",
		    "no time" },
		/* RFC 5424's header only after its own time */
		{ "<13>1 Nov  4 08:02:00 fw01 kernel: a b - msg",
		    "2026-11-04T08:02:00+08:00", "fw01", "kernel", "a b - msg" },
		/* Apache error logs, 2.2 and 2.4 */
		{ "[Sun Dec 04 04:47:44 2005] [error] [client 1.2.3.4] denied",
		    "2005-12-04T04:47:44+08:00", NULL, NULL,
		    "[error] [client 1.2.3.4] denied" },
		{ "[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708] x",
		    "2000-10-11T14:32:52+08:00", NULL, NULL,
		    "[core:error] [pid 35708] x" },
		/* access logs: the time after the client; the line is all */
		{ CLF, "2026-12-03T10:00:00+08:00", NULL, NULL, CLF },
		{ VHOST, "2026-12-03T02:00:00+00:00", NULL, NULL, VHOST },
		{ "[03/Dec/2026:10:00:00 +0800] GET /", "2026-12-03T10:00:00+08:00",
		    NULL, NULL, "[03/Dec/2026:10:00:00 +0800] GET /" },
		/* nginx, Suricata, epoch seconds */
		{ "2026/11/24 09:15:00 [error] 1234#0: *5 open() failed",
		    "2026-11-24T09:15:00+08:00", NULL, NULL,
		    "[error] 1234#0: *5 open() failed" },
		{ "11/24/2026-09:15:00.123456  [**] [1:2010935:3] ET SCAN [**]",
		    "2026-11-24T09:15:00+08:00", NULL, NULL,
		    "[**] [1:2010935:3] ET SCAN [**]" },
		{ "[1732412100] SERVICE ALERT: web01;HTTP;CRITICAL;HARD;3;x",
		    "2024-11-24T09:35:00+08:00", NULL, NULL,
		    "SERVICE ALERT: web01;HTTP;CRITICAL;HARD;3;x" },
		/* syslog tags with parentheses and blanks */
		{ "Nov 24 09:15:00 combo sshd(pam_unix)[19939]: auth failure",
		    "2026-11-24T09:15:00+08:00", "combo", "sshd(pam_unix)",
		    "auth failure" },
		{ "Nov 24 09:15:00 mac Microsoft Word[14463]: crashed",
		    "2026-11-24T09:15:00+08:00", "mac", "Microsoft Word",
		    "crashed" },
		{ "Nov 24 09:15:00 mac com.apple.xpc.launchd[1] (x[2]): exited",
		    "2026-11-24T09:15:00+08:00", "mac", "com.apple.xpc.launchd",
		    "(x[2]): exited" },
		{ "Nov 24 09:15:00 db01 Out of memory: Kill process 1",
		    "2026-11-24T09:15:00+08:00", "db01", NULL,
		    "Out of memory: Kill process 1" },
		{ "Nov 24 09:15:00 h kernel: [ 12.5] EXT4-fs error",
		    "2026-11-24T09:15:00+08:00", "h", "kernel",
		    "[ 12.5] EXT4-fs error" },
		/* look-alikes that are no time */
		{ "[123] x", NULL, NULL, NULL, "[123] x" },
		{ "[Sun Dec 44 04:47:44 2005] x", NULL, NULL, NULL,
		    "[Sun Dec 44 04:47:44 2005] x" },
		{ "2026/11/24 25:15:00 x", NULL, NULL, NULL,
		    "2026/11/24 25:15:00 x" },
		{ "13/24/2026-09:15:00 x", NULL, NULL, NULL,
		    "13/24/2026-09:15:00 x" },
		{ "a b c d e [03/Dec/2026:10:00:00 +0800] x", NULL, NULL, NULL,
		    "a b c d e [03/Dec/2026:10:00:00 +0800] x" },
		{ "2026-11-24 09:15:00.x", NULL, NULL, NULL,
		    "2026-11-24 09:15:00.x" },
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
			assert_non_null(a.note);
		} else {
			if (!a.dated)
				fail_msg("\"%s\": no timestamp", l);
			if (strcmp(time_format(buf, a.detected),
			    t[i].detected) != 0)
				fail_msg("\"%s\": %s", l, buf);
			assert_null(a.note);
		}
		assert_true(a.received.t == clock_.now.t);
		same("host", l, t[i].host, a.host, a.hostlen);
		same("tag", l, t[i].tag, a.tag, a.taglen);
		same("message", l, t[i].msg, a.msg, a.msglen);
	}
}

/* The year of a syslog date: nearest the clock, at most a day ahead. */
static void
test_syslog_year(void **state)
{
	struct alert_clock c;
	struct inc_time now;
	struct inc_alert a;
	char buf[INC_TIME_LEN];
	const char *l;

	(void)state;
	assert_int_equal(time_parse("2026-12-31T23:59:30+08:00", &now), 0);
	alert_clock_set(&c, now, true);
	l = "Jan  1 00:00:10 h t: x";
	assert_int_equal(alert_parse(l, strlen(l), &c, &a), 0);
	assert_string_equal(time_format(buf, a.detected),
	    "2027-01-01T00:00:10+08:00");
	l = "Dec 31 23:59:00 h t: x";
	assert_int_equal(alert_parse(l, strlen(l), &c, &a), 0);
	assert_string_equal(time_format(buf, a.detected),
	    "2026-12-31T23:59:00+08:00");
	l = "Jan  2 00:00:10 h t: x";	/* two days ahead: last January */
	assert_int_equal(alert_parse(l, strlen(l), &c, &a), 0);
	assert_string_equal(time_format(buf, a.detected),
	    "2026-01-02T00:00:10+08:00");
	assert_int_equal(time_parse("2027-01-01T00:00:05+08:00", &now), 0);
	alert_clock_set(&c, now, true);
	l = "Dec 31 23:59:59 h t: x";	/* read a little after New Year */
	assert_int_equal(alert_parse(l, strlen(l), &c, &a), 0);
	assert_string_equal(time_format(buf, a.detected),
	    "2026-12-31T23:59:59+08:00");
	/* Feb 29 in a year that has none, nor the years either side */
	assert_int_equal(time_parse("2026-03-01T12:00:00+08:00", &now), 0);
	alert_clock_set(&c, now, true);
	l = "Feb 29 10:00:00 h t: x";
	assert_int_equal(alert_parse(l, strlen(l), &c, &a), 0);
	assert_false(a.dated);
}

/*
 * Local times at a DST change: the same answer whatever came before,
 * and a note that says what was done.
 */
static void
test_dst_notes(void **state)
{
	struct alert_clock c;
	struct inc_time now;
	struct inc_alert a;
	char buf[INC_TIME_LEN];
	const char *gap = "2026-03-08 02:30:00 web01 down";
	const char *fold = "Nov  1 01:30:00 h t: x";
	const char *after = "2026-11-01 01:30:00 -05:00 x";
	int k;

	(void)state;
	setenv("TZ", "America/New_York", 1);
	tzset();
	assert_int_equal(time_parse("2026-11-24T12:00:00-05:00", &now), 0);
	alert_clock_set(&c, now, true);
	for (k = 0; k < 2; k++) {
		assert_int_equal(alert_parse(gap, strlen(gap), &c, &a), 0);
		assert_true(a.dated);
		assert_string_equal(time_format(buf, a.detected),
		    "2026-03-08T03:30:00-04:00");
		assert_string_equal(a.note, "local time 2026-03-08 02:30:00 "
		    "does not exist (clocks went forward): read as 1h later");
		assert_int_equal(alert_parse(fold, strlen(fold), &c, &a), 0);
		assert_string_equal(time_format(buf, a.detected),
		    "2026-11-01T01:30:00-04:00");
		assert_string_equal(a.note, "local time 2026-11-01 01:30:00 "
		    "happens twice (clocks went back): the first taken");
		/* an offset says which: no note */
		assert_int_equal(alert_parse(after, strlen(after), &c, &a), 0);
		assert_string_equal(time_format(buf, a.detected),
		    "2026-11-01T01:30:00-05:00");
		assert_null(a.note);
	}
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
}

/* The clock: fixed by --now, else read again for each alert. */
static void
test_clock_tick(void **state)
{
	struct alert_clock c;
	struct inc_time old;

	(void)state;
	assert_int_equal(time_parse("2001-01-01T00:00:00Z", &old), 0);
	alert_clock_set(&c, old, true);
	assert_int_equal(alert_clock_tick(&c), 0);
	assert_true(c.now.t == old.t);
	alert_clock_set(&c, old, false);
	assert_int_equal(alert_clock_tick(&c), 0);
	assert_true(c.now.t >= (int64_t)time(NULL) - 5);
	assert_int_equal(c.now.offset, 28800);
	assert_true(c.year >= 2026);
}

/* Bytes that are not UTF-8 become \xHH; UTF-8 passes as it is. */
static void
test_visible(void **state)
{
	static const struct {
		const char	*in, *out;
	} t[] = {
		{ "plain", "plain" },
		{ "中文 ok", "中文 ok" },
		{ "a\xff" "b", "a\\xFFb" },
		{ "\xc0\x80", "\\xC0\\x80" },		/* overlong NUL */
		{ "\xed\xa0\x80", "\\xED\\xA0\\x80" },	/* a surrogate */
		{ "\xf4\x90\x80\x80", "\\xF4\\x90\\x80\\x80" },	/* > U+10FFFF */
		{ "\xe4\xb8", "\\xE4\\xB8" },		/* cut short */
		{ "\xf0\x9f\x98\x80!", "\xf0\x9f\x98\x80!" },
		{ "12345678\x80" "12345678", "12345678\\x8012345678" },
	};
	char buf[64];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		n = alert_visible(buf, sizeof(buf), t[i].in, strlen(t[i].in));
		buf[n] = '\0';
		assert_string_equal(buf, t[i].out);
		assert_int_equal(alert_utf8_valid(t[i].in, strlen(t[i].in)),
		    strcmp(t[i].in, t[i].out) == 0);
	}
	/* never part of an escape or a character at the cap */
	assert_int_equal(alert_visible(buf, 5, "ab\xff", 3), 2);
	assert_int_equal(alert_visible(buf, 6, "ab\xff", 3), 6);
	assert_int_equal(alert_visible(buf, 4, "ab中", 5), 2);
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
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_syslog_year),
		cmocka_unit_test(test_dst_notes),
		cmocka_unit_test(test_clock_tick),
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_len_bounds),
		cmocka_unit_test(test_ids),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
