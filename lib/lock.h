/*
 * lock.h - the lock of a record file (DESIGN section 6, inc-record(5)
 * LOCKING).
 *
 * Every change of a record file holds an exclusive flock(2) lock on the
 * file, the lock flock(1) takes, so that a shell script joins in with
 * "flock incidents.rec CMD".  A writer that had to wait checks, once it
 * holds the lock, that the path still names the file it locked: an -i
 * of another program may have renamed a new file over it meanwhile, and
 * a lock on the old one protects nothing.  Then it opens the path again.
 */
#ifndef INC_LOCK_H
#define INC_LOCK_H

#include <stdbool.h>
#include <sys/types.h>

#define LOCK_WAIT_DEFAULT	10	/* seconds, when --wait is not given */
#define LOCK_WAIT_MAX		86400	/* --wait at most a day */
#define LOCK_NO_WAIT		(-1)	/* --wait 0: try once */

/*
 * --wait SECONDS, a whole number from 0 to LOCK_WAIT_MAX, into *wait as
 * lock_open takes it.  Returns 0, or -1 after a message.
 */
int	lock_wait_parse(const char *arg, long *wait);

/*
 * Open path with flags (O_RDWR for -i, O_WRONLY | O_APPEND | O_CREAT
 * for --append; mode for a file created) and lock it, waiting at most
 * wait seconds (0: LOCK_WAIT_DEFAULT; LOCK_NO_WAIT: not at all).  Only a
 * regular file is opened: a FIFO or a device is never opened at all.
 * Returns the descriptor, holding the lock until it is closed, or -1
 * after a message ("path: ..."); also -1, silently, when signal_ends
 * and a signal (signals.h) ended the wait (nothing made yet is lost).
 */
int	lock_open(const char *path, int flags, mode_t mode, long wait,
	    bool signal_ends);

/* What the file is, for a message: "a FIFO", "a directory"... */
const char *file_kind(mode_t);

#endif
