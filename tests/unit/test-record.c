/*
 * test-record.c - the record reader, writer and changes (inc-record(5)):
 * continuations, repeated fields, comments and descriptors in place,
 * bytes preserved, every kind of bad record, hostile bytes.
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

/* Read all paragraphs of text; return them written back. */
struct parsed {
	int		 n;
	enum record_kind kinds[16];
	long		 errlines[16];
	char		*out;
	size_t		 outlen;
};

static int
pipe_from(const char *text, size_t len)
{
	char path[] = "/tmp/test-record-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

static void
parse_all(const char *text, size_t len, struct parsed *ps)
{
	struct inc_reader *rd;
	struct inc_record r;
	FILE *out;
	int fd = pipe_from(text, len);

	memset(ps, 0, sizeof(*ps));
	out = open_memstream(&ps->out, &ps->outlen);
	rd = reader_open(fd, "t.rec");
	record_init(&r);
	while (reader_next(rd, &r) == 1) {
		if (ps->n < 16) {
			ps->kinds[ps->n] = r.kind;
			ps->errlines[ps->n] = r.errline;
		}
		ps->n++;
		assert_int_equal(record_write(out, &r), 0);
	}
	fclose(out);
	record_free(&r);
	reader_close(rd);
	close(fd);
}

/* The first record of text, for looking at its fields. */
struct one {
	int		 fd;
	struct inc_reader *rd;
	struct inc_record r;
};

static struct inc_record *
first(struct one *o, const char *text)
{
	o->fd = pipe_from(text, strlen(text));
	o->rd = reader_open(o->fd, "t.rec");
	record_init(&o->r);
	assert_int_equal(reader_next(o->rd, &o->r), 1);
	return &o->r;
}

static void
done(struct one *o)
{
	record_free(&o->r);
	reader_close(o->rd);
	close(o->fd);
}

static void
test_fields_and_continuations(void **state)
{
	struct one o;
	struct inc_record *r;
	size_t pos = 0;

	(void)state;
	r = first(&o, "id: a1\ntitle:  two spaces\nlog: first\n+ second\n"
	    "+third\n+\nlog: again\n");
	assert_int_equal(r->kind, RECORD_INCIDENT);
	assert_string_equal(record_get(r, "id"), "a1");
	/* One optional blank after the colon, the rest is value. */
	assert_string_equal(record_get(r, "title"), " two spaces");
	assert_string_equal(record_next(r, "log", &pos)->value,
	    "first\nsecond\nthird\n");
	assert_string_equal(record_next(r, "log", &pos)->value, "again");
	assert_null(record_next(r, "log", &pos));
	assert_int_equal(record_count(r, "log"), 2);
	assert_null(record_get(r, "missing"));
	assert_int_equal(r->line, 1);
	assert_int_equal(r->items[2].line, 3);
	assert_int_equal(r->items[3].line, 7);
	done(&o);
}

static void
test_bytes_preserved(void **state)
{
	/* Comments, odd spacing, CRLF, descriptors: all come back as read. */
	static const char in[] =
	    "%rec: Incident\n%key: id\n\n"
	    "# a comment before\nid:x1\nTitle_ok_not: no\n"
	    "weird:\tvalue\t\nlog: a\r\n+  b\n# inside\nz: 1\n\n"
	    "# only comments\n# here\n";
	static const char want[] =
	    "%rec: Incident\n%key: id\n"
	    "# a comment before\nid:x1\n";
	struct parsed ps;

	(void)state;
	parse_all(in, sizeof(in) - 1, &ps);
	assert_int_equal(ps.n, 3);
	assert_int_equal(ps.kinds[0], RECORD_DESCRIPTOR);
	/* "Title_ok_not" is not a valid name: the record is bad. */
	assert_int_equal(ps.kinds[1], RECORD_BAD);
	assert_int_equal(ps.errlines[1], 6);
	assert_int_equal(ps.kinds[2], RECORD_COMMENTS);
	assert_memory_equal(ps.out, want, sizeof(want) - 1);
	free(ps.out);
}

static void
test_roundtrip_exact(void **state)
{
	static const char in[] =
	    "# header\nid: x1\ntitle:   spaced  \nlog: a\r\n+  b\n# inside\n"
	    "z:\n\n\n\nid: x2\n";
	struct parsed ps;

	(void)state;
	parse_all(in, sizeof(in) - 1, &ps);
	assert_int_equal(ps.n, 2);
	assert_int_equal(ps.kinds[0], RECORD_INCIDENT);
	/* Written back without separators by record_write alone. */
	assert_int_equal(ps.outlen, sizeof(in) - 1 - 3);
	assert_memory_equal(ps.out, in, 55);
	free(ps.out);
}

static void
test_changes(void **state)
{
	struct one o;
	struct inc_record *r;
	const char *dues[] = { "a met -", "b pending -" };
	char *buf;
	size_t len;
	FILE *fp;

	(void)state;
	r = first(&o, "id: x\ndue: old\nlog: keep\ndue: old2\nlevel: II\n");
	assert_int_equal(record_set(r, "level", "II"), 0);	/* unchanged */
	assert_int_equal(record_set(r, "status", "open"), 0);	/* appended */
	assert_int_equal(record_add(r, "log", "two\nlines"), 0);
	assert_int_equal(record_replace_all(r, "due", dues, 2), 0);
	fp = open_memstream(&buf, &len);
	assert_int_equal(record_write(fp, r), 0);
	fclose(fp);
	assert_string_equal(buf, "id: x\ndue: a met -\ndue: b pending -\n"
	    "log: keep\nlevel: II\nstatus: open\nlog: two\n+ lines\n");
	free(buf);
	record_remove(r, "log");
	assert_int_equal(record_count(r, "log"), 0);
	/* Replacing with the same values changes nothing. */
	assert_int_equal(record_replace_all(r, "due", dues, 2), 0);
	assert_int_equal(record_count(r, "due"), 2);
	assert_int_equal(record_replace_all(r, "due", NULL, 0), 0);
	assert_int_equal(record_count(r, "due"), 0);
	done(&o);
}

static void
test_field_names(void **state)
{
	static const struct {
		const char *name;
		bool ok;
	} t[] = {
		{ "id", true }, { "police_reported", true }, { "a1", true },
		{ "", false }, { "Id", false }, { "1a", false },
		{ "_a", false }, { "a-b", false }, { "a b", false },
		{ "é", false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(field_name_valid(t[i].name,
		    strlen(t[i].name)), t[i].ok);
}

/*
 * Names are scanned eight bytes at a time where the machine allows:
 * every byte value, at every place of a name long enough for two words
 * and a tail, is judged as [a-z0-9_] says, by the checker and by the
 * reading of a paragraph's bytes (a line with a bad name must be
 * parsed, to be reported).
 */
static void
test_field_name_bytes(void **state)
{
	static const char *const id[] = { "id" };
	char name[20], rec[64];
	struct raw_names rn;
	struct raw_value v[1];
	struct raw_para para = { rec, 0, NULL, 0 };
	size_t at;
	bool want;
	int c;

	(void)state;
	assert_int_equal(raw_names_init(&rn, id, 1), 0);
	for (at = 1; at < sizeof(name); at++)
		for (c = 0; c < 256; c++) {
			memset(name, 'a', sizeof(name));
			name[at] = (char)c;
			want = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			    c == '_';
			assert_int_equal(field_name_valid(name, sizeof(name)),
			    want);
			if (c == '\n' || c == ':')
				continue;	/* another line, another name */
			memcpy(rec, "id: a\n", 6);
			memcpy(rec + 6, name, sizeof(name));
			memcpy(rec + 6 + sizeof(name), ": x\n", 4);
			para.len = 6 + sizeof(name) + 4;
			assert_int_equal(record_raw_values(&para, &rn, v), want);
		}
}

static void
test_bad_records(void **state)
{
	static const struct {
		const char *in;
		long line;
	} t[] = {
		{ "id: a\nno colon here\n", 2 },
		{ "+ continuation first\nid: a\n", 1 },
		{ "# c\n+ after comment\n", 2 },
		{ "id: a\nBad: x\n", 2 },
		{ "id: a\n: empty name\n", 2 },
		{ "id: a\nna\0me: x\n", 2 },
		{ "\xef\xbb\xbfid: a\n", 1 },
	};
	struct parsed ps;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		len = strlen(t[i].in);
		if (i == 5)
			len = 16;
		parse_all(t[i].in, len, &ps);
		assert_int_equal(ps.n, 1);
		assert_int_equal(ps.kinds[0], RECORD_BAD);
		assert_int_equal(ps.errlines[0], t[i].line);
		/* Passed through whole. */
		assert_int_equal(ps.outlen, len);
		assert_memory_equal(ps.out, t[i].in, len);
		free(ps.out);
	}
}

static void
test_good_around_bad(void **state)
{
	static const char in[] = "id: 1\n\nid: 2\noops\n\nid: 3\n";
	struct parsed ps;

	(void)state;
	parse_all(in, sizeof(in) - 1, &ps);
	assert_int_equal(ps.n, 3);
	assert_int_equal(ps.kinds[0], RECORD_INCIDENT);
	assert_int_equal(ps.kinds[1], RECORD_BAD);
	assert_int_equal(ps.errlines[1], 4);
	assert_int_equal(ps.kinds[2], RECORD_INCIDENT);
	free(ps.out);
}

static void
test_hostile_bytes(void **state)
{
	char *buf = malloc(1 << 16);
	struct parsed ps;
	unsigned seed = 12345;
	size_t i, round;

	(void)state;
	/* Random bytes, with many newlines: no crash, all bytes back. */
	for (round = 0; round < 200; round++) {
		for (i = 0; i < (1 << 16); i++) {
			seed = seed * 1103515245 + 12345;
			buf[i] = (char)((seed >> 16) % 7 == 0 ? '\n' :
			    (seed >> 8) & 0xff);
		}
		parse_all(buf, 1 << 16, &ps);
		assert_true(ps.n >= 1);
		free(ps.out);
	}
	free(buf);
}

static void
test_many_fields_and_continuations(void **state)
{
	size_t n = 200000, i, len = 0;
	char *big = malloc(n * 8 + 64);
	struct one o;
	struct inc_record *r;

	(void)state;
	len += (size_t)sprintf(big, "log: start\n");
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(big + len, "+ l%zu\n", i % 10);
	big[len] = '\0';
	r = first(&o, big);
	assert_int_equal(r->kind, RECORD_INCIDENT);
	assert_int_equal(r->nitems, 1);
	assert_int_equal(r->items[0].len, strlen("start") + n * 3);
	done(&o);

	/* Over INC_MAX_FIELDS fields: bad, not out of memory. */
	len = 0;
	for (i = 0; i < (size_t)INC_MAX_FIELDS + 1; i++)
		len += (size_t)sprintf(big + len, "f: %zu\n", i % 10);
	big[len] = '\0';
	r = first(&o, big);
	assert_int_equal(r->kind, RECORD_BAD);
	assert_int_equal(r->errline, INC_MAX_FIELDS + 1);
	done(&o);
	free(big);
}

static void
test_oversize_passes_in_pieces(void **state)
{
	size_t big = (size_t)INC_MAX_RECORD * 2 + 12345, i, total = 0;
	char *in = malloc(big + 64), *p;
	struct inc_reader *rd;
	struct inc_record r;
	int fd, pieces = 0;

	(void)state;
	/* One 16 MiB line inside a record, then a good record. */
	p = in + sprintf(in, "id: big\ntitle: ");
	memset(p, 'x', big);
	p += big;
	p += sprintf(p, "\n\nid: after\n");
	fd = pipe_from(in, (size_t)(p - in));
	rd = reader_open(fd, "t.rec");
	record_init(&r);
	while (reader_next(rd, &r) == 1 && r.kind == RECORD_BAD) {
		if (pieces++ == 0) {
			assert_false(r.continued);
			assert_non_null(r.errmsg);
			assert_int_equal(r.errline, 1);
		} else
			assert_true(r.continued);
		for (i = 0; i < r.rawlen; i++)
			if (r.raw[i] != in[total + i])
				fail_msg("byte %zu differs", total + i);
		total += r.rawlen;
	}
	assert_true(pieces >= 2);
	assert_int_equal(r.kind, RECORD_INCIDENT);
	assert_string_equal(record_get(&r, "id"), "after");
	assert_int_equal(r.line, 4);
	assert_int_equal(total, (size_t)(p - in) - strlen("\nid: after\n"));
	record_free(&r);
	reader_close(rd);
	close(fd);
	free(in);
}

static void
test_getline(void **state)
{
	static const char in[] = "one\n\ntwo\r\nlast";
	const char *line;
	size_t len;
	bool cut;
	int fd = pipe_from(in, sizeof(in) - 1);
	struct inc_reader *rd = reader_open(fd, "t");

	(void)state;
	assert_int_equal(reader_getline(rd, &line, &len, &cut), 1);
	assert_int_equal(len, 3);
	assert_memory_equal(line, "one", 3);
	assert_int_equal(reader_getline(rd, &line, &len, &cut), 1);
	assert_int_equal(len, 0);
	assert_int_equal(reader_getline(rd, &line, &len, &cut), 1);
	assert_int_equal(len, 4);
	assert_int_equal(reader_getline(rd, &line, &len, &cut), 1);
	assert_int_equal(len, 4);
	assert_memory_equal(line, "last", 4);
	assert_false(cut);
	assert_int_equal(reader_line(rd), 5);
	assert_int_equal(reader_getline(rd, &line, &len, &cut), 0);
	reader_close(rd);
	close(fd);
}

static void
test_getline_long_line_cut(void **state)
{
	size_t big = (size_t)INC_MAX_LINE * 3;
	char *in = malloc(big + 16);
	const char *line;
	size_t len;
	bool cut;
	int fd;
	struct inc_reader *rd;

	(void)state;
	memset(in, 'a', big);
	memcpy(in + big, "\nnext\n", 6);
	fd = pipe_from(in, big + 6);
	rd = reader_open(fd, "t");
	assert_int_equal(reader_getline(rd, &line, &len, &cut), 1);
	assert_true(cut);
	assert_int_equal(len, INC_MAX_LINE);
	assert_int_equal(reader_getline(rd, &line, &len, &cut), 1);
	assert_false(cut);
	assert_memory_equal(line, "next", 4);
	assert_int_equal(reader_line(rd), 3);
	reader_close(rd);
	close(fd);
	free(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_and_continuations),
		cmocka_unit_test(test_bytes_preserved),
		cmocka_unit_test(test_roundtrip_exact),
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_field_names),
		cmocka_unit_test(test_field_name_bytes),
		cmocka_unit_test(test_bad_records),
		cmocka_unit_test(test_good_around_bad),
		cmocka_unit_test(test_hostile_bytes),
		cmocka_unit_test(test_many_fields_and_continuations),
		cmocka_unit_test(test_oversize_passes_in_pieces),
		cmocka_unit_test(test_getline),
		cmocka_unit_test(test_getline_long_line_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
