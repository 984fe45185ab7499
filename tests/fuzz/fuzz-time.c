/*
 * fuzz-time.c - times and durations on any bytes: whatever parses must
 * format and parse back to the same instant and offset, and the same
 * bytes NUL-terminated must give the same answer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timeutil.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int zoned;
	struct inc_time a, b;
	char buf[INC_TIME_LEN], dbuf[INC_DURATION_LEN];
	int64_t d, e;
	char *s;
	int ra, rs;

	if (!zoned) {
		/* A zone with DST gaps and overlaps. */
		setenv("TZ", "America/New_York", 1);
		tzset();
		zoned = 1;
	}
	if (size > 256)
		return 0;
	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';

	ra = time_parse_n((const char *)data, size, &a);
	rs = time_parse(s, &b);
	if (strlen(s) == size && (ra != rs ||
	    (ra == 0 && (a.t != b.t || a.offset != b.offset))))
		abort();
	if (strlen(s) != size && ra == 0)
		abort();		/* a NUL is never part of a time */
	if (ra == 0) {
		time_format(buf, a);
		if (time_parse(buf, &b) != 0 || b.t != a.t ||
		    b.offset != a.offset)
			abort();
	}
	if (date_parse(s, &a) == 0 && (strlen(s) != 10 ||
	    time_parse(s, &b) == 0))
		abort();

	if (duration_parse(s, &d) == 0) {
		if (d < 0 || d > (int64_t)36525 * 86400)
			abort();
		duration_format(dbuf, d);
		if (duration_parse(dbuf, &e) != 0 || e != d)
			abort();
	}
	free(s);
	return 0;
}
