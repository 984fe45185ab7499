/*
 * plan.h - the emergency response plan as data (inc-plan(5)).
 *
 * Every rule the tools apply comes from here: the taxonomy and its
 * keywords, the scales and the grading matrix, the organisation with its
 * phones, the obligations and their deadlines, the procedures and their
 * steps, the routing from categories to procedures, the systems.  The plan
 * is loaded once (from --plan FILE, $INC_PLAN or the embedded default) and
 * read-only after.  Each element carries the clause of the source text it
 * comes from, e.g. "四(二)3".
 */
#ifndef INC_PLAN_H
#define INC_PLAN_H

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

enum inc_lang { LANG_ZH, LANG_EN };

/* A text in both languages; either may be NULL in a partial plan. */
struct inc_text {
	const char	*zh;
	const char	*en;
};

enum inc_level { LEVEL_NONE = 0, LEVEL_I, LEVEL_II, LEVEL_III, LEVEL_IV };
#define LEVEL_COUNT 4
#define LEVEL_BIT(l)	(1u << (l))	/* for masks of levels */

struct inc_category;

struct inc_subtype {
	const char	*id;			/* "denial-of-service" */
	struct inc_text	 name;
	const char	*clause;
	const char	**keywords;		/* zh and en, plan order */
	size_t		 nkeywords;
	const struct inc_category *category;
};

struct inc_category {
	const char	*id;			/* "network-attack" */
	struct inc_text	 name;
	const char	*clause;
	struct inc_text	 definition;
	struct inc_subtype *subtypes;
	size_t		 nsubtypes;
};

/* One value of a scale: importance, loss or impact. */
struct inc_scale_value {
	const char	*id;			/* "critical" */
	struct inc_text	 name;
	const char	*clause;
	struct inc_text	 description;
};

struct inc_scale {
	struct inc_scale_value *values;		/* most severe first */
	size_t		 n;
	const char	*clause;
};

struct inc_level_def {
	enum inc_level	 level;
	const char	*id;			/* "I" */
	struct inc_text	 name;			/* 特别重大 */
	const char	*clause;
	struct inc_text	 description;
};

struct inc_grading {
	const char	*clause;		/* 一(五)2 */
	/* matrix[i * loss.n + l]: level for importance i and loss l */
	enum inc_level	*matrix;
	enum inc_level	*by_impact;		/* [impact.n] */
};

struct inc_person {
	const char	*name;			/* 罗红霞 */
	const char	*role;			/* head, deputy, member, director */
	struct inc_text	 post;			/* 区委常委、常务副区长 */
	const char	**phones;
	size_t		 nphones;
};

/* A body to be told or that acts: leading group, office, police... */
struct inc_unit {
	const char	*id;			/* "leading-group" */
	struct inc_text	 name;
	const char	*clause;
	struct inc_text	 note;			/* e.g. where the office sits */
	struct inc_person *members;
	size_t		 nmembers;
	const char	**phones;		/* the unit's own phones */
	size_t		 nphones;
	const struct inc_unit *contact;		/* reach it through this unit
						 * when it has no phone */
};

struct inc_obligation {
	const char	*id;			/* "initial-report" */
	struct inc_text	 name;
	const char	*clause;
	const char	*field;			/* record field: "reported" */
	const char	*after;			/* clock start: "detected" */
	int64_t		 within;		/* seconds after 'after' */
	const char	*before;		/* or an event: "closed" */
	unsigned	 levels;		/* LEVEL_BIT mask; all when 0 */
	const struct inc_unit **notify;		/* who is told */
	size_t		 nnotify;
	struct inc_text	 note;			/* choices the plan leaves open */
};

struct inc_step {
	int		 n;			/* 1, 2, ... as in the plan */
	const char	*clause;		/* 四(二)3 */
	struct inc_text	 title;			/* short, may be NULL: "火警" */
	struct inc_text	 text;			/* the step's full text */
};

struct inc_procedure {
	const char	*id;			/* "network-attack" */
	struct inc_text	 name;
	const char	*clause;
	struct inc_step	*steps;
	size_t		 nsteps;
};

