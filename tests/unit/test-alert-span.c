/*
 * test-alert-span.c - the fields of an incident made from alerts: which
 * alerts values are counts, last_seen against detected, what is left
 * out of a record that has none, and the phrase of the notices in both
 * languages, across the minute, the day and the clock's offset.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alert-span.h"
#include "diag.h"

/* 2026-11-24T09:15:01+08:00 */
#define FIRST	INT64_C(1795482901)

static void
test_count_parse(void **state)
{
	static const struct {
		const char	*s;
		int		 ok;
		int64_t		 n;
	} t[] = {
		{ "1", 0, 1 }, { "412", 0, 412 }, { "100000", 0, 100000 },
		{ "999999999999999999", 0, INT64_C(999999999999999999) },
		{ "1000000000000000000", -1, 0 },
		{ "99999999999999999999", -1, 0 },
		{ "0", -1, 0 }, { "00", -1, 0 }, { "007", -1, 0 },
		{ "", -1, 0 }, { "-5", -1, 0 }, { "+5", -1, 0 },
		{ "5 ", -1, 0 }, { " 5", -1, 0 }, { "12x", -1, 0 },
		{ "1.5", -1, 0 }, { "many", -1, 0 }, { "1e3", -1, 0 },
	};
	int64_t n;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		n = -7;
		assert_int_equal(alert_count_parse(t[i].s, strlen(t[i].s), &n),
		    t[i].ok);
		if (t[i].ok == 0)
			assert_int_equal(n, t[i].n);
		else
			assert_int_equal(n, -7);	/* left alone */
	}
	/* len, not the NUL, ends it */
	assert_int_equal(alert_count_parse("412abc", 3, &n), 0);
	assert_int_equal(n, 412);
}

static void
make(struct inc_record *rec, const char *const *kv)
{
	char name[64];
	const char *eq;

	record_init(rec);
	for (; *kv != NULL; kv++) {
		eq = strchr(*kv, '=');
		snprintf(name, sizeof(name), "%.*s", (int)(eq - *kv), *kv);
		assert_int_equal(record_add(rec, name, eq + 1), 0);
	}
}

static int
read_span(const char *const *kv, const struct inc_time *det,
    struct alert_span *sp)
{
	struct inc_record rec;
	int st;

	make(&rec, kv);
	st = alert_span_read(&rec, det, sp);
	/* pointers into the record: copied out before it goes */
	if (sp->address != NULL)
		sp->address = strndup(sp->address, sp->addresslen);
	if (sp->rule != NULL)
		sp->rule = strndup(sp->rule, sp->rulelen);
	record_free(&rec);
	return st;
}

static void
span_free(struct alert_span *sp)
{
	free((char *)sp->address);
	free((char *)sp->rule);
}

static void
test_read(void **state)
{
	struct inc_time det = { FIRST, 8 * 3600 };
	struct alert_span sp;

	(void)state;
	assert_int_equal(read_span((const char *[]){ "alerts=412",
	    "last_seen=2026-11-24T09:52:40+08:00", "address=203.0.113.5",
	    "rule=sshd-failed-password", NULL }, &det, &sp), 0);
	assert_int_equal(sp.count, 412);
	assert_true(sp.has_first);
	assert_int_equal(sp.first.t, FIRST);
	assert_true(sp.has_last);
	assert_int_equal(sp.last.t, FIRST + 37 * 60 + 39);
	assert_string_equal(sp.address, "203.0.113.5");
	assert_string_equal(sp.rule, "sshd-failed-password");
	assert_true(alert_span_any(&sp));
	span_free(&sp);

	/* a person's record: nothing, and nothing said */
	assert_int_equal(read_span((const char *[]){ "title=defaced",
	    NULL }, &det, &sp), 0);
	assert_false(alert_span_any(&sp));
	assert_null(sp.rule);

	/* last seen may equal detected, not precede it */
	assert_int_equal(read_span((const char *[]){ "alerts=1",
	    "last_seen=2026-11-24T01:15:01Z", NULL }, &det, &sp), 0);
	assert_true(sp.has_last);
	assert_int_equal(read_span((const char *[]){ "alerts=2",
	    "last_seen=2026-11-24T01:15:00Z", NULL }, &det, &sp), 2);
	assert_false(sp.has_last);
	assert_int_equal(sp.count, 2);		/* the good one kept */

	/* bad values left out, each said */
	assert_int_equal(read_span((const char *[]){ "alerts=0",
	    "last_seen=soon", "address=203.0.113.9", NULL }, &det, &sp), 2);
	assert_int_equal(sp.count, 0);
	assert_false(sp.has_last);
	assert_string_equal(sp.address, "203.0.113.9");
	assert_true(alert_span_any(&sp));
	span_free(&sp);

	/* no detected to hold it to: last_seen taken as it is */
	assert_int_equal(read_span((const char *[]){
	    "last_seen=2020-01-01T00:00:00Z", NULL }, NULL, &sp), 0);
	assert_true(sp.has_last);
	assert_false(sp.has_first);

	/* an empty address is none */
	assert_int_equal(read_span((const char *[]){ "address=", NULL },
	    &det, &sp), 0);
	assert_false(alert_span_any(&sp));
}

