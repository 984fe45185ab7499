/*
 * ac.h - many strings found in text in one pass (Aho-Corasick).  ASCII
 * letters match without regard to case; every other byte (Chinese
 * included) matches exactly.
 *
 * The automaton is a dense table (one step per byte) while that table
 * stays under a budget of memory, and sparse transitions past it, so
 * that its memory and its building are linear in the bytes of the
 * strings whatever they are: a plan of many keywords costs a few times
 * its size, not states times byte classes.
 */
#ifndef INC_AC_H
#define INC_AC_H

#include <stddef.h>
#include <stdint.h>

struct ac;

/* The dense table's budget, bytes (ac_build's default). */
#define AC_DENSE_BUDGET	(16u * 1024 * 1024)

/*
 * Build from n strings (texts[i], lens[i] bytes; an empty one is never
 * found).  budget: the most bytes a dense table may take; 0 always
 * sparse.  NULL when out of memory.
 */
struct ac	*ac_build(const char *const *texts, const size_t *lens,
		    size_t n, size_t budget);
void		 ac_free(struct ac *);
/* Is it the dense table, and the bytes it holds (for tests)? */
int		 ac_dense(const struct ac *);
size_t		 ac_size(const struct ac *);

/*
 * Scan len bytes; for each string found call hit(ctx, i, end): i its
 * index in texts, end the offset just after it.  Strings that end at
 * the same byte come in no promised order.  Cost: one step per byte
 * (dense) or a few (sparse), plus the strings found.
 */
typedef void	 ac_hit(void *ctx, uint32_t i, size_t end);
void		 ac_scan(const struct ac *, const char *text, size_t len,
		    ac_hit *, void *ctx);

#endif
