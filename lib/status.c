/*
 * status.c - the values of the status field, read once for every program.
 */
#include <string.h>

#include "status.h"

static const char *const names[] = {
	[STATUS_OPEN] = "open",
	[STATUS_CONTAINED] = "contained",
	[STATUS_RECOVERED] = "recovered",
	[STATUS_CLOSED] = "closed"
};

enum inc_status
status_parse(const char *v, size_t len)
{
	size_t i;

	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t' ||
	    v[len - 1] == '\r'))
		len--;
	for (i = STATUS_OPEN; i <= STATUS_CLOSED; i++)
		if (strlen(names[i]) == len && memcmp(v, names[i], len) == 0)
			return (enum inc_status)i;
	return STATUS_BAD;
}
