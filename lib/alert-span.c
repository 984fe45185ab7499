/*
 * alert-span.c - the fields of an incident made from alerts (alerts,
 * last_seen, address, rule) read and checked once for the reports and
 * the notices, and the words both say them in.
 */
#include <inttypes.h>
#include <string.h>

#include "alert-span.h"
#include "diag.h"
#include "obligation.h"
#include "text.h"

int
alert_count_parse(const char *s, size_t len, int64_t *n)
{
	int64_t v = 0;
	size_t i;

	if (len == 0 || s[0] == '0')
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9' ||
		    v > (ALERT_COUNT_MAX - (s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*n = v;
	return 0;
}

static long
item_line(const struct inc_record *rec, const struct inc_item *it)
{
	return it->line > 0 ? it->line : rec->line;
}

int
alert_span_read(const struct inc_record *rec, const struct inc_time *det,
    struct alert_span *sp)
{
	const struct inc_item *it;
	struct inc_time t;
	char q[48];
	int status = 0;

	memset(sp, 0, sizeof(*sp));
	if (det != NULL) {
		sp->has_first = true;
		sp->first = *det;
	}
	if ((it = record_field(rec, "alerts")) != NULL &&
	    alert_count_parse(it->value, it->len, &sp->count) == -1) {
		inc_warn_at(rec->file, item_line(rec, it), "alerts: \"%s\": "
		    "not a positive integer", text_quote(q, sizeof(q),
		    it->value));
		status = 2;
	}
	if ((it = record_field(rec, "last_seen")) != NULL) {
		if (ob_time(it->value, &t) == -1) {
			inc_warn_at(rec->file, item_line(rec, it),
			    "last_seen: \"%s\": not a time (%s)",
			    text_quote(q, sizeof(q), it->value),
			    INC_TIME_EXAMPLE);
			status = 2;
		} else if (det != NULL && t.t < det->t) {
			inc_warn_at(rec->file, item_line(rec, it),
			    "last_seen: \"%s\": before detected, the first "
			    "alert", text_quote(q, sizeof(q), it->value));
			status = 2;
		} else {
			sp->has_last = true;
			sp->last = t;
		}
	}
	if ((it = record_field(rec, "address")) != NULL && it->len > 0) {
		sp->address = it->value;
		sp->addresslen = it->len;
	}
	if ((it = record_field(rec, "rule")) != NULL && it->len > 0) {
		sp->rule = it->value;
		sp->rulelen = it->len;
	}
	return status;
}

bool
alert_span_any(const struct alert_span *sp)
{
	return sp->count > 0 || sp->has_last || sp->address != NULL;
}

/* One set: the reports' labels, and the notices' words beside them. */
static const struct inc_text words[ALERT_W_COUNT] = {
	[ALERT_W_ALERTS] = { "告警数", "alerts" },
	[ALERT_W_LAST_SEEN] = { "末次告警", "last seen" },
	[ALERT_W_ADDRESS] = { "源地址", "address" },
	[ALERT_W_RULE] = { "检测规则", "rule" },
};

const char *
alert_span_word(enum alert_word w, enum inc_lang lang)
{
	return text_in(words[w], lang);
}

/* "2026-11-24 09:15" of t in offset; with date false "09:15". */
static void
put_time(FILE *fp, struct inc_time t, int offset, bool date)
{
	char b[INC_TIME_LEN];

	t.offset = offset;
	time_format(b, t);
	if (date)
		fprintf(fp, "%.10s ", b);
	fprintf(fp, "%.5s", b + 11);
}

static bool
same_text(struct inc_time a, struct inc_time b, int offset, size_t n)
{
	char x[INC_TIME_LEN], y[INC_TIME_LEN];

	a.offset = b.offset = offset;
	time_format(x, a);
	time_format(y, b);
	return memcmp(x, y, n) == 0;
}

void
alert_span_phrase(FILE *fp, const struct alert_span *sp, int offset,
    enum inc_lang lang)
{
	bool en = lang == LANG_EN, any = false;

	if (sp->count > 0) {
		if (en)
			fprintf(fp, "%" PRId64 " alert%s", sp->count,
			    sp->count == 1 ? "" : "s");
		else
			fprintf(fp, "告警 %" PRId64 " 条", sp->count);
		any = true;
	}
	if (sp->address != NULL) {
		if (en)
			fputs(any ? " from " : "address ", fp);
		else
			fprintf(fp, "%s%s ", any ? "，" : "",
			    alert_span_word(ALERT_W_ADDRESS, lang));
		text_put_safe(fp, sp->address, sp->addresslen, 0);
		any = true;
	}
	if (!sp->has_last)
		return;
	if (any)
		fputs(en ? ", " : "，", fp);
	if (!sp->has_first) {
		fprintf(fp, "%s ", alert_span_word(ALERT_W_LAST_SEEN, lang));
		put_time(fp, sp->last, offset, true);
		return;
	}
	put_time(fp, sp->first, offset, true);
	/* "2026-11-24 09:15" is 16 bytes of RFC 3339, the date 10 */
	if (same_text(sp->first, sp->last, offset, 16))
		return;
	fputs(en ? " to " : " 至 ", fp);
	put_time(fp, sp->last, offset, !same_text(sp->first, sp->last,
	    offset, 10));
}
