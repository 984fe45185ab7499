/*
 * plan-level.c - the four levels (I to IV) by their ids and back.
 */
#include <string.h>

#include "plan.h"

#define LEVEL(s)	{ s, sizeof(s) - 1 }

static const struct {
	const char	*id;
	size_t		 len;
} levels[] = {
	[LEVEL_I] = LEVEL("I"), [LEVEL_II] = LEVEL("II"),
	[LEVEL_III] = LEVEL("III"), [LEVEL_IV] = LEVEL("IV")
};

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
