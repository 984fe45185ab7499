/*
 * match.h - the plan's detection rules applied to text (inc-plan(5)
 * DETECTION): which rule a line or a title matches, first in plan order.
 *
 * The rules are those of the plan's "detection" section, in its order,
 * then one rule per subtype with keywords, named "category/subtype", in
 * the order of the plan.  A keyword is a whole word: one that begins
 * (ends) with an ASCII letter, digit or '_' matches only where the text
 * has none of those just before (after) it; ASCII letters match without
 * regard to case, every other byte (Chinese included) exactly.  A
 * pattern (PCRE2) is tried only on a text that holds one of its
 * literals (substrings, ASCII case folded).  Every keyword and literal
 * is looked for in one pass (ac.h), so a text no rule can match costs
 * that pass and no regular expression.
 */
#ifndef INC_MATCH_H
#define INC_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"

struct inc_matcher;
struct plan_errors;

struct inc_match {
	const struct inc_subtype *subtype;	/* NULL: nothing found */
	bool		 ignore;		/* an ignore rule: noise, and
						 * subtype is other/other */
	const char	*rule;			/* the rule's id */
	const char	*keyword;		/* the keyword found, as the
						 * plan writes it; a pattern's
						 * rule id */
	size_t		 order;			/* the rule's rank */
	size_t		 key;			/* the same for the same
						 * keyword or pattern rule */
	const char	*address;		/* the "address" a pattern
						 * captured, into the text */
	size_t		 addresslen;
	/*
	 * Grouping: the rule of the detection section that matched (NULL
	 * for a subtype's keywords, which group by host with the
	 * detection default window), and what its pattern captured for
	 * each of def->by (into the text; NULL for "host", "source" and
	 * a group that took no part) and for def->distinct.
	 */
	const struct inc_rule *def;
	const char	*by[RULE_BY_MAX];
	size_t		 bylen[RULE_BY_MAX];
	const char	*distinct;
	size_t		 distinctlen;
};

/*
 * Build from the plan's rules and keywords (patterns JIT-compiled); NULL
 * when out of memory.  The plan outlives the matcher.
 */
struct inc_matcher *matcher_build(const struct inc_plan *);
/* The same with the byte table's budget (ac.h) given: for tests. */
struct inc_matcher *matcher_build_budget(const struct inc_plan *, size_t);
void		 matcher_free(struct inc_matcher *);
/* The bytes its automaton holds, and whether it is dense (for tests). */
size_t		 matcher_size(const struct inc_matcher *, int *dense);

/* Nothing found yet. */
void		 match_clear(struct inc_match *);

/*
 * Scan len bytes of text and keep in *best whichever comes first in
 * plan order: the rule already there or the first rule that matches the
 * text.  With within set, only the rules of that category's subtypes
 * count (and no ignore rule).  The matcher keeps the state of one scan:
 * one thread at a time.
 */
void		 matcher_scan(struct inc_matcher *, const char *text,
		    size_t len, const struct inc_category *within,
		    struct inc_match *best);

/*
 * inc-plan check: every rule's examples, read as alert lines
 * (alert.h), match that rule, and no rule but an ignore rule matches its
 * noise lines.  Each one that does not is added to errs where the plan
 * has it.  Returns the number of problems, -1 when out of memory.
 */
int		 matcher_check_examples(struct inc_matcher *,
		    const struct inc_plan *, struct plan_errors *);

#endif
