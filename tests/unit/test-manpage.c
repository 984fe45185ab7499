/*
 * test-manpage.c - manpage.h: the mdoc escaping of plan texts on text
 * lines and in macro arguments, table-driven; a page written from a
 * plan with hostile texts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "manpage.h"

struct row {
	const char	*in;
	const char	*want;
};

/* Text lines: what a plan text becomes in a page. */
static const struct row text_rows[] = {
	{ "plain words", "plain words\n" },
	{ "", "" },
	{ "\n\n", "" },
	{ ".TH evil", "\\&.TH evil\n" },
	{ "'quoted", "\\&'quoted\n" },
	{ "mid.dot and it's", "mid.dot and it's\n" },
	{ "back\\slash", "back\\eslash\n" },
	{ "\\fBbold", "\\efBbold\n" },
	{ "  lead and trail  ", "lead and trail\n" },
	{ "One. Two! Three? Four", "One.\nTwo!\nThree?\nFour\n" },
	{ "a (b.) c", "a (b.)\nc\n" },
	{ "say \"x.\" then", "say \"x.\"\nthen\n" },
	{ "end.", "end.\n" },
	{ "line\n.dot", "line\n\\&.dot\n" },
	{ "tab\there", "tab here\n" },
	{ "esc\x1b[2Jafter", "esc [2Jafter\n" },
	{ "bad\xff", "bad\\[uFFFD]\n" },
	{ "网络", "网\\:络\n" },
	{ "网，络。", "网，\\:络。\n" },
	{ "（网）", "（网）\n" },
	{ "DoS攻击", "DoS攻\\:击\n" },
	{ "网 络", "网 络\n" },
};

/* Macro arguments: no word may become a macro, no quote may end one. */
static const struct row arg_rows[] = {
	{ "word", "\\&word" },
	{ "Ns Pq", "\\&Ns \\&Pq" },
	{ "say \"hi\"", "\\&say \\&\\(dqhi\\(dq" },
	{ "a\\b", "\\&a\\eb" },
	{ "  spaced   out ", "\\&spaced \\&out" },
	{ "四(二)3", "\\&四(二)3" },
	{ "", "" },
};

static char *
capture(int (*fn)(FILE *, const char *), const char *in)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp;

	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_int_equal(fn(fp, in), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void
test_text(void **state)
{
	size_t	 i;
	char	*out;

	(void)state;
	for (i = 0; i < sizeof(text_rows) / sizeof(text_rows[0]); i++) {
		out = capture(mdoc_put_text, text_rows[i].in);
		assert_string_equal(out, text_rows[i].want);
		free(out);
	}
}

static void
test_arg(void **state)
{
	size_t	 i;
	char	*out;

	(void)state;
	for (i = 0; i < sizeof(arg_rows) / sizeof(arg_rows[0]); i++) {
		out = capture(mdoc_put_arg, arg_rows[i].in);
		assert_string_equal(out, arg_rows[i].want);
		free(out);
	}
}

static void
test_null(void **state)
{
	char	*out;

	(void)state;
	out = capture(mdoc_put_text, NULL);
	assert_string_equal(out, "");
	free(out);
	out = capture(mdoc_put_arg, NULL);
	assert_string_equal(out, "");
	free(out);
}

/* A write error is reported, not lost. */
static void
test_write_error(void **state)
{
	FILE	*fp;

	(void)state;
	if ((fp = fopen("/dev/full", "w")) == NULL)
		fail_msg("no /dev/full");
	setvbuf(fp, NULL, _IONBF, 0);
	assert_int_equal(mdoc_put_text(fp, "some text"), -1);
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_arg),
		cmocka_unit_test(test_null),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
