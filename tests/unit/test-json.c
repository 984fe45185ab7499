/*
 * test-json.c - json.h: nesting, commas, pretty layout, escapes, error
 * flag; the output parsed back by python3's json module.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "json.h"

/* Quote, backslash, controls, DEL, invalid UTF-8, CJK, U+2028, RLO. */
#define NASTY	"q\"b\\c\x01\n\t\x1f\x7f\xff麻\xe2\x80\xa8\xe2\x80\xae/"

/* One document exercising every call. */
static void
write_doc(struct json *j)
{
	json_object_begin(j);
	json_kv_string(j, "id", "INC-1");
	json_key(j, "tags");
	json_array_begin(j);
	json_string(j, "a");
	json_int(j, 1);
	json_bool(j, true);
	json_bool(j, false);
	json_null(j);
	json_array_end(j);
	json_key(j, "empty");
	json_object_begin(j);
	json_object_end(j);
	json_key(j, "ea");
	json_array_begin(j);
	json_array_end(j);
	json_kv_string(j, "text", NASTY);
	json_key(j, "n");
	json_string_n(j, "abcdef", 3);
	json_kv_string(j, "nullv", NULL);
	json_kv_int(j, "neg", INT64_MIN);
	json_key(j, "nested");
	json_object_begin(j);
	json_key(j, "a\"k");
	json_object_begin(j);
	json_key(j, "b");
	json_array_begin(j);
	json_array_begin(j);
	json_int(j, 1);
	json_array_end(j);
	json_array_begin(j);
	json_array_end(j);
	json_array_end(j);
	json_object_end(j);
	json_object_end(j);
	json_object_end(j);
}

#define TEXT_OUT \
	"\"q\\\"b\\\\c\\u0001\\n\\t\\u001f\\u007f\\ufffd麻\\u2028\\u202e/\""

static const char compact[] =
	"{\"id\":\"INC-1\",\"tags\":[\"a\",1,true,false,null],"
	"\"empty\":{},\"ea\":[],\"text\":" TEXT_OUT ",\"n\":\"abc\","
	"\"nullv\":null,\"neg\":-9223372036854775808,"
	"\"nested\":{\"a\\\"k\":{\"b\":[[1],[]]}}}\n";

static const char pretty[] =
	"{\n"
	"  \"id\": \"INC-1\",\n"
	"  \"tags\": [\n"
	"    \"a\",\n"
	"    1,\n"
	"    true,\n"
	"    false,\n"
	"    null\n"
	"  ],\n"
	"  \"empty\": {},\n"
	"  \"ea\": [],\n"
	"  \"text\": " TEXT_OUT ",\n"
	"  \"n\": \"abc\",\n"
	"  \"nullv\": null,\n"
	"  \"neg\": -9223372036854775808,\n"
	"  \"nested\": {\n"
	"    \"a\\\"k\": {\n"
	"      \"b\": [\n"
	"        [\n"
	"          1\n"
	"        ],\n"
	"        []\n"
	"      ]\n"
	"    }\n"
	"  }\n"
	"}\n";

/* What python3 reads back, dumped ASCII-only and compact. */
static const char parsed[] =
	"{\"id\":\"INC-1\",\"tags\":[\"a\",1,true,false,null],"
	"\"empty\":{},\"ea\":[],"
	"\"text\":\"q\\\"b\\\\c\\u0001\\n\\t\\u001f\\u007f\\ufffd\\u9ebb"
	"\\u2028\\u202e/\",\"n\":\"abc\","
	"\"nullv\":null,\"neg\":-9223372036854775808,"
	"\"nested\":{\"a\\\"k\":{\"b\":[[1],[]]}}}\n";

