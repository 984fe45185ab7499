/*
 * test-text.c - text.h: widths, safe output of hostile text, padding,
 * wrapping of Chinese and mixed text, a clause kept whole after a
 * wrapped text, markdown cells.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

#define S(lit)	lit, sizeof(lit) - 1	/* a literal and its length */

/* Output of one call, captured in memory. */
struct capture {
	FILE	*fp;
	char	*buf;
	size_t	 len;
};

static void
cap_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->fp = open_memstream(&c->buf, &c->len);
	assert_non_null(c->fp);
}

static void
cap_check(struct capture *c, const char *want, size_t wantlen)
{
	assert_int_equal(fclose(c->fp), 0);
	if (c->len != wantlen || memcmp(c->buf, want, wantlen) != 0)
		fail_msg("got \"%.*s\" (%zu bytes), want \"%.*s\" (%zu)",
		    (int)c->len, c->buf, c->len, (int)wantlen, want, wantlen);
	free(c->buf);
}

static const struct {
	const char	*s;
	size_t		 len;
	size_t		 width;
} widths[] = {
	{ S(""), 0 },
	{ S("abc"), 3 },
	{ S("a b\tc"), 5 },
	{ S("麻章区"), 6 },
	{ S("麻章区WAF告警"), 13 },
	{ S("湛江市 Zhanjiang"), 16 },
	{ S("\xff"), 1 },			/* invalid byte */
	{ S("a\xff" "b"), 3 },
	{ S("\xe4\xb8"), 1 },			/* truncated 3-byte */
	{ S("\xe4\xb8" "A"), 2 },
	{ S("\xc0\xaf"), 2 },			/* overlong '/' */
	{ S("\xed\xa0\x80"), 3 },		/* surrogate */
	{ S("\xf4\x90\x80\x80"), 4 },		/* over U+10FFFF */
	{ S("e\xcc\x81"), 1 },			/* e + combining acute */
	{ S("a\xe2\x80\x8b" "b"), 2 },		/* zero width space */
	{ S("ＡＢ"), 4 },			/* fullwidth forms */
	{ S("￥"), 2 },				/* U+FFE5 */
	{ S("한국"), 4 },
	{ S("あア"), 4 },
	{ S("。、「」"), 8 },			/* CJK punctuation */
	{ S("\xe3\x80\x80"), 2 },		/* U+3000 ideographic space */
	{ S("㐀"), 2 },				/* Extension A */
	{ S("𠀀"), 2 },				/* Extension B */
	{ S("豈"), 2 },				/* compatibility U+F900 */
	{ S("🚨"), 2 },
	{ S("é"), 1 },
	{ S("\x1b[2J"), 7 },			/* \x1b + [2J */
	{ S("a\nb"), 6 },			/* \x0a */
	{ S("\x00"), 4 },
	{ S("\x7f"), 4 },
	{ S("\xc2\x9b"), 4 },			/* C1 CSI: \x9b */
	{ S("\xe2\x80\xae"), 6 },		/* RLO: \u202e */
};

static void
test_width(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++)
		if (text_width(widths[i].s, widths[i].len) != widths[i].width)
			fail_msg("width of case %zu \"%s\": %zu, want %zu", i,
			    widths[i].s, text_width(widths[i].s,
			    widths[i].len), widths[i].width);
}

