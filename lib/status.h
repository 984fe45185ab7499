/*
 * status.h - the status field of an incident record (inc-record(5)):
 * open, contained, recovered or closed, set by a person.  The programs
 * that read it take its values from here.
 */
#ifndef INC_STATUS_H
#define INC_STATUS_H

#include <stdbool.h>
#include <stddef.h>

struct inc_record;

enum inc_status {
	STATUS_BAD,		/* any other value: a data error */
	STATUS_OPEN,
	STATUS_CONTAINED,
	STATUS_RECOVERED,
	STATUS_CLOSED
};

/* What the first len bytes of a value name, trailing blanks ignored. */
enum inc_status	 status_parse(const char *, size_t len);

/*
 * The record rule on status, the same in every program that reads it:
 * the value must be one of the four, and "closed" needs a closed field,
 * whose time decides missed obligations and the handling report.  v is
 * the status value (NULL: no status field, which is fine), len its
 * length; has_closed says whether the record has a closed field.
 */
enum status_problem { STATUS_FINE, STATUS_UNKNOWN, STATUS_NO_CLOSED };
enum status_problem status_problem(const char *v, size_t len,
		    bool has_closed);

/*
 * The rule applied to a parsed record and, when broken, said at the
 * status line as "prog: file:line: ...".  Returns 0, or EXIT_TROUBLE.
 */
int		 status_check(const struct inc_record *);

/* For messages: "open, contained, recovered or closed". */
#define STATUS_VALUES	"open, contained, recovered or closed"

#endif
