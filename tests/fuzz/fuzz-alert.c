/*
 * fuzz-alert.c - the raw alert parser, incident ids and the keyword
 * matcher on any line: a line is no alert exactly when it is blank;
 * host, tag and message lie inside the line and are what the header
 * grammar says; a dated line's time formats and reads back, an undated
 * one is the clock's; an id has its fixed shape and does not change
 * from one call to the next; a keyword found is in the message.
 *
 * The first byte picks the clock, so that the year-before rule of
 * syslog dates meets New Year and the ends of the valid years.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alert.h"
#include "match.h"
#include "plan.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const clocks[] = {
	"2026-11-24T09:15:00+08:00",
	"2027-01-01T00:30:00+08:00",	/* "Dec 31" is yesterday */
	"2026-12-31T23:59:59-05:00",
	"1970-01-01T00:00:00Z",		/* no year before */
	"9999-12-31T23:59:59+14:00",
	"2028-02-29T12:00:00Z"		/* "Feb 29" only in leap years */
};

static struct inc_plan *plan;
static struct inc_matcher *matcher;

static void
setup(void)
{
	struct plan_errors errs;

	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	memset(&errs, 0, sizeof(errs));
	plan = plan_load_buffer("plan.yaml", inc_plan_embedded,
	    inc_plan_embedded_len, &errs);
	if (plan == NULL || (matcher = matcher_build(plan)) == NULL)
		abort();
	plan_errors_free(&errs);
}

static int
sp(char c)
{
	return c == ' ' || c == '\t';
}

static int
inside(const char *p, size_t n, const char *line, size_t len)
{
	return p >= line && n <= len && (size_t)(p - line) <= len - n;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Is kw in text, ASCII letters without regard to case? */
static int
found(const char *text, size_t len, const char *kw)
{
	size_t k = strlen(kw), i, j;

	for (i = 0; i + k <= len; i++) {
		for (j = 0; j < k; j++)
			if (lower((unsigned char)text[i + j]) !=
			    lower((unsigned char)kw[j]))
				break;
		if (j == k)
			return 1;
	}
	return 0;
}

/* "inc-YYYYMMDD-" and 12 lower-case hex digits. */
static void
check_id(const char *id)
{
	size_t i;

	if (strlen(id) != 25 || strncmp(id, "inc-", 4) != 0 || id[12] != '-')
		abort();
	for (i = 4; i < 12; i++)
		if (id[i] < '0' || id[i] > '9')
			abort();
	for (i = 13; i < 25; i++)
		if (!((id[i] >= '0' && id[i] <= '9') ||
		    (id[i] >= 'a' && id[i] <= 'f')))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct alert_clock clock;
	struct inc_alert a;
	struct inc_match best;
	struct inc_time now, back;
	char id[INC_ID_LEN], id2[INC_ID_LEN], buf[INC_TIME_LEN];
	const char *line;
	size_t len, i;
	int blank;

	if (plan == NULL)
		setup();
	if (size == 0)
		return 0;
	if (time_parse(clocks[data[0] % (sizeof(clocks) /
	    sizeof(clocks[0]))], &now) != 0)
		abort();
	alert_clock_set(&clock, now, true);
	line = (const char *)data + 1;
	len = size - 1;

	for (blank = 1, i = 0; i < len; i++)
		if (!sp(line[i]) && line[i] != '\r')
			blank = 0;
	if (alert_parse(line, len, &clock, &a) == -1) {
		if (!blank)
			abort();
		return 0;
	}
	if (blank || a.msglen == 0 || !inside(a.msg, a.msglen, line, len) ||
	    sp(a.msg[0]) || sp(a.msg[a.msglen - 1]) ||
	    a.msg[a.msglen - 1] == '\r')
		abort();
	if ((a.host != NULL) != (a.hostlen > 0) ||
	    (a.tag != NULL) != (a.taglen > 0) ||
	    (a.host != NULL && !inside(a.host, a.hostlen, line, len)) ||
	    (a.tag != NULL && !inside(a.tag, a.taglen, line, len)))
		abort();
	for (i = 0; i < a.hostlen; i++)
		if (sp(a.host[i]) || a.host[i] == ':')
			abort();
	/* a tag's words are one blank apart */
	for (i = 0; i < a.taglen; i++)
		if (a.tag[i] == '\t' || a.tag[i] == ':' || a.tag[i] == '[' ||
		    (a.tag[i] == ' ' && (i == 0 || i + 1 == a.taglen ||
		    a.tag[i + 1] == ' ')))
			abort();
	/* a header only after a timestamp, or RFC 5424's nil one */
	if ((a.host != NULL || a.tag != NULL) && !a.dated &&
	    !(len > 0 && line[0] == '<'))
		abort();
	if (!a.dated && (a.detected.t != now.t ||
	    a.detected.offset != now.offset || a.note == NULL))
		abort();
	if (a.received.t != now.t)
		abort();
	/* what is written of the message is UTF-8 */
	{
		char vis[256];
		size_t n = alert_visible(vis, sizeof(vis), a.msg, a.msglen);

		if (n > sizeof(vis) || !alert_utf8_valid(vis, n) ||
		    (alert_utf8_valid(a.msg, a.msglen) && a.msglen <= n &&
		    memcmp(vis, a.msg, a.msglen) != 0))
			abort();
	}
	if (a.dated) {
		time_format(buf, a.detected);
		if (time_parse(buf, &back) != 0 || back.t != a.detected.t ||
		    back.offset != a.detected.offset)
			abort();
	}

	inc_id(id, line, len, size, a.detected);
	inc_id(id2, line, len, size, a.detected);
	check_id(id);
	if (strcmp(id, id2) != 0)
		abort();

	match_clear(&best);
	matcher_scan(matcher, a.msg, a.msglen, NULL, &best);
	/* A keyword found is in the text; a pattern's capture too. */
	if (best.subtype != NULL && (best.keyword == NULL ||
	    best.rule == NULL || (best.keyword != best.rule &&
	    !found(a.msg, a.msglen, best.keyword))))
		abort();
	if (best.address != NULL && (best.addresslen == 0 ||
	    !inside(best.address, best.addresslen, a.msg, a.msglen)))
		abort();
	return 0;
}