static const struct {
	const char	*in;
	size_t		 inlen;
	int		 keep;
	const char	*out;
	size_t		 outlen;
} safe[] = {
	{ S("plain text"), 0, S("plain text") },
	{ S("麻章区政府网站"), 0, S("麻章区政府网站") },
	{ S("\x1b[2J\x1b[H"), 0, S("\\x1b[2J\\x1b[H") },
	{ S("\x1b]0;pwned\x07"), 0, S("\\x1b]0;pwned\\x07") },
	{ S("ok\rFAKE"), 0, S("ok\\x0dFAKE") },
	{ S("bell\x07"), 0, S("bell\\x07") },
	{ S("\x9b" "31m"), 0, S("\xef\xbf\xbd" "31m") },	/* raw byte */
	{ S("\xc2\x9b" "31m"), 0, S("\\x9b31m") },	/* U+009B CSI */
	{ S("\xc2\x85"), 0, S("\\x85") },		/* NEL */
	{ S("\xc2\xa0"), 0, S("\xc2\xa0") },		/* NBSP is fine */
	{ S("del\x7f"), 0, S("del\\x7f") },
	{ S("nul\x00" "x"), 0, S("nul\\x00x") },
	{ S("tab\tstays"), 0, S("tab\tstays") },
	{ S("two\nlines"), 1, S("two\nlines") },
	{ S("two\nlines"), 0, S("two\\x0alines") },
	{ S("cr\r\nlf"), 1, S("cr\\x0d\nlf") },
	/* Trojan Source: RLO ... PDF, LRI, PDI */
	{ S("a\xe2\x80\xae" "cba\xe2\x80\xac"), 0,
	    S("a\\u202ecba\\u202c") },
	{ S("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xad"), 0,
	    S("\\u202a\\u202b\\u202d") },
	{ S("\xe2\x81\xa6x\xe2\x81\xa9"), 0, S("\\u2066x\\u2069") },
	{ S("\xe2\x81\xa7\xe2\x81\xa8"), 0, S("\\u2067\\u2068") },
	{ S("\xe2\x80\xa8"), 0, S("\\u2028") },
	{ S("bad\xff\xfe"), 0, S("bad\xef\xbf\xbd\xef\xbf\xbd") },
	{ S("\xe4\xb8"), 0, S("\xef\xbf\xbd") },	/* truncated */
	{ S("\xe4\xb8" "A"), 0, S("\xef\xbf\xbd" "A") },
	{ S("\xc0\xaf"), 0, S("\xef\xbf\xbd\xef\xbf\xbd") },
	{ S("\xed\xa0\x80"), 0, S("\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd") },
	{ S("\xf0\x9f\x9a\xa8"), 0, S("\xf0\x9f\x9a\xa8") },	/* emoji */
	{ S("\xf4\x8f\xbf\xbf"), 0, S("\xf4\x8f\xbf\xbf") },	/* U+10FFFF */
	{ S("\\x1b"), 0, S("\\x1b") },			/* as is */
	{ S(""), 0, S("") },
};

static void
test_safe(void **state)
{
	struct capture c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(safe) / sizeof(safe[0]); i++) {
		cap_open(&c);
		assert_int_equal(text_put_safe(c.fp, safe[i].in, safe[i].inlen,
		    safe[i].keep), 0);
		cap_check(&c, safe[i].out, safe[i].outlen);
		/* The width counted is the width written. */
		if (!safe[i].keep)
			assert_int_equal(text_width(safe[i].in, safe[i].inlen),
			    text_width(safe[i].out, safe[i].outlen));
	}
}

static void
test_write_error(void **state)
{
	FILE *ro;

	(void)state;
	ro = fopen("/dev/null", "r");
	assert_non_null(ro);
	assert_int_equal(text_put_safe(ro, S("abc"), 0), -1);
	assert_int_equal(text_put_safe(ro, S("\x1b"), 0), -1);
	assert_int_equal(text_put_safe(ro, S("\xff"), 0), -1);
	assert_int_equal(text_put_padded(ro, S("a"), 4), -1);
	assert_int_equal(text_put_padded(ro, S("a\tb"), 4), -1);
	assert_int_equal(text_put_wrapped(ro, S("abc def"), 3, 0), -1);
	assert_int_equal(text_put_markdown_cell(ro, S("a|b")), -1);
	assert_int_equal(text_put_markdown_cell(ro, S("a\nb")), -1);
	fclose(ro);
}

static const struct {
	const char	*in;
	size_t		 inlen;
	size_t		 width;
	const char	*out;
	size_t		 outlen;
} padded[] = {
	{ S("abc"), 6, S("abc   ") },
	{ S("麻章区"), 10, S("麻章区    ") },
	{ S("麻章区"), 6, S("麻章区") },
	{ S("toolong"), 3, S("toolong") },
	{ S("a\tb"), 5, S("a b  ") },
	{ S("a\nb"), 8, S("a\\x0ab  ") },
	{ S("\x1b"), 5, S("\\x1b ") },
	{ S(""), 2, S("  ") },
};

static void
test_padded(void **state)
{
	struct capture c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(padded) / sizeof(padded[0]); i++) {
		cap_open(&c);
		assert_int_equal(text_put_padded(c.fp, padded[i].in,
		    padded[i].inlen, padded[i].width), 0);
		cap_check(&c, padded[i].out, padded[i].outlen);
	}
}

