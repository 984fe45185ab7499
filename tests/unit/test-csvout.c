/*
 * test-csvout.c - csvout.h: quoting, commas, newlines, formula cells,
 * invalid UTF-8, CRLF rows; written to a tmpfile, compared byte for byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csvout.h"

#define S(lit)	lit, sizeof(lit) - 1

/* Everything written to fp, rewound and read back. */
static void
check_file(FILE *fp, const char *want, size_t wantlen)
{
	char got[4096];
	size_t n;

	rewind(fp);
	n = fread(got, 1, sizeof(got), fp);
	if (n != wantlen || memcmp(got, want, n) != 0)
		fail_msg("got [%.*s] (%zu bytes)\nwant [%.*s] (%zu)", (int)n,
		    got, n, (int)wantlen, want, wantlen);
}

/* One cell alone in a row: what it becomes. */
static const struct {
	const char	*in;
	const char	*out;
	size_t		 outlen;
} cells[] = {
	{ "plain", S("\"plain\"\r\n") },
	{ "", S("\"\"\r\n") },
	{ NULL, S("\"\"\r\n") },
	{ "a,b", S("\"a,b\"\r\n") },
	{ "say \"hi\"", S("\"say \"\"hi\"\"\"\r\n") },
	{ "\"", S("\"\"\"\"\r\n") },
	{ "two\nlines", S("\"two\nlines\"\r\n") },
	{ "crlf\r\ninside", S("\"crlf\r\ninside\"\r\n") },
	{ "=1+1", S("\"'=1+1\"\r\n") },
	{ "+1", S("\"'+1\"\r\n") },
	{ "-1", S("\"'-1\"\r\n") },
	{ "@SUM(A1:A9)", S("\"'@SUM(A1:A9)\"\r\n") },
	{ "\t=1+1", S("\"'\t=1+1\"\r\n") },
	{ "\r=1+1", S("\"'\r=1+1\"\r\n") },
	{ "=HYPERLINK(\"http://x\",\"y\")",
	    S("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n") },
	{ "=\xff", S("\"'=\xef\xbf\xbd\"\r\n") },
	{ "1=1", S("\"1=1\"\r\n") },			/* not at the start */
	/* After blanks, as LibreOffice and Excel look past them. */
	{ " =1", S("\"' =1\"\r\n") },
	{ "   +1+1", S("\"'   +1+1\"\r\n") },
	{ " -2", S("\"' -2\"\r\n") },
	{ "  @SUM(A1)", S("\"'  @SUM(A1)\"\r\n") },
	{ "\n=1+1", S("\"'\n=1+1\"\r\n") },
	{ "\n+ =1+1", S("\"'\n+ =1+1\"\r\n") },
	{ " \r\n=1", S("\"' \r\n=1\"\r\n") },
	{ " \t1", S("\"' \t1\"\r\n") },
	{ "\v\f=1", S("\"'\v\f=1\"\r\n") },
	{ "\xc2\xa0=1", S("\"'\xc2\xa0=1\"\r\n") },	/* U+00A0 */
	{ "\xe3\x80\x80=1", S("\"'\xe3\x80\x80=1\"\r\n") },	/* U+3000 */
	{ " plain", S("\" plain\"\r\n") },		/* blanks, then text */
	{ "  ", S("\"  \"\r\n") },
	{ "\ntwo lines", S("\"\ntwo lines\"\r\n") },
	{ "'quoted", S("\"'quoted\"\r\n") },
	{ "麻章区,告警", S("\"麻章区,告警\"\r\n") },
	{ "bad\xff\xfe", S("\"bad\xef\xbf\xbd\xef\xbf\xbd\"\r\n") },
	{ "\xe4\xb8", S("\"\xef\xbf\xbd\"\r\n") },
};

static void
test_cells(void **state)
{
	struct csv_out c;
	size_t i;
	FILE *fp;

	(void)state;
	for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		fp = tmpfile();
		assert_non_null(fp);
		csv_out_init(&c, fp);
		csv_out_cell(&c, cells[i].in);
		csv_out_row_end(&c);
		assert_int_equal(csv_out_end(&c), 0);
		check_file(fp, cells[i].out, cells[i].outlen);
		fclose(fp);
	}
}

static void
test_rows(void **state)
{
	static const char want[] =
	    "\"id\",\"title\",\"level\"\r\n"
	    "\"INC-1\",\"WAF, \"\"blocked\"\"\",\"II\"\r\n"
	    "\"INC-2\",\"'=cmd|' /C calc'!A0\",\"\"\r\n"
	    "\"INC-3\",\"first\nsecond\",\"IV\"\r\n"
	    "\"abc\",\"\",\"'-\"\r\n"
	    "\"unended\"\r\n";
	struct csv_out c;
	FILE *fp;

	(void)state;
	fp = tmpfile();
	assert_non_null(fp);
	csv_out_init(&c, fp);
	csv_out_cell(&c, "id");
	csv_out_cell(&c, "title");
	csv_out_cell(&c, "level");
	csv_out_row_end(&c);
	assert_int_equal(c.ncells, 0);
	csv_out_cell(&c, "INC-1");
	csv_out_cell(&c, "WAF, \"blocked\"");
	csv_out_cell(&c, "II");
	assert_int_equal(c.ncells, 3);
	csv_out_row_end(&c);
	csv_out_cell(&c, "INC-2");
	csv_out_cell(&c, "=cmd|' /C calc'!A0");
	csv_out_cell(&c, NULL);
	csv_out_row_end(&c);
	csv_out_cell(&c, "INC-3");
	csv_out_cell(&c, "first\nsecond");
	csv_out_cell(&c, "IV");
	csv_out_row_end(&c);
	/* Counted bytes: only len of them, a NULL is an empty cell. */
	csv_out_cell_n(&c, "abcdef", 3);
	csv_out_cell_n(&c, NULL, 5);
	csv_out_cell_n(&c, "-x", 1);
	csv_out_row_end(&c);
	/* csv_out_end finishes a row left open. */
	csv_out_cell(&c, "unended");
	assert_int_equal(csv_out_end(&c), 0);
	check_file(fp, want, sizeof(want) - 1);
	fclose(fp);
}

static void
test_nul_inside(void **state)
{
	static const char cell[] = "a\0b";
	struct csv_out c;
	FILE *fp;

	(void)state;
	fp = tmpfile();
	assert_non_null(fp);
	csv_out_init(&c, fp);
	csv_out_cell_n(&c, cell, 3);
	csv_out_row_end(&c);
	assert_int_equal(csv_out_end(&c), 0);
	check_file(fp, S("\"a\0b\"\r\n"));
	fclose(fp);
}

static void
test_write_error(void **state)
{
	struct csv_out c;
	FILE *ro;

	(void)state;
	ro = fopen("/dev/null", "r");
	assert_non_null(ro);
	csv_out_init(&c, ro);
	csv_out_cell(&c, "a");
	assert_int_equal(c.error, 1);
	csv_out_cell(&c, "b");
	csv_out_row_end(&c);
	assert_int_equal(csv_out_end(&c), -1);

	csv_out_init(&c, ro);
	csv_out_row_end(&c);
	assert_int_equal(csv_out_end(&c), -1);
	fclose(ro);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_nul_inside),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
