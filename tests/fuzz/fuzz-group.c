/*
 * fuzz-group.c - alert lines grouped into incidents (group.h) and
 * written (alert-incident.h), on any input: every alert is counted once,
 * in an incident or below a threshold; an incident has at least one
 * alert, its first time not after its last, at most GROUP_HEAD + 1
 * lines; and its record reads back as one incident whose alerts and log
 * fields are what the grouping said.
 *
 * The first byte picks the cap on open groups (1 to 4, so that closing
 * early is met often) and whether the clock is that of a live input.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>

#include "alert-incident.h"
#include "alert.h"
#include "classify.h"
#include "group.h"
#include "inc.h"
#include "match.h"
#include "plan.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct inc_plan *plan;
static struct inc_matcher *matcher;

struct run {
	struct inc_classifier	cl;
	uint64_t		alerts;		/* in incidents (last copy) */
};

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

/* The record text read back: one incident, alerts and log as said. */
static void
read_back(const char *text, size_t len, const struct group_incident *gi)
{
	struct inc_reader *rd;
	struct inc_record r;
	const struct inc_item *it;
	char want[24];
	size_t pos = 0, logs = 0;
	int fd = memfd_create("fuzz", 0), n = 0;

	if (fd == -1 || write(fd, text, len) != (ssize_t)len)
		abort();
	lseek(fd, 0, SEEK_SET);
	rd = reader_open(fd, "fuzz");
	record_init(&r);
	while (reader_next(rd, &r) == 1) {
		if (r.kind != RECORD_INCIDENT)
			abort();
		n++;
		snprintf(want, sizeof(want), "%" PRIu64, gi->alerts);
		if ((it = record_next(&r, "alerts", &pos)) == NULL ||
		    strcmp(it->value, want) != 0)
			abort();
		pos = 0;
		while (record_next(&r, "log", &pos) != NULL)
			logs++;
		if (logs != gi->nlines)
			abort();
	}
	if (n != 1)
		abort();
	record_free(&r);
	reader_close(rd);
	close(fd);
}

static int
emit(const struct group_incident *gi, void *ctx)
{
	struct run *rn = ctx;
	const char *text;
	size_t len;

	if (gi->alerts == 0 || gi->first.t > gi->last.t || gi->nlines == 0 ||
	    gi->nlines > GROUP_HEAD + 1)
		abort();
	if (alert_incident(&rn->cl, gi, &text, &len) == -1)
		abort();
	read_back(text, len, gi);
	if (!gi->update)
		rn->alerts += gi->alerts;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct alert_clock clock;
	struct inc_time now;
	struct grouping *g;
	struct group_alert ga;
	struct inc_match m;
	struct inc_alert a;
	struct run rn;
	const char *p, *end, *nl;
	uint64_t taken = 0;
	bool live;
	double seen = 1;

	if (plan == NULL)
		setup();
	if (size == 0)
		return 0;
	live = data[0] & 4;
	memset(&rn, 0, sizeof(rn));
	rn.cl.plan = plan;
	rn.cl.matcher = matcher;
	if (time_parse("2026-11-24T09:15:00+08:00", &now) != 0)
		abort();
	rn.cl.now = now;
	alert_clock_set(&clock, now, true);
	if ((g = grouping_new((size_t)(data[0] & 3) + 1, 600, emit, &rn)) ==
	    NULL)
		abort();
	grouping_hold(g, 2);
	p = (const char *)data + 1;
	end = (const char *)data + size;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (alert_parse(p, (size_t)(nl - p), &clock, &a) == -1)
			continue;
		if (classify_alert_scan(&rn.cl, &a, &m) == -1)
			abort();
		if (m.subtype == NULL || m.ignore)
			continue;
		alert_to_group(&ga, &a, &m, p, (size_t)(nl - p),
		    live ? seen : 0);
		seen += 1.5;
		taken++;
		if (group_add(g, &ga) == -1 || group_expire(g) == -1)
			abort();
		if (live && group_due(g, seen) == -2)
			abort();
	}
	if (group_close_all(g) == -1)
		abort();
	/* From a file every alert is counted once; live, the first copy
	 * of an incident may hold fewer than its last. */
	if (group_stats(g)->alerts != taken ||
	    rn.alerts + group_stats(g)->below > taken ||
	    (!live && rn.alerts + group_stats(g)->below != taken))
		abort();
	grouping_free(g);
	classifier_free(&rn.cl);
	alert_incident_free();
	return 0;
}
