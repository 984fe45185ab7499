/*
 * report-label.c - the words of the reports themselves, in Chinese and
 * English: the headings and column names of inc-report(1), the zone line,
 * and how a report names an id of a record (status, category, system,
 * scale value): the plan's name when it has one, else the id.  Plan data
 * (names, phones, clauses) comes from the plan, never from here.
 */
#include <string.h>

#include "alert-span.h"
#include "notice.h"
#include "report-impl.h"
#include "text.h"
#include "zone.h"

static const struct inc_text labels[L_COUNT] = {
	[L_DAY_TITLE] = { "值班日报", "Daily duty report" },
	[L_HANDLING_TITLE] = { "系统异常事件处理报告",
	    "Incident handling report" },
	[L_PERIOD] = { "时段", "Period" },
	[L_DUTY] = { "值班", "Duty" },
	[L_ON_DUTY] = { "值班人员", "On duty" },
	[L_NOBODY] = { "（值班表未列）", "(not in the roster)" },
	[L_COUNTS] = { "事件统计", "Counts" },
	[L_DETECTED_N] = { "期内发现", "detected in the period" },
	[L_BY_LEVEL] = { "按级别", "By level" },
	[L_BY_CATEGORY] = { "按类别", "By category" },
	[L_INCIDENTS] = { "事件清单", "Incidents" },
	[L_NONE] = { "无", "none" },
	[L_ID] = { "编号", "id" },
	[L_LEVEL] = { "级别", "level" },
	[L_CATEGORY] = { "类别", "category" },
	[L_SUBTYPE] = { "子类", "subtype" },
	[L_SYSTEM] = { "系统", "system" },
	[L_STATUS] = { "状态", "status" },
	[L_DETECTED] = { "发现时间", "detected" },
	[L_NEXT] = { "下一时限", "next deadline" },
	[L_STEPS_LEFT] = { "剩余步骤", "steps left" },
	[L_TITLE] = { "标题", "title" },
	[L_OBLIGATIONS] = { "报告义务（迟报、逾期、漏报）",
	    "Obligations late, overdue or missed" },
	[L_OBLIGATION] = { "义务", "obligation" },
	[L_STATE] = { "情况", "state" },
	[L_DEADLINE] = { "时限", "deadline" },
	[L_DONE] = { "完成时间", "done" },
	[L_RESPONSE] = { "响应时间（自发现起）",
	    "Response times (from detection)" },
	[L_MEASURE] = { "环节", "to" },
	[L_MEASURED] = { "起数", "incidents" },
	[L_MEDIAN] = { "中位数", "median" },
	[L_WORST] = { "最长", "worst" },
	[L_TO_REPORTED] = { "初次报告", "initial report" },
	[L_TO_ASSESSED] = { "风险评估", "risk assessment" },
	[L_TO_RECOVERED] = { "恢复或关闭", "recovery or closing" },
	[L_UNKNOWN] = { "未定", "unknown" },
	[L_OPEN_AT_END] = { "期末未结", "open at the end" },
	[L_CLASSIFICATION] = { "事件分类与定级", "Classification and level" },
	[L_IMPORTANCE] = { "系统重要程度", "importance" },
	[L_LOSS] = { "系统损失", "loss" },
	[L_IMPACT] = { "社会影响", "impact" },
	[L_BASIS] = { "定级依据", "basis of the level" },
	[L_TIMELINE] = { "处置经过", "Timeline" },
	[L_STEPS] = { "处置步骤", "Procedure steps" },
	[L_BY_WHOM] = { "执行人", "by" },
	[L_SOURCE] = { "来源", "source" },
	[L_CLOSED] = { "关闭时间", "closed" },
	[L_NOT_DONE] = { "未完成", "not done" },
	[L_PROCEDURE] = { "处置程序", "procedure" },
	[L_ACCOUNTABILITY] = { "责任追究", "Accountability" },
	[L_TOTAL] = { "起数", "count" },
	[L_NAME] = { "名称", "name" },
	[L_OBLIGATIONS_ALL] = { "报告义务", "Obligations" },
	[L_AS_OF] = { "截至", "as of" },
	[L_ZONE] = { "时区", "Time zone" },
};

const char *
rep_label(enum rep_label l, enum inc_lang lang)
{
	/* The fields of alerts: the notices' words too (alert-span.c). */
	switch (l) {
	case L_ALERTS:
		return alert_span_word(ALERT_W_ALERTS, lang);
	case L_LAST_SEEN:
		return alert_span_word(ALERT_W_LAST_SEEN, lang);
	case L_ADDRESS:
		return alert_span_word(ALERT_W_ADDRESS, lang);
	case L_RULE:
		return alert_span_word(ALERT_W_RULE, lang);
	default:
		return text_in(labels[l], lang);
	}
}

/* The words of the notices: one set for both (notice.c). */
const char *
rep_state_label(enum ob_state s, enum inc_lang lang)
{
	return ob_state_label(s, lang);
}

char *
rep_zone_text(char buf[REP_ZONE_LEN], struct inc_time at)
{
	struct inc_time l = time_local(at.t);
	const char *name = zone_name();
	int off = l.offset < 0 ? -l.offset : l.offset;
	char utc[16];

	snprintf(utc, sizeof(utc), "UTC%c%02d:%02d", l.offset < 0 ? '-' : '+',
	    off / 3600, off / 60 % 60);
	if (*name == '\0')
		snprintf(buf, REP_ZONE_LEN, "%s", utc);
	else
		snprintf(buf, REP_ZONE_LEN, "%.*s (%s)", REP_ZONE_LEN - 24,
		    name, utc);
	return buf;
}

void
rep_zone_line(FILE *fp, const char *prefix, struct inc_time at,
    enum inc_lang lang)
{
	char buf[REP_ZONE_LEN];

	fprintf(fp, "%s%s: ", prefix, rep_label(L_ZONE, lang));
	rep_zone_text(buf, at);
	text_put_safe(fp, buf, strlen(buf), 0);		/* $TZ as given */
	putc('\n', fp);
}

/* Status ids of inc-record(5); anything else is shown as written. */
const char *
rep_status_label(const char *status, enum inc_lang lang)
{
	static const struct {
		const char	*id;
		struct inc_text	 t;
	} t[] = {
		{ "open", { "处置中", "open" } },
		{ "contained", { "已控制", "contained" } },
		{ "recovered", { "已恢复", "recovered" } },
		{ "closed", { "已关闭", "closed" } },
	};
	size_t i;

	if (status == NULL)
		return "-";
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(status, t[i].id) == 0)
			return text_in(t[i].t, lang);
	return status;
}

const char *
rep_system_label(const struct inc_plan *plan, const char *id,
    enum inc_lang lang)
{
	const struct inc_system *s;

	if (id == NULL || lang == LANG_EN || (s = plan_system(plan, id)) ==
	    NULL || s->name.zh == NULL)
		return id;
	return s->name.zh;
}

const char *
rep_category_label(const struct inc_plan *plan, const char *id,
    enum inc_lang lang)
{
	const struct inc_category *c;

	if (id == NULL)
		return rep_label(L_UNKNOWN, lang);
	if ((c = plan_category(plan, id)) == NULL)
		return id;
	return text_in(c->name, lang);
}

/* The name of a scale value in the plan, else the id as written. */
const char *
rep_scale_label(const struct inc_scale *sc, const char *id,
    enum inc_lang lang)
{
	int i;

	if (id == NULL)
		return NULL;
	if ((i = scale_index(sc, id)) < 0)
		return id;
	return text_in(sc->values[i].name, lang);
}
