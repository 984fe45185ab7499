/*
 * append-update.h - --append FILE: the record of an incident already in
 * FILE updated by a later, larger count of its alerts (appender_put,
 * append.h), FILE rewritten atomically under its lock.
 *
 * The record is found by its id, with the record reader.  Only the
 * fields that grow with the alerts change: alerts, last_seen, title and
 * the set of log fields; the rest of the record (fields a person set,
 * unknown fields, comments, their order) and the rest of the file (other
 * records, comments, blank lines) are copied byte for byte.  A record
 * whose alerts is not less than the new one's is a replay (a restarted
 * tail -F): nothing changes.
 */
#ifndef INC_APPEND_UPDATE_H
#define INC_APPEND_UPDATE_H

#include <stdbool.h>
#include <stddef.h>

enum update_result {
	UPDATE_FAILED = -1,	/* after a message */
	UPDATE_REPLAY = 0,	/* FILE's count is not less: unchanged */
	UPDATE_DONE = 1,	/* the record updated */
	UPDATE_APPENDED = 2,	/* the id was not in FILE: text appended */
	UPDATE_NO_FILE = 3	/* FILE is not there: nothing done */
};

/*
 * Update the record of id (idlen bytes) in path with text (len bytes,
 * one record of whole lines, an integer alerts field), or append text
 * when no record of FILE has that id any more.  wait as lock_open takes
 * it.  An unparsable record of FILE is reported (file:line) and copied
 * through; when it is the record of id, nothing is done (UPDATE_FAILED).
 */
enum update_result incident_update(const char *path, long wait,
		    const char *id, size_t idlen, const char *text,
		    size_t len);

/*
 * The value of the first "id:" line of a record's text (len bytes), *n
 * its length, or NULL: read from the bytes, so that a record that does
 * not parse is known by its id too.
 */
const char	*text_id(const char *text, size_t len, size_t *n);

/*
 * What must come before a record appended to a file of size bytes whose
 * last two are last[0], last[1] (last[1] alone when size is 1), so that
 * it does not run into the last record: nothing after a blank line, one
 * newline after a last line, two after a line without its newline.
 */
size_t		 append_separator(const char last[2], unsigned long long size);

/*
 * The alerts field of a record as a count: true with *n when its value
 * is a whole number (digits only, no sign, at most 18 of them).
 */
struct inc_record;
bool		 alerts_count(const struct inc_record *, unsigned long long *n);

#endif