/* Category (and subtype, or any when NULL) to procedures. */
struct inc_route {
	const struct inc_category *category;
	const struct inc_subtype *subtype;
	const struct inc_procedure **procedures;
	size_t		 nprocedures;
	struct inc_text	 note;
};

struct inc_system {
	const char	*id;			/* "portal" */
	struct inc_text	 name;
	const char	*importance;		/* an importance id */
	const char	*url;
};

/*
 * Detection (inc-plan(5) DETECTION, DESIGN 5 step 1): the rules that say
 * which alert lines are incidents and of what subtype.  A rule has
 * keywords (whole words) or a pattern (a PCRE2 regular expression, tried
 * only on a line holding one of its literals); an ignore rule names noise
 * and has no subtype.  Rules are tried in plan order, the first that
 * matches wins; the subtypes' keywords come after them as rules of their
 * own, named "category/subtype".
 */
struct inc_example {
	const char	*text;
	long		 line, column;		/* where the plan has it */
};

struct inc_rule {
	const char	*id;			/* "sshd-failed-password" */
	const struct inc_subtype *subtype;	/* NULL for an ignore rule */
	bool		 ignore;
	struct inc_text	 note;
	const char	**keywords;		/* whole words */
	size_t		 nkeywords;
	const char	*pattern;		/* or NULL */
	const char	**literals;		/* the pattern's gate */
	size_t		 nliterals;
	void		*code;			/* the pattern compiled
						 * (pcre2_code *) */
	struct inc_example *examples;		/* lines it must match */
	size_t		 nexamples;
	struct inc_example *noise;		/* lines no rule may take
						 * for an incident */
	size_t		 nnoise;
	/*
	 * Grouping (DESIGN 5 step 3, inc-plan(5) GROUPING): alerts of this
	 * rule with the same key within window seconds of each other are
	 * one incident; with a threshold, only once threshold of them
	 * (or of distinct values of the group distinct) fall within one
	 * window.
	 */
	long		 window;		/* seconds > 0: the rule's
						 * "window", else the
						 * detection default */
	bool		 window_own;		/* the rule names its own */
	unsigned	 threshold;		/* >= 1; 1: every alert */
	const char	**by;			/* the key: "host", "source"
						 * or a pattern group name */
	size_t		 nby;			/* 0: host and address */
	const char	*distinct;		/* a pattern group, or NULL:
						 * threshold counts alerts */
	const char	*group;			/* a name rules share, their
						 * alerts grouped together,
						 * or NULL: the rule's own */
	long		 line, column;
};

#define RULE_BY_MAX	4	/* fields of a key */
#define RULE_THRESHOLD_MAX 1000
#define DETECTION_WINDOW 600	/* seconds, when the plan names none */

struct inc_detection {
	const char	*clause;
	long		 window;		/* the rules' default window,
						 * seconds > 0 */
	struct inc_rule	*rules;
	size_t		 nrules;
};

struct inc_plan {
	const char	*source;		/* file name, or "(embedded)" */
	const char	*id;			/* "mazhang" */
	const char	*timezone;		/* "Asia/Shanghai", or NULL */
	struct inc_text	 title;
	struct inc_text	 issuer;
	struct inc_text	 purpose;
	const char	**basis;		/* laws, as written (zh) */
	size_t		 nbasis;
	struct inc_text	*principles;
	size_t		 nprinciples;
	struct inc_text	 scope;
	struct inc_text	 accountability;	/* 三(三): late, missed, concealed */
	const char	*accountability_clause;
	const char	*purpose_clause;
	const char	*basis_clause;
	struct inc_text	*laws;			/* [nbasis], both languages */
	const char	**principle_clauses;	/* [nprinciples], may be NULL */
	const char	*scope_clause;

