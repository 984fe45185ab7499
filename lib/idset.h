/*
 * idset.h - the incident ids seen, and where: a hash table of strings.
 *
 * The same id in two files (new.rec and incidents.rec) or twice in one
 * is one incident written twice.  The rule every program keeps
 * (inc-record(5), Duplicate ids): the loop says so on standard error,
 * "prog: file:line: id X also at file:line", filters pass both copies
 * through, and reports and --incident take the last copy.  A set's
 * memory grows with the number of distinct ids, not with their copies;
 * a window's (idwindow) is bounded, for the filters.
 */
#ifndef INC_IDSET_H
#define INC_IDSET_H

#include <stddef.h>

struct idset;

/* Where an id was seen last, and a number its owner may keep with it. */
struct id_place {
	const char	*file;		/* not copied: must outlive the set */
	long		 line;
	size_t		 tag;
};

struct idset	*idset_new(void);
void		 idset_free(struct idset *);

/*
 * The entry of id (len bytes, any bytes), made when absent (*isnew set):
 * its place is then the caller's to fill.  NULL when out of memory.  A
 * place is valid until the next idset_enter.
 */
struct id_place	*idset_enter(struct idset *, const char *id, size_t len,
		    int *isnew);
/* The entry of id, or NULL. */
struct id_place	*idset_find(const struct idset *, const char *id, size_t len);

/*
 * The ids seen lately: the last n distinct ones at least, 2n at most, in
 * memory that does not grow with the input (a filter's duplicates,
 * inc-record(5)).  Two sets, the current and the one before; when the
 * current holds n ids, the one before is dropped and a new one begun.
 * idwindow_enter is idset_enter's: an id found in either is not new,
 * and its place is the one it was last seen at.
 */
struct idwindow;

struct idwindow	*idwindow_new(size_t n);
void		 idwindow_free(struct idwindow *);
struct id_place	*idwindow_enter(struct idwindow *, const char *id, size_t len,
		    int *isnew);

#endif
