/*
 * status.c - the values of the status field, read once for every program.
 */
#include <string.h>

#include "status.h"

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
