/*
 * match.h - the plan's keywords found in text: every keyword of every
 * subtype in one pass (Aho-Corasick over a dense transition table, built
 * once from the plan).  ASCII letters match without regard to case;
 * every other byte (Chinese included) matches exactly.  A keyword that
 * begins with an ASCII letter or digit matches only where the text does
 * not have one just before it ("virus" is not found in "antivirus").
 *
 * When several keywords are found, the best one wins: the longest,
 * counted in characters; among equals the first in plan order (subtypes
 * in the order of the plan, then keywords in the order of their list).
 */
#ifndef INC_MATCH_H
#define INC_MATCH_H

#include <stddef.h>

#include "plan.h"

struct inc_matcher;

struct inc_match {
	const struct inc_subtype *subtype;	/* NULL: nothing found */
	const char	*keyword;		/* as the plan writes it */
	size_t		 chars;			/* its length in characters */
	size_t		 order;			/* its rank in plan order */
};

/* Build from every keyword of the plan; NULL when out of memory. */
struct inc_matcher *matcher_build(const struct inc_plan *);
void		 matcher_free(struct inc_matcher *);

/* Nothing found yet. */
void		 match_clear(struct inc_match *);

/*
 * Scan len bytes of text and keep in *best whichever of it and the
 * keywords found is best.  With within set, only the keywords of that
 * category's subtypes count.  Cost: one table step per byte, plus the
 * keywords that end at a byte.
 */
void		 matcher_scan(const struct inc_matcher *, const char *text,
		    size_t len, const struct inc_category *within,
		    struct inc_match *best);

#endif
