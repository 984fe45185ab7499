/*
 * plan.c - the plan in force, and lookups in a loaded plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "plan-impl.h"

#define LEVEL(s)	{ s, sizeof(s) - 1 }

static const struct {
	const char	*id;
	size_t		 len;
} levels[] = {
	[LEVEL_I] = LEVEL("I"), [LEVEL_II] = LEVEL("II"),
	[LEVEL_III] = LEVEL("III"), [LEVEL_IV] = LEVEL("IV")
};

/* The roles of inc-plan(5) in Chinese; another role is shown by its id. */
static const struct {
	const char *id, *zh;
} roles[] = {
	{ "head", "组长" }, { "deputy", "副组长" }, { "member", "成员" },
	{ "director", "主任" }
};

/*
 * --plan FILE, else $INC_PLAN when set and not empty, else the embedded
 * default.  A plan with problems is refused whole: a tool must not grade
 * or escalate by half a plan.
 */
struct inc_plan *
plan_load_in_force(const char *opt, struct plan_errors *errs)
{
	const char	*path = opt;

	if (path == NULL && (path = getenv("INC_PLAN")) != NULL &&
	    *path == '\0')
		path = NULL;
	if (path != NULL)
		return plan_load_file(path, errs);
	return plan_load_buffer("(embedded)", inc_plan_embedded,
	    inc_plan_embedded_len, errs);
}

void
plan_error_print(FILE *fp, const char *prefix, const struct plan_error *e)
{
	if (prefix != NULL)
		fprintf(fp, "%s: ", prefix);
	/* A problem of the whole file (unreadable, too large) has no place. */
	inc_put_name(fp, e->file);
	if (e->line > 0)
		fprintf(fp, ":%ld:%ld: %s\n", e->line, e->column, e->message);
	else
		fprintf(fp, ": %s\n", e->message);
}

struct inc_plan *
plan_in_force(const char *opt)
{
	struct plan_errors errs = { NULL, 0, 0 };
	struct inc_plan	*p;
	size_t		 i;

	p = plan_load_in_force(opt, &errs);
	for (i = 0; i < errs.n; i++)
		plan_error_print(stderr, inc_prog, &errs.v[i]);
	plan_errors_free(&errs);
	return p;
}

void
plan_free(struct inc_plan *p)
{
	if (p == NULL)
		return;
	sec_detection_free(p);
	pa_free(p->arena);	/* the plan itself is in its arena */
}

void
plan_errors_free(struct plan_errors *errs)
{
	size_t	 i;

	for (i = 0; i < errs->n; i++)
		free(errs->v[i].message);
	free(errs->v);
	errs->v = NULL;
	errs->n = errs->cap = 0;
}

const struct inc_category *
plan_category(const struct inc_plan *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->ncategories; i++)
		if (strcmp(p->categories[i].id, id) == 0)
			return &p->categories[i];
	return NULL;
}

const struct inc_subtype *
plan_subtype(const struct inc_category *c, const char *id)
{
	size_t	 i;

	for (i = 0; i < c->nsubtypes; i++)
		if (c->subtypes[i].id != NULL &&
		    strcmp(c->subtypes[i].id, id) == 0)
			return &c->subtypes[i];
	return NULL;
}

const struct inc_procedure *
plan_procedure(const struct inc_plan *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->nprocedures; i++)
		if (strcmp(p->procedures[i].id, id) == 0)
			return &p->procedures[i];
	return NULL;
}

const struct inc_obligation *
plan_obligation(const struct inc_plan *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->nobligations; i++)
		if (strcmp(p->obligations[i].id, id) == 0)
			return &p->obligations[i];
	return NULL;
}

const struct inc_unit *
plan_unit(const struct inc_plan *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->nunits; i++)
		if (strcmp(p->units[i].id, id) == 0)
			return &p->units[i];
	return NULL;
}

const struct inc_system *
plan_system(const struct inc_plan *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->nsystems; i++)
		if (strcmp(p->systems[i].id, id) == 0)
			return &p->systems[i];
	return NULL;
}

/* Also used while loading, when a value's id may still be missing. */
int
scale_index(const struct inc_scale *s, const char *id)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->values[i].id != NULL && strcmp(s->values[i].id, id) == 0)
			return (int)i;
	return -1;
}

enum inc_level
level_parse(const char *s)
{
	return level_parse_n(s, strlen(s));
}

enum inc_level
level_parse_n(const char *s, size_t len)
{
	size_t	 i;
	int	 l;

	/* A byte at a time: the level of every record is read. */
	for (l = LEVEL_I; l <= LEVEL_IV; l++) {
		if (levels[l].len != len)
			continue;
		for (i = 0; i < len && s[i] == levels[l].id[i]; i++)
			continue;
		if (i == len)
			return (enum inc_level)l;
	}
	return LEVEL_NONE;
}

const char *
level_id(enum inc_level l)
{
	if (l < LEVEL_I || l > LEVEL_IV)
		return NULL;
	return levels[l].id;
}

const char *
text_in(struct inc_text t, enum inc_lang lang)
{
	const char *first = lang == LANG_ZH ? t.zh : t.en;
	const char *other = lang == LANG_ZH ? t.en : t.zh;

	if (first != NULL)
		return first;
	return other != NULL ? other : "";
}

/*
 * As setlocale(3) reads the environment: the first of LC_ALL,
 * LC_MESSAGES, LANG that is set and not empty decides.
 */
int
lang_choose(const char *opt, enum inc_lang *lang)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char	*v;
	size_t		 i;

	if (opt != NULL) {
		if (strcmp(opt, "zh") == 0)
			*lang = LANG_ZH;
		else if (strcmp(opt, "en") == 0)
			*lang = LANG_EN;
		else
			return -1;
		return 0;
	}
	*lang = LANG_EN;
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		if ((v = getenv(vars[i])) == NULL || *v == '\0')
			continue;
		if (strncmp(v, "zh", 2) == 0)
			*lang = LANG_ZH;
		break;
	}
	return 0;
}

const char *
role_name(const char *role, enum inc_lang lang)
{
	size_t	 i;

	if (role == NULL)
		return "";
	for (i = 0; lang == LANG_ZH && i < sizeof(roles) / sizeof(roles[0]);
	    i++)
		if (strcmp(role, roles[i].id) == 0)
			return roles[i].zh;
	return role;
}

bool
plan_id_valid(const char *s)
{
	if (*s < 'a' || *s > 'z')
		return false;
	for (s++; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return false;
	return true;
}
