/*
 * report-json.c - the day report as JSON (json.h: every string escaped).
 * Keys are ids, the same in every language; names in the language asked
 * sit beside them.  Times are RFC 3339 with the offset of $TZ for the
 * period, as written in the record for the incident's own fields.
 */
#include <stdio.h>

#include "json.h"
#include "report-impl.h"

static void
counts(struct json *j, const struct report *r)
{
	size_t i;

	json_key(j, "counts");
	json_object_begin(j);
	json_kv_int(j, "total", (int64_t)r->ndetected);
	json_key(j, "level");
	json_object_begin(j);
	for (i = 1; i <= LEVEL_COUNT; i++)
		json_kv_int(j, level_id(i), (int64_t)r->nlevel[i]);
	if (r->nlevel[LEVEL_NONE] > 0)
		json_kv_int(j, "unknown", (int64_t)r->nlevel[LEVEL_NONE]);
	json_object_end(j);
	json_key(j, "category");
	json_object_begin(j);
	for (i = 0; i < r->plan->ncategories; i++)
		json_kv_int(j, r->plan->categories[i].id,
		    (int64_t)r->ncategory[i]);
	if (r->ncategory[r->plan->ncategories] > 0)
		json_kv_int(j, "unknown",
		    (int64_t)r->ncategory[r->plan->ncategories]);
	json_object_end(j);
	json_object_end(j);
}

static void
incident(struct json *j, const struct report *r,
    const struct rep_incident *inc)
{
	size_t i;

	json_object_begin(j);
	json_kv_string(j, "id", inc->id);
	json_kv_string(j, "title", inc->title);
	json_kv_string(j, "level", inc->level_text);
	json_kv_string(j, "category", inc->category);
	json_kv_string(j, "subtype", inc->subtype);
	json_kv_string(j, "system", inc->system);
	json_kv_string(j, "status", inc->status);
	rep_json_time(j, "detected", inc->detected);
	rep_json_alerts(j, inc);
	json_key(j, "in_period");
	json_bool(j, inc->in_period);
	json_key(j, "open_at_end");
	json_bool(j, inc->open_at_end);
	rep_json_when(j, "reported", &inc->measure[MEASURE_REPORTED]);
	rep_json_when(j, "assessed", &inc->measure[MEASURE_ASSESSED]);
	rep_json_when(j, "recovered", &inc->recovered);
	rep_json_when(j, "closed", &inc->closed);
	json_key(j, "next_deadline");
	if (inc->next != NULL)
		rep_json_ob(j, inc->next, r->lang, false);
	else
		json_null(j);
	json_kv_int(j, "steps_left", (int64_t)inc->steps_left);
	json_key(j, "obligations");
	json_array_begin(j);
	for (i = 0; i < inc->nobs; i++)
		rep_json_ob(j, &inc->obs[i], r->lang, false);
	json_array_end(j);
	json_object_end(j);
}

static void
response(struct json *j, const struct report *r)
{
	char d[INC_DURATION_LEN];
	size_t m;

	json_key(j, "response_times");
	json_object_begin(j);
	for (m = 0; m < MEASURE_COUNT; m++) {
		json_key(j, rep_measure_key(m));
		json_object_begin(j);
		json_kv_int(j, "n", (int64_t)r->stat[m].n);
		if (r->stat[m].n > 0) {
			json_kv_int(j, "median_seconds", r->stat[m].median);
			json_kv_int(j, "worst_seconds", r->stat[m].worst);
			json_kv_string(j, "median",
			    duration_format(d, r->stat[m].median));
			json_kv_string(j, "worst",
			    duration_format(d, r->stat[m].worst));
		}
		json_object_end(j);
	}
	json_object_end(j);
}

static void
duty(struct json *j, const struct report *r)
{
	const struct inc_unit *u = r->plan->duty;
	size_t i;

	json_key(j, "duty");
	json_object_begin(j);
	json_kv_string(j, "unit", u ? u->id : NULL);
	json_kv_string(j, "name", u ? text_in(u->name, r->lang) : NULL);
	json_key(j, "phones");
	json_array_begin(j);
	for (i = 0; u != NULL && i < u->nphones; i++)
		json_string(j, u->phones[i]);
	json_array_end(j);
	json_key(j, "on_duty");
	if (r->has_officer) {
		json_object_begin(j);
		json_kv_string(j, "name", r->officer_name);
		json_kv_string(j, "phone", r->officer_phone);
		json_object_end(j);
	} else
		json_null(j);
	json_object_end(j);
}

int
rep_day_json(FILE *fp, const struct report *r)
{
	char a[INC_TIME_LEN], b[INC_TIME_LEN];
	struct json j;
	size_t i;

	/* Compact: a day may list many thousand incidents (jq . to read) */
	json_init(&j, fp, false);
	json_object_begin(&j);
	json_kv_string(&j, "report", "day");
	json_kv_string(&j, "plan", r->plan->id);
	json_kv_string(&j, "title", text_in(r->plan->title, r->lang));
	json_key(&j, "period");
	json_object_begin(&j);
	json_kv_string(&j, "since", rep_time_full(a, r->since));
	json_kv_string(&j, "until", rep_time_full(b, r->until));
	json_object_end(&j);
	duty(&j, r);
	counts(&j, r);
	json_key(&j, "incidents");
	json_array_begin(&j);
	for (i = 0; i < r->n; i++)
		incident(&j, r, &r->v[i]);
	json_array_end(&j);
	json_key(&j, "obligations");
	json_array_begin(&j);
	for (i = 0; i < r->nbreach; i++) {
		json_object_begin(&j);
		json_kv_string(&j, "id", r->breach[i].inc->id);
		rep_json_ob_fields(&j, r->breach[i].ob, r->lang, false);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "obligation_names");
	json_object_begin(&j);
	for (i = 0; i < r->plan->nobligations; i++) {
		json_key(&j, r->plan->obligations[i].id);
		json_object_begin(&j);
		json_kv_string(&j, "name",
		    text_in(r->plan->obligations[i].name, r->lang));
		json_kv_string(&j, "clause", r->plan->obligations[i].clause);
		json_object_end(&j);
	}
	json_object_end(&j);
	json_key(&j, "accountability");
	json_object_begin(&j);
	json_kv_string(&j, "clause", r->plan->accountability_clause);
	json_kv_string(&j, "text", text_in(r->plan->accountability, r->lang));
	json_object_end(&j);
	response(&j, r);
	json_object_end(&j);
	return json_end(&j);
}
