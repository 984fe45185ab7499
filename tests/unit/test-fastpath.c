/*
 * test-fastpath.c - INC_NO_FASTPATH really switches the fast paths off
 * (loop.h lists them), and they answer as the general path does.  The
 * switch is read once per process, so each setting runs in a child of
 * its own and reports what it saw through a pipe: with the fast paths
 * on, records are answered from their bytes and inc-classify --raw's
 * kept text is used; off, every record reaches each and every alert is
 * made a record (its scratch record is the last alert's, not the first).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "alert.h"
#include "classify.h"
#include "fastpath.h"
#include "inc.h"
#include "match.h"

/* fn's output in a child with INC_NO_FASTPATH=v (NULL: unset). */
static char *
in_child(const char *v, void (*fn)(FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	ssize_t got;
	char chunk[4096];
	int fd[2], st;
	pid_t pid;
	FILE *fp;

	assert_int_equal(pipe(fd), 0);
	fflush(NULL);
	assert_true((pid = fork()) >= 0);
	if (pid == 0) {
		close(fd[0]);
		if (v == NULL)
			unsetenv("INC_NO_FASTPATH");
		else
			setenv("INC_NO_FASTPATH", v, 1);
		if ((fp = fdopen(fd[1], "w")) == NULL)
			_exit(3);
		fn(fp);
		_exit(fclose(fp) == 0 ? 0 : 3);
	}
	close(fd[1]);
	while ((got = read(fd[0], chunk, sizeof(chunk))) > 0) {
		assert_non_null(buf = realloc(buf, len + (size_t)got + 1));
		memcpy(buf + len, chunk, (size_t)got);
		len += (size_t)got;
	}
	close(fd[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	if (buf == NULL)
		assert_non_null(buf = calloc(1, 1));
	buf[len] = '\0';
	return buf;
}

static void
say_switch(FILE *fp)
{
	fprintf(fp, "%d", inc_fastpath());
	setenv("INC_NO_FASTPATH", "1", 1);
	fprintf(fp, "%d", inc_fastpath());	/* read once: no change */
}

static void
test_switch(void **state)
{
	const char *v[] = { NULL, "", "0", "1", "yes" };
	const char *want[] = { "11", "11", "11", "00", "00" };
	char *got;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		got = in_child(v[i], say_switch);
		assert_string_equal(got, want[i]);
		free(got);
	}
}

/* The loop: old records answered from their bytes, the others parsed. */
struct counts {
	int	 answered, each;
};

static int
answer_old(const struct raw_para *para, void *ctx, const char **add,
    size_t *addlen)
{
	struct counts *c = ctx;
	static const char old[] = "closed: old\n";

	*add = NULL;
	*addlen = 0;
	if (para->len < sizeof(old) - 1 || memcmp(para->raw + para->len -
	    (sizeof(old) - 1), old, sizeof(old) - 1) != 0)
		return -1;
	c->answered++;
	return 0;
}

static int
each_seen(struct inc_record *r, void *ctx)
{
	struct counts *c = ctx;

	c->each++;
	/* What the answer would say of an old one: nothing added. */
	if (strcmp(record_get(r, "closed"), "old") == 0)
		return 0;
	return record_set(r, "seen", "yes") == 0 ? 0 : 2;
}

static void
run_loop(FILE *fp)
{
	const char in[] = "id: 1\nclosed: old\n\nid: 2\nclosed: new\n\n"
	    "id: 3\nclosed: old\n\nid: 4\nclosed: new\n";
	char path[] = "/tmp/test-fastpath-XXXXXX";
	char *files[1] = { path };
	struct counts c = { 0, 0 };
	struct inc_loop lp;
	int fd, st;

	if ((fd = mkstemp(path)) == -1 ||
	    write(fd, in, sizeof(in) - 1) != (ssize_t)sizeof(in) - 1)
		_exit(4);
	close(fd);
	memset(&lp, 0, sizeof(lp));
	lp.each = each_seen;
	lp.answer = answer_old;
	lp.ctx = &c;
	lp.filter = true;
	lp.out = fp;
	st = inc_each_record(1, files, &lp);
	unlink(path);
	fprintf(fp, "status %d answered %d each %d\n", st, c.answered, c.each);
}

static void
test_loop(void **state)
{
	const char out[] = "id: 1\nclosed: old\n\nid: 2\nclosed: new\n"
	    "seen: yes\n\nid: 3\nclosed: old\n\nid: 4\nclosed: new\n"
	    "seen: yes\n\n";
	char *on, *off, want[256];

	(void)state;
	on = in_child(NULL, run_loop);
	off = in_child("1", run_loop);
	snprintf(want, sizeof(want), "%sstatus 0 answered 2 each 2\n", out);
	assert_string_equal(on, want);
	snprintf(want, sizeof(want), "%sstatus 0 answered 0 each 4\n", out);
	assert_string_equal(off, want);
	free(on);
	free(off);
}

/*
 * inc-classify --raw: two alerts of one keyword from two hosts.  The
 * text is the same either way; the scratch record, made for the first
 * alert of a keyword, is the second alert's only when the kept text was
 * not used.
 */
static void
run_classify(FILE *fp)
{
	const char *lines[] = {
		"Nov 24 09:15:00 web1 clamd: ransomware found in /srv/a",
		"Nov 24 09:16:00 web2 clamd: ransomware found in /srv/b"
	};
	struct plan_errors errs;
	struct inc_plan *plan;
	struct inc_matcher *m;
	struct inc_classifier cl;
	struct alert_clock clock;
	struct inc_alert a;
	struct inc_time now;
	const char *text, *host;
	size_t i, len;
	int st;

	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	memset(&errs, 0, sizeof(errs));
	if ((plan = plan_load_buffer("plan.yaml", inc_plan_embedded,
	    inc_plan_embedded_len, &errs)) == NULL ||
	    (m = matcher_build(plan)) == NULL ||
	    time_parse("2026-11-24T12:00:00+08:00", &now) == -1)
		_exit(5);
	plan_errors_free(&errs);
	alert_clock_set(&clock, now, true);
	memset(&cl, 0, sizeof(cl));
	cl.plan = plan;
	cl.matcher = m;
	cl.now = now;
	for (i = 0; i < 2; i++) {
		if (alert_parse(lines[i], strlen(lines[i]), &clock, &a) == -1)
			_exit(6);
		st = classify_alert(&cl, &a, lines[i], strlen(lines[i]), i + 1, NULL,
		    &text, &len);
		fprintf(fp, "status %d\n%.*s", st, (int)len, text);
	}
	host = record_get(&cl.scratch, "host");
	fprintf(fp, "scratch host %s\n", host != NULL ? host : "none");
	classifier_free(&cl);
	matcher_free(m);
	plan_free(plan);
}

static void
test_classify(void **state)
{
	char *on, *off, *a, *b;

	(void)state;
	on = in_child(NULL, run_classify);
	off = in_child("1", run_classify);
	assert_non_null(a = strstr(on, "scratch host "));
	assert_non_null(b = strstr(off, "scratch host "));
	assert_string_equal(a, "scratch host web1\n");
	assert_string_equal(b, "scratch host web2\n");
	/* The records written: the same bytes, and classified. */
	assert_int_equal(a - on, b - off);
	assert_memory_equal(on, off, (size_t)(a - on));
	*a = '\0';
	assert_non_null(strstr(on, "\nhost: web2\n"));
	assert_non_null(strstr(on, "\nsubtype: "));
	free(on);
	free(off);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_switch),
		cmocka_unit_test(test_loop),
		cmocka_unit_test(test_classify),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
