/*
 * plan-show-detection.c - the plan's detection rules printed (inc-plan
 * show): as text, each rule with its subtype, what it looks for, how its
 * alerts are grouped and the lines that prove it (nothing when the plan
 * has no rules); as JSON, every key of inc-plan(5) DETECTION.
 */
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "plan-show.h"
#include "text.h"
#include "timeutil.h"

/* The key a rule without "by" groups by (inc-plan(5) GROUPING). */
static const char *default_by[] = { "host", "address" };

static const char *
tr(enum inc_lang lang, const char *zh, const char *en)
{
	return lang == LANG_ZH ? zh : en;
}

static void
put(FILE *fp, const char *s)
{
	if (s != NULL)
		text_put_safe(fp, s, strlen(s), 0);
}

static void
list_items(FILE *fp, const char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(", ", fp);
		put(fp, v[i]);
	}
}

static void
list(FILE *fp, const char *label, const char **v, size_t n)
{
	if (n == 0)
		return;
	fprintf(fp, "      %s: ", label);
	list_items(fp, v, n);
	putc('\n', fp);
}

static void
lines(FILE *fp, const char *label, const struct inc_example *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		fprintf(fp, "      %s: ", label);
		put(fp, v[i].text);
		putc('\n', fp);
	}
}

/*
 * How the rule's alerts make incidents, on one line; the window and the
 * key say when they are the plan's default.  An ignore rule makes none.
 */
static void
grouping(FILE *fp, const struct inc_rule *r, enum inc_lang lang)
{
	const char *dflt = tr(lang, "（默认）", " (default)");
	char	 buf[INC_DURATION_LEN];

	if (r->ignore)
		return;
	fprintf(fp, "      %s: %s%s; %s: %u", tr(lang, "窗口", "window"),
	    duration_format(buf, r->window), r->window_own ? "" : dflt,
	    tr(lang, "阈值", "threshold"), r->threshold);
	if (r->distinct != NULL) {
		fprintf(fp, " %s ", tr(lang, "个不同的", "distinct"));
		put(fp, r->distinct);
	}
	fprintf(fp, "; %s: ", tr(lang, "分组键", "by"));
	if (r->nby == 0)
		fprintf(fp, "%s, %s%s", default_by[0], default_by[1], dflt);
	else
		list_items(fp, r->by, r->nby);
	if (r->group != NULL) {
		fprintf(fp, "; %s: ", tr(lang, "合并组", "group"));
		put(fp, r->group);
	}
	putc('\n', fp);
}

void
plan_show_detection_text(FILE *fp, const struct inc_plan *p,
    enum inc_lang lang)
{
	const struct inc_detection *d = &p->detection;
	const struct inc_rule *r;
	const char *note;
	char	 buf[INC_DURATION_LEN];
	size_t	 i;

	if (d->nrules == 0)
		return;		/* the subtypes' keywords are shown above */
	fprintf(fp, "\n== %s", tr(lang, "检测规则", "Detection"));
	if (d->clause != NULL) {
		fputs(" [", fp);
		put(fp, d->clause);
		putc(']', fp);
	}
	fprintf(fp, "\n  %s\n", tr(lang,
	    "按此顺序逐条尝试，首条匹配的规则决定；其后是各子类的关键词。",
	    "Tried in this order, the first rule that matches decides; the "
	    "subtypes' keywords come after them."));
	fprintf(fp, "  %s%s%s\n", tr(lang,
	    "同一规则、同一分组键、彼此相隔在窗口内的告警为一个事件；默认窗口 ",
	    "Alerts of one rule and key within its window of each other are "
	    "one incident; the default window is "),
	    duration_format(buf, d->window), tr(lang, "。", "."));
	for (i = 0; i < d->nrules; i++) {
		r = &d->rules[i];
		fputs("\n  ", fp);
		put(fp, r->id);
		fputs("  ", fp);
		if (r->ignore)
			fputs(tr(lang, "忽略", "ignore"), fp);
		else if (r->subtype != NULL) {
			put(fp, r->subtype->category->id);
			putc('/', fp);
			put(fp, r->subtype->id);
		}
		putc('\n', fp);
		if ((note = text_in(r->note, lang))[0] != '\0') {
			fputs("      ", fp);
			put(fp, note);
			putc('\n', fp);
		}
		list(fp, tr(lang, "关键词", "keywords"), r->keywords,
		    r->nkeywords);
		if (r->pattern != NULL) {
			fprintf(fp, "      %s: ", tr(lang, "模式", "pattern"));
			put(fp, r->pattern);
			putc('\n', fp);
		}
		list(fp, tr(lang, "字面量", "literals"), r->literals,
		    r->nliterals);
		grouping(fp, r, lang);
		lines(fp, tr(lang, "示例", "example"), r->examples,
		    r->nexamples);
		lines(fp, tr(lang, "噪声", "noise"), r->noise, r->nnoise);
	}
}

static void
examples(struct json *j, const char *key, const struct inc_example *v,
    size_t n)
{
	size_t	 i;

	json_key(j, key);
	json_array_begin(j);
	for (i = 0; i < n; i++)
		json_string(j, v[i].text);
	json_array_end(j);
}

void
plan_show_detection_json(struct json *j, const struct inc_plan *p)
{
	const struct inc_detection *d = &p->detection;
	const struct inc_rule *r;
	char	 buf[INC_DURATION_LEN];
	size_t	 i;

	json_key(j, "detection");
	json_object_begin(j);
	json_kv_string(j, "clause", d->clause);
	json_kv_string(j, "window", duration_format(buf, d->window));
	json_kv_int(j, "window_seconds", d->window);
	json_key(j, "rules");
	json_array_begin(j);
	for (i = 0; i < d->nrules; i++) {
		r = &d->rules[i];
		json_object_begin(j);
		json_kv_string(j, "id", r->id);
		json_key(j, "subtype");
		if (r->subtype != NULL) {
			json_object_begin(j);
			json_kv_string(j, "category", r->subtype->category->id);
			json_kv_string(j, "subtype", r->subtype->id);
			json_object_end(j);
		} else
			json_null(j);
		json_key(j, "ignore");
		json_bool(j, r->ignore);
		json_key(j, "note");
		if (r->note.zh != NULL || r->note.en != NULL) {
			json_object_begin(j);
			json_kv_string(j, "zh", r->note.zh);
			json_kv_string(j, "en", r->note.en);
			json_object_end(j);
		} else
			json_null(j);
		json_kv_strings(j, "keywords", r->keywords, r->nkeywords);
		json_kv_string(j, "pattern", r->pattern);
		json_kv_strings(j, "literals", r->literals, r->nliterals);
		json_kv_string(j, "window", duration_format(buf, r->window));
		json_kv_int(j, "window_seconds", r->window);
		json_key(j, "window_default");
		json_bool(j, !r->window_own);
		json_kv_int(j, "threshold", r->threshold);
		if (r->nby == 0)
			json_kv_strings(j, "by", default_by, 2);
		else
			json_kv_strings(j, "by", r->by, r->nby);
		json_key(j, "by_default");
		json_bool(j, r->nby == 0);
		json_kv_string(j, "distinct", r->distinct);
		json_kv_string(j, "group", r->group);
		examples(j, "examples", r->examples, r->nexamples);
		examples(j, "noise", r->noise, r->nnoise);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}
