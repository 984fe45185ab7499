/*
 * status.c - the values of the status field, read once for every program.
 */
#include <string.h>

#include "diag.h"
#include "record.h"
#include "status.h"
#include "text.h"

#define NAME(s)	{ s, sizeof(s) - 1 }

static const struct {
	const char	*s;
	size_t		 len;
} names[] = {
	[STATUS_OPEN] = NAME("open"),
	[STATUS_CONTAINED] = NAME("contained"),
	[STATUS_RECOVERED] = NAME("recovered"),
	[STATUS_CLOSED] = NAME("closed")
};

enum inc_status
status_parse(const char *v, size_t len)
{
	size_t i;

	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t' ||
	    v[len - 1] == '\r'))
		len--;
	for (i = STATUS_OPEN; i <= STATUS_CLOSED; i++)
		if (names[i].len == len && memcmp(v, names[i].s, len) == 0)
			return (enum inc_status)i;
	return STATUS_BAD;
}

enum status_problem
status_problem(const char *v, size_t len, bool has_closed)
{
	if (v == NULL)
		return STATUS_FINE;
	switch (status_parse(v, len)) {
	case STATUS_BAD:
		return STATUS_UNKNOWN;
	case STATUS_CLOSED:
		return has_closed ? STATUS_FINE : STATUS_NO_CLOSED;
	default:
		return STATUS_FINE;
	}
}

int
status_check(const struct inc_record *r)
{
	const struct inc_item *it = record_field(r, "status");
	char q[48];
	long line;

	if (it == NULL)
		return 0;
	line = it->line > 0 ? it->line : r->line;
	switch (status_problem(it->value, strlen(it->value),
	    record_field(r, "closed") != NULL)) {
	case STATUS_UNKNOWN:
		inc_warn_at(r->file, line, "status: \"%s\": not "
		    STATUS_VALUES, text_quote(q, sizeof(q), it->value));
		return EXIT_TROUBLE;
	case STATUS_NO_CLOSED:
		inc_warn_at(r->file, line, "status is closed but there is no "
		    "closed: time");
		return EXIT_TROUBLE;
	default:
		return 0;
	}
}
