/*
 * arena.h - the memory a record owns: bump allocation in chunks, freed
 * all at once when the next record is read.  Internal to libinc.
 */
#ifndef INC_ARENA_H
#define INC_ARENA_H

#include <stddef.h>

struct inc_arena;

struct inc_arena *arena_new(void);
void	*arena_alloc(struct inc_arena *, size_t);
char	*arena_strndup(struct inc_arena *, const char *, size_t);
void	 arena_reset(struct inc_arena *);	/* keeps one chunk */
void	 arena_free(struct inc_arena *);

#endif