static char *
phrase(const struct alert_span *sp, int offset, enum inc_lang lang)
{
	static char buf[256];
	FILE *fp = fmemopen(buf, sizeof(buf), "w");

	assert_non_null(fp);
	alert_span_phrase(fp, sp, offset, lang);
	fclose(fp);
	return buf;
}

static void
test_phrase(void **state)
{
	struct alert_span sp;
	int cst = 8 * 3600;

	(void)state;
	memset(&sp, 0, sizeof(sp));
	assert_string_equal(phrase(&sp, cst, LANG_EN), "");
	sp.count = 412;
	sp.has_first = sp.has_last = true;
	sp.first.t = FIRST;
	sp.last.t = FIRST + 37 * 60 + 39;
	sp.address = "203.0.113.5";
	sp.addresslen = strlen(sp.address);
	assert_string_equal(phrase(&sp, cst, LANG_EN),
	    "412 alerts from 203.0.113.5, 2026-11-24 09:15 to 09:52");
	assert_string_equal(phrase(&sp, cst, LANG_ZH),
	    "告警 412 条，源地址 203.0.113.5，2026-11-24 09:15 至 09:52");
	/* in the clock's offset, here UTC */
	assert_string_equal(phrase(&sp, 0, LANG_EN),
	    "412 alerts from 203.0.113.5, 2026-11-24 01:15 to 01:52");
	/* across midnight: the date again */
	sp.last.t = FIRST + 15 * 3600;
	assert_string_equal(phrase(&sp, cst, LANG_EN),
	    "412 alerts from 203.0.113.5, 2026-11-24 09:15 to 2026-11-25 00:15");
	/* within the minute: once */
	sp.count = 1;
	sp.last.t = FIRST + 30;
	assert_string_equal(phrase(&sp, cst, LANG_EN),
	    "1 alert from 203.0.113.5, 2026-11-24 09:15");
	assert_string_equal(phrase(&sp, cst, LANG_ZH),
	    "告警 1 条，源地址 203.0.113.5，2026-11-24 09:15");
	/* an address alone */
	sp.count = 0;
	sp.has_last = false;
	assert_string_equal(phrase(&sp, cst, LANG_EN), "address 203.0.113.5");
	assert_string_equal(phrase(&sp, cst, LANG_ZH), "源地址 203.0.113.5");
	/* a count alone */
	sp.count = 5;
	sp.address = NULL;
	assert_string_equal(phrase(&sp, cst, LANG_EN), "5 alerts");
	/* last seen without detected */
	sp.count = 0;
	sp.has_first = false;
	sp.has_last = true;
	assert_string_equal(phrase(&sp, cst, LANG_EN),
	    "last seen 2026-11-24 09:15");
	/* an address is text from the log: no control reaches a terminal */
	memset(&sp, 0, sizeof(sp));
	sp.address = "1.2.3.4\033[2J";
	sp.addresslen = strlen(sp.address);
	assert_null(strchr(phrase(&sp, cst, LANG_EN), '\033'));
}

static void
test_words(void **state)
{
	enum alert_word w;

	(void)state;
	for (w = 0; w < ALERT_W_COUNT; w++) {
		assert_true(*alert_span_word(w, LANG_ZH) != '\0');
		assert_true(*alert_span_word(w, LANG_EN) != '\0');
	}
	assert_string_equal(alert_span_word(ALERT_W_ADDRESS, LANG_ZH),
	    "源地址");
	assert_string_equal(alert_span_word(ALERT_W_LAST_SEEN, LANG_EN),
	    "last seen");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count_parse),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_phrase),
		cmocka_unit_test(test_words),
	};

	setenv("TZ", "Asia/Shanghai", 1);
	inc_set_prog("test-alert-span");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
