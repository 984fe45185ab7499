/*
 * plan-impl.h - inside the plan loader: the arena a plan owns, the error
 * list, and the tree a plan file is read into before it is checked.
 * Internal to libinc (plan-arena.c, plan-error.c, plan-yaml.c,
 * plan-free.c, and the loader with plan-schema.h).
 */
#ifndef INC_PLAN_IMPL_H
#define INC_PLAN_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"

#define PLAN_MAX_SIZE	(4L * 1024 * 1024)	/* bytes of plan text */
#define PLAN_MAX_DEPTH	64			/* nesting of maps/sequences */
#define PLAN_MAX_SCALE	64			/* values of one scale */
#define PLAN_MAX_ERRORS	1000			/* problems reported */

/*
 * What detection may cost (inc-plan(5) LIMITS): the matcher's memory and
 * start-up are linear in the keywords' bytes and the patterns' length.
 */
#define PLAN_MAX_RULES		4096	/* rules of "detection" */
#define PLAN_MAX_KEYWORDS	20000	/* keywords and literals, all rules
					 * and subtypes */
#define PLAN_MAX_KEYWORD	256	/* bytes of one keyword or literal */
#define PLAN_MAX_KEYWORD_BYTES	(512 * 1024)	/* of all of them */
#define PLAN_MAX_PATTERN	2048	/* bytes of one pattern */
#define PLAN_MAX_PATTERN_BYTES	(256 * 1024)	/* of all patterns */
#define PLAN_MAX_EXAMPLES	64	/* examples of one rule */

/* Free the compiled patterns of the plan's rules (plan-detection.c). */
void	 sec_detection_free(struct inc_plan *);

/*
 * Bump allocation in chunks, freed at once.  An allocation that fails
 * returns NULL and marks the arena failed, so that a loader can go on
 * and report "out of memory" once at the end.
 */
struct plan_arena;

struct plan_arena *pa_new(void);
void	*pa_alloc(struct plan_arena *, size_t);	/* zeroed */
char	*pa_strndup(struct plan_arena *, const char *, size_t);
bool	 pa_failed(const struct plan_arena *);
void	 pa_free(struct plan_arena *);

/* Add one problem (plan-error.c); line and column are 1-based (0 when not in the file). */
void	 plan_error_add(struct plan_errors *, const char *file, long line,
	    long column, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
/* Put the problems in file order (stable). */
void	 plan_errors_sort(struct plan_errors *);

/* A YAML node as read, with where it starts (1-based). */
enum pnode_type { PN_SCALAR, PN_SEQ, PN_MAP };

struct pnode {
	enum pnode_type	 type;
	long		 line, column;
	const char	*s;		/* scalar, without NUL bytes */
	struct pnode	**v;		/* items, or key, value, ... */
	size_t		 n;		/* items, or 2 * pairs */
};

/*
 * Read one YAML document into a tree allocated in the arena.  Returns
 * the root, or NULL with the problems added to errs (syntax errors,
 * aliases, nesting deeper than PLAN_MAX_DEPTH, NUL bytes in scalars).
 */
struct pnode *plan_yaml_read(const char *name, const char *buf, size_t len,
	    struct plan_arena *, struct plan_errors *);

#endif