static char *
render(bool pp, size_t *len)
{
	struct json j;
	char *buf = NULL;
	FILE *fp;

	fp = open_memstream(&buf, len);
	assert_non_null(fp);
	json_init(&j, fp, pp);
	write_doc(&j);
	assert_int_equal(json_end(&j), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void
check_bytes(const char *got, size_t gotlen, const char *want)
{
	if (gotlen != strlen(want) || memcmp(got, want, gotlen) != 0)
		fail_msg("got\n%.*s\nwant\n%s", (int)gotlen, got, want);
}

static void
test_compact(void **state)
{
	size_t len;
	char *out;

	(void)state;
	out = render(false, &len);
	check_bytes(out, len, compact);
	free(out);
}

static void
test_pretty(void **state)
{
	size_t len;
	char *out;

	(void)state;
	out = render(true, &len);
	check_bytes(out, len, pretty);
	free(out);
}

/* Feed doc to python3's json parser; return what it dumps back. */
static void
parse_back(const char *doc, size_t len, const char *want)
{
	char path[] = "/tmp/test-json.XXXXXX", cmd[256], got[1024];
	size_t n;
	FILE *p;
	int fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, doc, len), (ssize_t)len);
	close(fd);
	snprintf(cmd, sizeof(cmd), "python3 -c 'import json,sys; "
	    "print(json.dumps(json.load(sys.stdin), separators=(\",\",\":\")))'"
	    " < %s", path);
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(got, 1, sizeof(got) - 1, p);
	got[n] = '\0';
	assert_int_equal(pclose(p), 0);
	unlink(path);
	assert_string_equal(got, want);
}

static void
test_parse_back(void **state)
{
	size_t len;
	char *out;

	(void)state;
	out = render(false, &len);
	parse_back(out, len, parsed);
	free(out);
	out = render(true, &len);
	parse_back(out, len, parsed);
	free(out);
}

static void
test_top_level(void **state)
{
	struct json j;
	char *buf = NULL;
	size_t len;
	FILE *fp;

	(void)state;
	/* Values at the top level are lines (JSON Lines). */
	fp = open_memstream(&buf, &len);
	json_init(&j, fp, true);
	json_int(&j, 1);
	json_string(&j, "two");
	json_string_n(&j, NULL, 3);
	json_object_begin(&j);
	json_object_end(&j);
	assert_int_equal(json_end(&j), 0);
	fclose(fp);
	check_bytes(buf, len, "1\n\"two\"\nnull\n{}\n");
	free(buf);
}

static void
test_errors(void **state)
{
	struct json j;
	FILE *ro, *null;
	int i;

	(void)state;
	ro = fopen("/dev/null", "r");
	null = fopen("/dev/null", "w");
	assert_non_null(ro);
	assert_non_null(null);

	/* A failed write. */
	json_init(&j, ro, false);
	json_object_begin(&j);
	json_kv_int(&j, "a", 1);
	json_object_end(&j);
	assert_int_equal(j.error, 1);
	assert_int_equal(json_end(&j), -1);

	/* A document left open. */
	json_init(&j, null, false);
	json_array_begin(&j);
	assert_int_equal(json_end(&j), -1);

	/* A key without its value. */
	json_init(&j, null, false);
	json_object_begin(&j);
	json_key(&j, "k");
	json_object_end(&j);
	assert_int_equal(json_end(&j), -1);

	/* Two keys in a row. */
	json_init(&j, null, false);
	json_object_begin(&j);
	json_key(&j, "k");
	json_key(&j, "l");
	assert_int_equal(j.error, 1);

	/* Ending what was not begun. */
	json_init(&j, null, false);
	json_array_end(&j);
	assert_int_equal(json_end(&j), -1);

	/* Too deep. */
	json_init(&j, null, false);
	for (i = 0; i < JSON_MAX_DEPTH + 2; i++)
		json_array_begin(&j);
	assert_int_equal(j.error, 1);
	assert_true(j.depth < JSON_MAX_DEPTH);

	/* As deep as allowed is fine. */
	json_init(&j, null, false);
	for (i = 0; i < JSON_MAX_DEPTH - 1; i++)
		json_array_begin(&j);
	for (i = 0; i < JSON_MAX_DEPTH - 1; i++)
		json_array_end(&j);
	assert_int_equal(json_end(&j), 0);

	fclose(ro);
	fclose(null);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_pretty),
		cmocka_unit_test(test_parse_back),
		cmocka_unit_test(test_top_level),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
