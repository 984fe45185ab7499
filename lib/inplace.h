/*
 * inplace.h - -i: a record file replaced by its new content, atomically
 * and under its lock, the file kept what it was.
 *
 * The rules (inc-record(5) LOCKING, and -i in each program's page):
 * only a regular file is edited (through a symbolic link, the file it
 * names); a file marked read-only (its owner may not write it, or this
 * user may not) is refused, as >> refuses it; a file with several hard
 * links is refused, as the rename would split them; owner, group, mode,
 * ACLs and extended attributes are set on the new file before it takes
 * the old one's place, and when one cannot be, nothing is replaced; a
 * file whose content comes out the same, byte for byte, is left alone.
 * The lock is held from before the first byte is read until after the
 * rename.
 */
#ifndef INC_INPLACE_H
#define INC_INPLACE_H

#include <stdio.h>

/*
 * Replace path with what write_fn writes to out, reading the old
 * content from in (a descriptor at its start): a temporary file in the
 * same directory, fsync, rename.  wait as lock_open takes it.  On any
 * failure, or when write_fn returns -1, the old file stays and the
 * temporary is removed.  Returns 0 or -1 (reported).
 */
int	replace_file(const char *path, long wait,
	    int (*write_fn)(FILE *out, int in, void *ctx), void *ctx);

/*
 * As replace_file, for a writer that finishes what it has begun: the
 * update of an incident by --append (append.h), a record made, which a
 * signal must not lose.  A signal neither ends the wait for the lock
 * (which is bounded) nor drops the edit.  who names the writer in
 * messages ("--append" where -i says "-i").
 */
int	replace_file_unstopped(const char *path, long wait, const char *who,
	    int (*write_fn)(FILE *out, int in, void *ctx), void *ctx);

#endif