static const struct {
	const char	*in;
	size_t		 inlen;
	size_t		 width, indent;
	const char	*out;
	size_t		 outlen;
} wrapped[] = {
	{ S("麻章区网络安全事件应急预案"), 10, 2,
	    S("麻章区网络\n  安全事件应\n  急预案") },
	{ S("麻章区网络安全事件应急预案"), 9, 0,
	    S("麻章区网\n络安全事\n件应急预\n案") },
	{ S("WAF alert on 麻章区 portal"), 10, 0,
	    S("WAF alert\non 麻章区\nportal") },
	{ S("网站WAF告警"), 6, 4, S("网站\n    WAF告\n    警") },
	{ S("one two three four"), 9, 3, S("one two\n   three\n   four") },
	{ S("one   two"), 20, 0, S("one   two") },
	{ S("trailing   "), 20, 0, S("trailing") },
	{ S("abcdefghijklmnop"), 5, 1, S("abcde\n fghij\n klmno\n p") },
	{ S("ab\ncd"), 10, 3, S("ab\n   cd") },
	{ S("ab\r\ncd"), 10, 0, S("ab\ncd") },
	{ S("\x1b[2J ok"), 10, 0, S("\\x1b[2J ok") },
	{ S("e\xcc\x81" "e\xcc\x81"), 1, 0, S("e\xcc\x81\ne\xcc\x81") },
	{ S("x"), 0, 0, S("x") },
	/* No line starts with a closing mark or ends with an opening one. */
	{ S("麻章区，告警。"), 4, 0, S("麻章\n区，\n告\n警。") },
	{ S("「麻章区」"), 4, 0, S("「麻\n章\n区」") },
	{ S("告警(WAF)。"), 7, 0, S("告警\n(WAF)。") },
	{ S("，，，，，，"), 4, 0, S("，，\n，，\n，，") },
	{ S("  indented"), 10, 0, S("  indented") },
	{ S("      indented"), 10, 0, S("  indented") },
	{ S("a\n            b"), 4, 1, S("a\n    b") },
	{ S("ab          麻"), 4, 0, S("ab\n麻") },
	{ S(""), 10, 2, S("") },
};

static void
test_wrapped(void **state)
{
	struct capture c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(wrapped) / sizeof(wrapped[0]); i++) {
		cap_open(&c);
		assert_int_equal(text_put_wrapped(c.fp, wrapped[i].in,
		    wrapped[i].inlen, wrapped[i].width, wrapped[i].indent), 0);
		cap_check(&c, wrapped[i].out, wrapped[i].outlen);
	}
}

/* cols counts the indent; the clause whole on the last line or its own. */
static const struct {
	const char	*in;
	size_t		 inlen;
	size_t		 cols, indent;
	const char	*clause;
	const char	*out;
	size_t		 outlen;
} clause[] = {
	{ S("one two three"), 30, 0, "四(一)", S("one two three [四(一)]") },
	{ S("one two three"), 22, 0, "四(一)", S("one two three [四(一)]") },
	{ S("one two three"), 21, 0, "四(一)", S("one two three\n[四(一)]") },
	{ S("one two three"), 26, 4, "四(一)", S("one two three [四(一)]") },
	{ S("one two three"), 25, 4, "四(一)",
	    S("one two three\n    [四(一)]") },
	{ S("aaaa bbbb cccc dddd eeee"), 21, 0, "四(一)",
	    S("aaaa bbbb cccc dddd\neeee [四(一)]") },
	{ S("aaaa bbbb cccc dddd eeee"), 24, 2, "四(一)",
	    S("aaaa bbbb cccc dddd\n  eeee [四(一)]") },
	/* Narrower than 20 cells of text: wrapped at 20 all the same. */
	{ S("one two three"), 10, 0, "四(一)", S("one two three\n[四(一)]") },
	{ S("one two"), 30, 0, NULL, S("one two") },
	{ S("ab"), 21, 0, "\x1b", S("ab [\\x1b]") },
	{ S(""), 30, 3, "c", S(" [c]") },
};

static void
test_wrapped_clause(void **state)
{
	struct capture c;
	FILE *ro;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(clause) / sizeof(clause[0]); i++) {
		cap_open(&c);
		assert_int_equal(text_put_wrapped_clause(c.fp, clause[i].in,
		    clause[i].inlen, clause[i].cols, clause[i].indent,
		    clause[i].clause), 0);
		cap_check(&c, clause[i].out, clause[i].outlen);
	}
	ro = fopen("/dev/null", "r");
	assert_non_null(ro);
	assert_int_equal(text_put_wrapped_clause(ro, S("abc def"), 30, 0,
	    "c"), -1);
	assert_int_equal(text_put_wrapped_clause(ro, S("abc def"), 30, 0,
	    NULL), -1);
	fclose(ro);
}

