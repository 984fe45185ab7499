/*
 * alert-incident.c - the record of an incident made of alerts
 * (alert-incident.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert-incident.h"
#include "alert.h"
#include "diag.h"

#define TITLE_MAX	1024	/* the rule's words are the plan's: bounded */

/* The log values: "<time> alert: <line>", bytes not UTF-8 visible. */
static char	*logbuf[GROUP_HEAD + 1];
static size_t	 logcap[GROUP_HEAD + 1];

#define LOG_MARK	" alert: "

static int
log_value(size_t i, const char *s, size_t len,
    const struct alert_clock *clock, const char **out, size_t *outlen)
{
	struct inc_alert a;
	char when[INC_TIME_LEN];
	size_t need, n, w;
	char *b;

	if (alert_parse(s, len, clock, &a) == -1)
		a.detected = clock->now;	/* blank: not kept, but safe */
	time_format(when, a.detected);
	w = strlen(when);
	need = w + sizeof(LOG_MARK) + 4 * len + 1;
	if (need > logcap[i]) {
		if ((b = realloc(logbuf[i], need)) == NULL)
			return -1;
		logbuf[i] = b;
		logcap[i] = need;
	}
	memcpy(logbuf[i], when, w);
	memcpy(logbuf[i] + w, LOG_MARK, sizeof(LOG_MARK) - 1);
	n = w + sizeof(LOG_MARK) - 1;
	if (alert_utf8_valid(s, len)) {
		memcpy(logbuf[i] + n, s, len);
		n += len;
	} else
		n += alert_visible(logbuf[i] + n, need - n, s, len);
	*out = logbuf[i];
	*outlen = n;
	return 0;
}

bool
alert_incident_log(const char *value)
{
	struct inc_time t;
	const char *end;

	return time_lead(value, strlen(value), &t, &end) == 0 &&
	    strncmp(end, LOG_MARK, sizeof(LOG_MARK) - 1) == 0;
}

/* "sshd: SSH password ... failed (brute force): 412 alerts from A on H" */
static size_t
title_of(char *buf, size_t cap, const struct group_incident *gi,
    const struct inc_alert *a, const char *address, size_t addresslen)
{
	const struct inc_rule *def = gi->def;
	const char *what = gi->rule;
	int n;

	if (def != NULL && def->note.en != NULL)
		what = def->note.en;
	else if (def != NULL && def->note.zh != NULL)
		what = def->note.zh;
	if (a->tag != NULL && a->taglen < 64)
		n = snprintf(buf, cap, "%.*s: %s: %" PRIu64 " alerts",
		    (int)a->taglen, a->tag, what, gi->alerts);
	else
		n = snprintf(buf, cap, "%s: %" PRIu64 " alerts", what,
		    gi->alerts);
	if (n >= 0 && (size_t)n < cap && address != NULL && addresslen > 0 &&
	    addresslen < 256)
		n += snprintf(buf + n, cap - (size_t)n, " from %.*s",
		    (int)addresslen, address);
	if (n >= 0 && (size_t)n < cap && a->host != NULL && a->hostlen < 256)
		n += snprintf(buf + n, cap - (size_t)n, " on %.*s",
		    (int)a->hostlen, a->host);
	if (n < 0)
		return 0;
	return (size_t)n < cap ? (size_t)n : cap - 1;
}

/* The address the first alert's rule captured (as classify_alert). */
static void
address_of(struct inc_classifier *cl, const struct inc_alert *a,
    const char **address, size_t *len)
{
	struct inc_match m;

	match_clear(&m);
	matcher_scan(cl->matcher, a->msg, a->msglen, NULL, &m);
	*address = m.address;
	*len = m.address != NULL ? m.addresslen : 0;
}

void
alert_to_group(struct group_alert *ga, const struct inc_alert *a,
    const struct inc_match *m, const char *line, size_t len, double seen)
{
	memset(ga, 0, sizeof(*ga));
	ga->match = m;
	ga->detected = a->detected;
	ga->received = a->received;
	ga->host = a->host;
	ga->hostlen = a->hostlen;
	ga->source = a->tag;
	ga->sourcelen = a->taglen;
	ga->line = line;
	ga->len = len;
	ga->seen = seen;
}

int
alert_incident(struct inc_classifier *cl, const struct group_incident *gi,
    const char **text, size_t *len)
{
	struct alert_clock clock;
	struct alert_extra x;
	struct inc_alert a;
	char id[INC_ID_LEN], count[24], last[INC_TIME_LEN], title[TITLE_MAX];
	const char *address;
	size_t i, addresslen;

	/* The first alert read again, received when it was. */
	alert_clock_set(&clock, gi->received, true);
	if (gi->nlines == 0 ||
	    alert_parse(gi->lines[0], gi->lens[0], &clock, &a) == -1) {
		inc_warn("an incident of no alert line (rule %s)", gi->rule);
		return -1;
	}
	memset(&x, 0, sizeof(x));
	/* Its time in the hash: an untimed line again later is another. */
	x.id = inc_id(id, gi->lines[0], gi->lens[0], (uint64_t)a.detected.t,
	    a.detected);
	if (gi->alerts > 1) {
		address_of(cl, &a, &address, &addresslen);
		x.titlelen = title_of(title, sizeof(title), gi, &a, address,
		    addresslen);
		x.title = title;
	}
	snprintf(count, sizeof(count), "%" PRIu64, gi->alerts);
	time_format(last, gi->last);
	x.name[x.n] = "alerts";
	x.value[x.n] = count;
	x.len[x.n++] = strlen(count);
	x.name[x.n] = "last_seen";
	x.value[x.n] = last;
	x.len[x.n++] = strlen(last);
	for (i = 0; i < gi->nlines && x.n < ALERT_EXTRA_MAX; i++) {
		x.name[x.n] = "log";
		if (log_value(i, gi->lines[i], gi->lens[i], &clock,
		    &x.value[x.n], &x.len[x.n]) == -1) {
			(void)inc_nomem();
			return -1;
		}
		x.n++;
	}
	cl->file = NULL;
	cl->line = 0;
	return classify_alert(cl, &a, gi->lines[0], gi->lens[0], 0, &x, text,
	    len);
}

void
alert_incident_free(void)
{
	size_t i;

	for (i = 0; i < GROUP_HEAD + 1; i++) {
		free(logbuf[i]);
		logbuf[i] = NULL;
		logcap[i] = 0;
	}
}
