/*
 * fuzz-skip.c - record_raw_values on any bytes against the parser: when
 * it says a paragraph needs no parsing to be judged, the parser must
 * make an incident record of it whose first values are the ones it read.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "inc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const names[] = {
	"detected", "closed", "log", "id", "detected"
};
#define NNAMES	(sizeof(names) / sizeof(names[0]))

struct seen {
	bool		 asked, clean;
	struct raw_value v[NNAMES];
};

/* Look, remember, and have every paragraph parsed all the same. */
static bool
look(const struct raw_para *para, void *ctx)
{
	struct seen *s = ctx;
	struct raw_names rn;

	s->asked = true;
	s->clean = raw_names_init(&rn, names, NNAMES) == 0 &&
	    record_raw_values(para, &rn, s->v);
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct inc_reader *rd;
	struct inc_record r;
	struct seen s;
	const char *got;
	size_t i, n;
	int fd = memfd_create("fuzz", 0);

	if (fd == -1)
		abort();
	if (size > 0 && write(fd, data, size) != (ssize_t)size)
		abort();
	lseek(fd, 0, SEEK_SET);
	rd = reader_open(fd, "fuzz");
	reader_set_skip(rd, look, &s);
	record_init(&r);
	for (;;) {
		memset(&s, 0, sizeof(s));
		if (reader_next(rd, &r) != 1)
			break;
		if (!s.asked || !s.clean)
			continue;
		if (r.kind != RECORD_INCIDENT)
			abort();
		for (i = 0; i < NNAMES; i++) {
			got = record_get(&r, names[i]);
			if ((got == NULL) != (s.v[i].s == NULL))
				abort();
			if (got == NULL)
				continue;
			/* record_get's value is a C string: up to a NUL. */
			n = strnlen(s.v[i].s, s.v[i].len);
			if (strlen(got) != n || memcmp(got, s.v[i].s, n) != 0)
				abort();
		}
	}
	record_free(&r);
	reader_close(rd);
	close(fd);
	return 0;
}