static const struct {
	const char	*in;
	size_t		 inlen;
	const char	*out;
	size_t		 outlen;
} markdown[] = {
	{ S("a|b"), S("a\\|b") },
	{ S("| x |"), S("\\| x \\|") },
	{ S("line1\nline2"), S("line1<br>line2") },
	{ S("x\r\ny\rz"), S("x<br>y<br>z") },
	{ S("*b* _i_ `c`"), S("\\*b\\* \\_i\\_ \\`c\\`") },
	{ S("<script>"), S("\\<script\\>") },
	{ S("[l](http://x)"), S("\\[l\\](http://x)") },
	{ S("~s~ &amp; C:\\dir"), S("\\~s\\~ \\&amp; C:\\\\dir") },
	{ S("麻章区|告警"), S("麻章区\\|告警") },
	{ S("\x1b[31m"), S("\\x1b\\[31m") },
	{ S("a\x00|"), S("a\\x00\\|") },
	{ S("\xff"), S("\xef\xbf\xbd") },
	{ S(""), S("") },
};

static void
test_markdown(void **state)
{
	struct capture c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(markdown) / sizeof(markdown[0]); i++) {
		cap_open(&c);
		assert_int_equal(text_put_markdown_cell(c.fp, markdown[i].in,
		    markdown[i].inlen), 0);
		cap_check(&c, markdown[i].out, markdown[i].outlen);
	}
}

static void
test_utf8_next(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(text_utf8_next(S("A"), &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(text_utf8_next(S("麻"), &cp), 3);
	assert_int_equal(cp, 0x9ebb);
	assert_int_equal(text_utf8_next(S("𠀀"), &cp), 4);
	assert_int_equal(cp, 0x20000);
	assert_int_equal(text_utf8_next(S("\xc3\xa9"), &cp), 2);
	assert_int_equal(cp, 0xe9);
	/* Only len bytes are looked at. */
	assert_int_equal(text_utf8_next("\xe9\xba\xbb", 2, &cp), 2);
	assert_int_equal(cp, TEXT_INVALID);
	assert_int_equal(text_utf8_next(S("\xe0\x80\x80"), &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
	assert_int_equal(text_utf8_next(S("\xf5\x80"), &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
	assert_int_equal(text_utf8_next(S("\x80"), &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
	/* TEXT_NUL, a NUL kept in a C string, reads as U+0000. */
	assert_int_equal(text_utf8_next(S(TEXT_NUL), &cp), 2);
	assert_int_equal(cp, 0);
	assert_int_equal(text_utf8_next("\xc0\x80", 1, &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
	assert_int_equal(text_utf8_next(S("\xc0\x81"), &cp), 1);
	assert_int_equal(cp, TEXT_INVALID);
}

/* A value with NULs copied for a C string, then shown: nothing lost. */
static void
test_copy_nul(void **state)
{
	char buf[32];
	struct capture c;

	(void)state;
	assert_int_equal(text_copy_nul(buf, S("x\0y\0")), 6);
	assert_memory_equal(buf, "x\xc0\x80y\xc0\x80", 7);
	assert_int_equal(text_copy_nul(buf, S("plain")), 5);
	assert_string_equal(buf, "plain");
	cap_open(&c);
	assert_int_equal(text_put_safe(c.fp, "x" TEXT_NUL "y", 4, 0), 0);
	cap_check(&c, S("x\\x00y"));
	assert_int_equal(text_width("x" TEXT_NUL "y", 4), 6);
}

/* Values quoted in messages: escaped as text_put_safe, cut whole. */
static void
test_quote(void **state)
{
	static const struct {
		const char	*in;
		size_t		 size;
		const char	*want;
	} t[] = {
		{ "level V", 16, "level V" },
		{ "V\033[31m", 16, "V\\x1b[31m" },
		{ "V\302\23331m", 16, "V\\x9b31m" },		/* C1 CSI */
		{ "a\342\200\256b", 16, "a\\u202eb" },	/* bidi override */
		{ "a\377b", 16, "a\357\277\275b" },		/* U+FFFD */
		{ "a\tb\nc", 16, "a\tb\\x0ac" },
		{ "0123456789abcde", 16, "0123456789abcde" },	/* fits */
		{ "0123456789abcdef", 16, "0123456789ab..." },
		/* 事件 is 6 bytes: cut before a character, never inside. */
		{ "012345678事件", 16, "012345678事件" },
		{ "0123456789事件", 16, "0123456789..." },
		{ "01234567事件xy", 16, "01234567事..." },
		{ "\033\033\033\033", 16, "\\x1b\\x1b\\x1b..." },
		{ "", 16, "" },
	};
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		memset(buf, 'Z', sizeof(buf));
		assert_ptr_equal(text_quote(buf, t[i].size, t[i].in), buf);
		assert_string_equal(buf, t[i].want);
		assert_true(strlen(buf) < t[i].size);
		assert_int_equal(buf[t[i].size], 'Z');	/* nothing beyond */
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_safe),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_padded),
		cmocka_unit_test(test_wrapped),
		cmocka_unit_test(test_wrapped_clause),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_utf8_next),
		cmocka_unit_test(test_copy_nul),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
