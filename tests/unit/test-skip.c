/*
 * test-skip.c - skipping before parsing: record_raw_values reads what
 * record_get would, or says "parse it"; a skipped record is not handed
 * to the program and passes through as read.
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

static const char *const names[] = { "detected", "closed", "reported" };

static bool
values(const char *raw, struct raw_value *v)
{
	struct raw_para para = { raw, strlen(raw), NULL, 0 };
	size_t ends[4], n = 0;
	const char *p;
	struct raw_value w[3];
	struct raw_names rn;
	bool got;

	/* With and without the line ends the reader passes: the same. */
	for (p = raw; (p = strchr(p, '\n')) != NULL && n < 4; p++)
		ends[n++] = (size_t)(p - raw);
	assert_int_equal(raw_names_init(&rn, names, 3), 0);
	got = record_raw_values(&para, &rn, v);
	para.ends = ends;
	para.nends = n;
	assert_int_equal(record_raw_values(&para, &rn, w), got);
	if (got)
		assert_memory_equal(v, w, sizeof(w));
	return got;
}

static void
assert_value(const struct raw_value *v, const char *want)
{
	if (want == NULL) {
		assert_null(v->s);
		return;
	}
	assert_non_null(v->s);
	assert_int_equal(v->len, strlen(want));
	assert_memory_equal(v->s, want, v->len);
}

static void
test_values(void **state)
{
	struct raw_value v[3];

	(void)state;
	/* First of each name, one optional blank after the colon, no CR. */
	assert_true(values("id: a\ndetected:\t2026-11-24T09:15:00+08:00\r\n"
	    "# note\nclosed:x\ndetected: later\nlog: a\n+ b\n", v));
	assert_value(&v[0], "2026-11-24T09:15:00+08:00");
	assert_value(&v[1], "x");
	assert_value(&v[2], NULL);
	/* The last line of a file may lack its newline. */
	assert_true(values("reported: 2026-11-24 09:40 by li", v));
	assert_value(&v[2], "2026-11-24 09:40 by li");
	/* A later field of the name may go on: only the first is read. */
	assert_true(values("closed: a\nclosed: b\n+ c\n", v));
	assert_value(&v[1], "a");
	/* An empty value. */
	assert_true(values("closed:\n", v));
	assert_value(&v[1], "");
}

static void
test_parse_it(void **state)
{
	static const char *const t[] = {
		"closed: a\n+ more\n",		/* the value goes on */
		"# only a comment\n",		/* no field: not an incident */
		"%rec: incident\n",		/* a descriptor */
		"Closed: a\n",			/* bad name */
		"id: a\nno colon here\n",
		"+ a\nid: a\n",			/* continuation first */
		"id: a\n# c\n+ b\n",		/* continuation after a comment */
		"9a: b\n",
		"id : a\n",
	};
	struct raw_value v[3];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_false(values(t[i], v));
}

/*
 * The limits of a record, checked by the length of the paragraph: one
 * of 199,999 bytes cannot hold more than 100,000 items nor a line over
 * 1 MiB, and is read; from 200,000 bytes it is left to the parser,
 * which counts.
 */
static void
test_limits(void **state)
{
	struct raw_value v[3];
	size_t n;
	char *b;

	(void)state;
	for (n = 199999; n <= 200000; n++) {
		assert_non_null(b = malloc(n + 1));
		memset(b, '#', n);
		memcpy(b, "closed: old\n", 12);
		for (size_t i = 13; i < n; i += 2)
			b[i] = '\n';	/* "#\n" lines, the shortest */
		b[n] = '\0';
		assert_int_equal(values(b, v), n < 200000);
		free(b);
	}
}

/*
 * Answer records whose closed is "old" from their bytes, adding a field
 * to those of id 1; count what the program sees.
 */
static int
skip_old(const struct raw_para *para, void *ctx, const char **add,
    size_t *addlen)
{
	static const char *const n[] = { "closed", "id" };
	struct raw_names rn;
	struct raw_value v[2];

	(void)ctx;
	if (raw_names_init(&rn, n, 2) == -1 ||
	    !record_raw_values(para, &rn, v) || v[0].s == NULL ||
	    v[0].len != 3 || memcmp(v[0].s, "old", 3) != 0)
		return -1;
	if (v[1].s != NULL && v[1].len == 1 && v[1].s[0] == '1') {
		*add = "seen: bytes\n";
		*addlen = 12;
		return 1;
	}
	return 0;
}

static int
each(struct inc_record *r, void *ctx)
{
	int *seen = ctx;

	(*seen)++;
	return record_set(r, "seen", "yes") == 0 ? 0 : 2;
}

static void
test_loop(void **state)
{
	const char in[] = "id: 1\nclosed: old\n\nid: 2\nclosed: new\n\n"
	    "id: 3\nclosed: old\n+ but it goes on\n\nid: 4\nclosed:  old\n\n"
	    "id: 5\nclosed: old\n\nid: 1\nclosed: old";
	const char want[] = "id: 1\nclosed: old\nseen: bytes\n\n"
	    "id: 2\nclosed: new\nseen: yes\n\n"
	    "id: 3\nclosed: old\n+ but it goes on\nseen: yes\n\n"
	    "id: 4\nclosed:  old\nseen: yes\n\nid: 5\nclosed: old\n\n"
	    "id: 1\nclosed: old\nseen: bytes\n\n";
	char path[] = "/tmp/test-skip-XXXXXX", *out = NULL;
	char *files[1] = { path };
	size_t outlen = 0;
	struct inc_loop lp;
	int fd, seen = 0;
	FILE *fp;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, in, sizeof(in) - 1), (ssize_t)sizeof(in) - 1);
	close(fd);
	assert_non_null(fp = open_memstream(&out, &outlen));
	memset(&lp, 0, sizeof(lp));
	lp.each = each;
	lp.ctx = &seen;
	lp.filter = true;
	lp.out = fp;
	lp.answer = skip_old;
	/* The worst status, of each and of the answers. */
	assert_int_equal(inc_each_record(1, files, &lp), 1);
	fclose(fp);
	unlink(path);
	assert_int_equal(seen, 3);
	assert_string_equal(out, want);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_parse_it),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_loop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
