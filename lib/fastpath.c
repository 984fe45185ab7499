/*
 * fastpath.c - INC_NO_FASTPATH, read once for the whole program.
 */
#include <stdlib.h>
#include <string.h>

#include "fastpath.h"

bool
inc_fastpath(void)
{
	static int on = -1;
	const char *v;

	if (on == -1) {
		v = getenv("INC_NO_FASTPATH");
		on = v == NULL || *v == '\0' || strcmp(v, "0") == 0;
	}
	return on;
}
