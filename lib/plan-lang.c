/*
 * plan-lang.c - the language a plan's texts and roles are shown in.
 */
#include <stdlib.h>
#include <string.h>

#include "plan.h"

/* The roles of inc-plan(5) in Chinese; another role is shown by its id. */
static const struct {
	const char *id, *zh;
} roles[] = {
	{ "head", "组长" }, { "deputy", "副组长" }, { "member", "成员" },
	{ "director", "主任" }
};

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