	struct inc_category *categories;
	size_t		 ncategories;
	struct inc_scale importance, loss, impact;
	struct inc_level_def levels[LEVEL_COUNT];
	struct inc_grading grading;
	struct inc_unit	*units;
	size_t		 nunits;
	const struct inc_unit *duty;		/* the duty office */
	struct inc_obligation *obligations;
	size_t		 nobligations;
	/* The record fields they read (field, after, before), each once. */
	const char	**obligation_fields;
	size_t		 nobligation_fields;
	struct inc_procedure *procedures;
	size_t		 nprocedures;
	struct inc_route *routes;
	size_t		 nroutes;
	const struct inc_procedure **fallback;	/* when no route matches */
	size_t		 nfallback;
	struct inc_system *systems;
	size_t		 nsystems;
	struct inc_detection detection;		/* may have no rules */

	struct plan_arena *arena;
};

/*
 * One problem found in a plan file, with where it is: line and column
 * count from 1 (characters, not bytes); both are 0 for a problem with
 * the file as a whole (cannot be read, too large).  file is the name
 * given to the loader, not a copy.
 */
struct plan_error {
	const char	*file;
	long		 line, column;
	char		*message;
};

struct plan_errors {
	struct plan_error *v;
	size_t		 n, cap;
};

/*
 * Load and check a plan.  On success returns the plan; on failure NULL
 * with every problem found (not only the first, up to 1000) added to
 * errs, in file order.  A plan over 4 MiB, nested deeper than 64 levels
 * or with YAML aliases is refused.  errs starts zeroed.
 */
struct inc_plan	*plan_load_file(const char *path, struct plan_errors *);
/* The same from an open stream (inc-plan check -), named name. */
struct inc_plan	*plan_load_stream(FILE *, const char *name,
		    struct plan_errors *);
struct inc_plan	*plan_load_buffer(const char *name, const char *buf,
		    size_t len, struct plan_errors *);
void		 plan_free(struct inc_plan *);
void		 plan_errors_free(struct plan_errors *);

/* The embedded default, share/inc/plan.yaml compiled in. */
extern const char	inc_plan_embedded[];
extern const size_t	inc_plan_embedded_len;

/*
 * The plan in force: opt (--plan FILE), else $INC_PLAN, else the embedded
 * default.  On failure reports each problem as "prog: file:line:col: msg"
 * ("prog: file: msg" for the file as a whole) and returns NULL.
 */
struct inc_plan	*plan_in_force(const char *opt);
/* The same lookup, the problems left in errs for the caller to print. */
struct inc_plan	*plan_load_in_force(const char *opt, struct plan_errors *);
/* "[prefix: ]file:line:column: message", or "file: message" (line 0). */
void		 plan_error_print(FILE *, const char *prefix,
		    const struct plan_error *);

/* Lookups by id; NULL (or -1) when the plan has no such element. */
const struct inc_category *plan_category(const struct inc_plan *,
		    const char *);
const struct inc_subtype *plan_subtype(const struct inc_category *,
		    const char *);
const struct inc_procedure *plan_procedure(const struct inc_plan *,
		    const char *);
const struct inc_obligation *plan_obligation(const struct inc_plan *,
		    const char *);
const struct inc_unit *plan_unit(const struct inc_plan *, const char *);
const struct inc_system *plan_system(const struct inc_plan *, const char *);
int		 scale_index(const struct inc_scale *, const char *);
enum inc_level	 level_parse(const char *);	/* "III" -> LEVEL_III */
enum inc_level	 level_parse_n(const char *, size_t);	/* len bytes */
const char	*level_id(enum inc_level);	/* LEVEL_III -> "III"; NULL */

/* Is s an id of the plan, [a-z][a-z0-9-]* ?  (Levels are I to IV.) */
bool		 plan_id_valid(const char *s);
/* A member's role (head, deputy, member, director) for people. */
const char	*role_name(const char *role, enum inc_lang);
/* The text in the language asked for, else the other one, else "". */
const char	*text_in(struct inc_text, enum inc_lang);
/* --lang zh|en when given, else from $LC_ALL, $LC_MESSAGES, $LANG. */
int		 lang_choose(const char *opt, enum inc_lang *);

#endif
