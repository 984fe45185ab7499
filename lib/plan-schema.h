/*
 * plan-schema.h - checking a plan file's tree: the state of one load and
 * the checks every section uses (plan-schema.c), and the sections with
 * ids and references (plan-sections.c).  Internal to libinc.
 */
#ifndef INC_PLAN_SCHEMA_H
#define INC_PLAN_SCHEMA_H

#include "plan-impl.h"

/* An id and what it names, sorted by id for duplicates and lookups. */
struct ent {
	const char	*id;
	const struct pnode *node;
	void		*ptr;
	size_t		 ord;
};

struct index {
	struct ent	*v;
	size_t		 n;
};

struct ld {
	const char	*file;
	struct plan_arena *a;		/* the plan's */
	struct plan_arena *t;		/* the tree's and the indexes' */
	struct plan_errors *errs;
	struct inc_plan	*p;
	struct index	 cats, units, procs;
	struct index	*subs;		/* [ncategories]: each one's subtypes */
};

/* A problem at node n. */
void	 ps_err(struct ld *, const struct pnode *n, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* "key" with its quotes, for messages about a key's value. */
const char *ps_quoted(char buf[80], const char *key);
/* n is of type t, else a problem naming it what. */
bool	 ps_want(struct ld *, const struct pnode *n, enum pnode_type t,
	    const char *what);
/* The value of key in map n, or NULL. */
const struct pnode *ps_get(const struct pnode *n, const char *key);
/*
 * n is a map whose keys are scalars, each once, each one of keys
 * (NULL-terminated, "*key" required), or any key when keys is NULL.
 * what names the map in messages; NULL for the top level.
 */
bool	 ps_map(struct ld *, const struct pnode *n, const char *what,
	    const char *const *keys);

/* Values copied into the plan; NULL when absent, wrong or empty. */
const char *ps_scalar(struct ld *, const struct pnode *n, const char *what);
const char *ps_str(struct ld *, const struct pnode *map, const char *key);
const char *ps_idval(struct ld *, const struct pnode *n, const char *what);
const char *ps_id(struct ld *, const struct pnode *map, const char *key);
const char *ps_field(struct ld *, const struct pnode *map, const char *key);
const char **ps_strs(struct ld *, const struct pnode *map, const char *key,
	    size_t *np);
/* A text {zh, en} (and a clause when clause is not NULL). */
void	 ps_text(struct ld *, const struct pnode *n, const char *what,
	    struct inc_text *, const char **clause);
void	 ps_text_at(struct ld *, const struct pnode *map, const char *key,
	    struct inc_text *, const char **clause);
const struct pnode *ps_seq(struct ld *, const struct pnode *map,
	    const char *key);
/* n zeroed elements of size sz in the plan; NULL for none. */
void	*ps_array(struct ld *, size_t n, size_t sz);

/*
 * Ids: add, then done (sorts, reports each id seen before as "duplicate
 * WHAT "id"SUFFIX"), then find.
 */
void	 ps_index_new(struct ld *, struct index *, size_t cap);
void	 ps_index_add(struct index *, const char *id, const struct pnode *,
	    void *ptr);
void	 ps_index_done(struct ld *, struct index *, const char *what,
	    const char *suffix);
void	*ps_index_find(const struct index *, const char *id);

/* The sections, in plan-sections.c; n is the section's value. */
void	 sec_categories(struct ld *, const struct pnode *n);
void	 sec_organisation(struct ld *, const struct pnode *n);
void	 sec_procedures(struct ld *, const struct pnode *n);
void	 sec_obligations(struct ld *, const struct pnode *n);
void	 sec_routing(struct ld *, const struct pnode *n);
void	 sec_systems(struct ld *, const struct pnode *n);
/* In plan-detection.c; n may be NULL (no section), where: for limits. */
void	 sec_detection(struct ld *, const struct pnode *n,
	    const struct pnode *where);
/*
 * In plan-grouping.c: a window at n (seconds > 0, else 0 after saying
 * why), and rule r's grouping keys at its map e, after its pattern is
 * compiled; window is the detection default.
 */
long	 sec_grouping_window(struct ld *, const struct pnode *n);
void	 sec_grouping_rule(struct ld *, const struct pnode *e,
	    struct inc_rule *r, long window);
/* Rules of one group are of one subtype (said at the later one). */
void	 sec_grouping_check(struct ld *, const struct pnode *rules,
	    const struct inc_detection *);

#endif
