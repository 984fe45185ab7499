/*
 * append.h - inc-classify --append FILE: new records appended to a
 * shared record file under its lock (DESIGN section 6).
 *
 * FILE is opened by name for each record and locked (lock.h), so an -i
 * of another program that renamed a new file over it is followed, never
 * written into a file that has been replaced.  A record whose id is
 * already in FILE is not appended again (a restarted tail -F replays
 * its last lines): the ids of FILE are read once, at the start, and the
 * ids written are added, in memory bounded by the number of ids.
 * appender_put updates the record of an id already there instead.
 */
#ifndef INC_APPEND_H
#define INC_APPEND_H

#include <stddef.h>

struct appender;

/*
 * Read the ids of path, under its lock (a file not there yet is created,
 * empty, with mode 0666 less the umask).  wait as lock_open takes it.  NULL after a message.
 */
struct appender	*appender_open(const char *path, long wait);

/*
 * Append one record, its text (len bytes, whole lines, ending with a
 * newline) followed by the blank line that ends it; a blank line first
 * when FILE does not end with one.  Returns 1 when appended, 0 when its
 * id was already there (nothing written), -1 after a message.
 */
int		 appender_write(struct appender *, const char *text,
		    size_t len);

/*
 * Append one incident, or update its record (live mode: later alerts
 * of an incident already written, append-update.h).  text is one record
 * as for appender_write, with an id and an integer alerts field.  An id
 * not in FILE is appended as appender_write appends it.  An id in FILE:
 * under FILE's lock, its record's alerts, last_seen, title and log
 * fields take text's when its alerts is less than text's (or not a
 * number), every other byte of FILE kept, FILE replaced atomically as
 * -i replaces it (inplace.h); a record whose count is not less is a
 * replay and is left alone; an id no longer in FILE (edited away) is
 * appended.  A signal does not stop it: the wait is bounded.  Returns 1
 * when appended or updated, 0 for a replay, -1 after a message.
 */
int		 appender_put(struct appender *, const char *text,
		    size_t len);

void		 appender_close(struct appender *);

#endif
