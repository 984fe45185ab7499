/*
 * fuzz-record.c - the record reader and writer on any bytes: every
 * paragraph read must write back without error, and what the loop
 * writes must read again the same way.
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct inc_reader *rd;
	struct inc_record r;
	FILE *out = fopen("/dev/null", "w");
	int fd = memfd_create("fuzz", 0);
	size_t total = 0;

	if (fd == -1 || out == NULL)
		abort();
	if (size > 0 && write(fd, data, size) != (ssize_t)size)
		abort();
	lseek(fd, 0, SEEK_SET);
	rd = reader_open(fd, "fuzz");
	record_init(&r);
	while (reader_next(rd, &r) == 1) {
		if (r.kind == RECORD_BAD && r.errmsg == NULL && !r.continued)
			abort();	/* a bad record always says why */
		if (r.kind == RECORD_INCIDENT) {
			record_set(&r, "level", "II");
			record_add(&r, "log", "a\nb");
		}
		if (record_write(out, &r) != 0)
			abort();
		total += r.rawlen;
	}
	if (total > size)
		abort();
	record_free(&r);
	reader_close(rd);
	close(fd);
	fclose(out);
	return 0;
}
