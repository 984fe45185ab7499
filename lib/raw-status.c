/*
 * raw-status.c - what inc-classify --raw's exit status says to cron.
 *
 * An alert line carries no loss and no impact, so the record made of it
 * has no level, and that is no error: --raw exits 0 when it read its
 * input and wrote what it found.  It exits 1 only for what a sysadmin
 * pages on: a record of level I or II (特别重大, 重大), which 三(二) has
 * reported to the district leaders.  2 stays 2.
 */
#include <string.h>

#include "classify.h"
#include "diag.h"
#include "plan.h"

int
classify_raw_status(const char *text, size_t len, int st)
{
	const char *p = text, *end = text + len, *nl;
	enum inc_level l;

	if (st < 0 || st == EXIT_TROUBLE)
		return st;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (nl - p > 7 && memcmp(p, "level: ", 7) == 0) {
			l = level_parse_n(p + 7, (size_t)(nl - p - 7));
			return l == LEVEL_I || l == LEVEL_II ? EXIT_FOUND :
			    EXIT_OK;
		}
	}
	return EXIT_OK;
}
