/*
 * status.h - the status field of an incident record (inc-record(5)):
 * open, contained, recovered or closed, set by a person.  The programs
 * that read it take its values from here.
 */
#ifndef INC_STATUS_H
#define INC_STATUS_H

#include <stddef.h>

enum inc_status {
	STATUS_BAD,		/* any other value: a data error */
	STATUS_OPEN,
	STATUS_CONTAINED,
	STATUS_RECOVERED,
	STATUS_CLOSED
};

/* What the first len bytes of a value name, trailing blanks ignored. */
enum inc_status	 status_parse(const char *, size_t len);

/* For messages: "open, contained, recovered or closed". */
#define STATUS_VALUES	"open, contained, recovered or closed"

#endif
