/*
 * test-idset.c - idset.h: ids entered once, found again with their
 * place, compared as bytes (NUL, prefixes, case), many of them (the
 * table grows), ids of every length around the hash's eight-byte words,
 * and a place updated to the latest copy; the window of the last ids
 * (idwindow): what it still knows, what it has let go.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "idset.h"

#define S(lit)	lit, sizeof(lit) - 1

static void
test_enter_find(void **state)
{
	struct idset *s;
	struct id_place *p, *q;
	int isnew;

	(void)state;
	assert_non_null(s = idset_new());
	assert_null(idset_find(s, S("a")));
	assert_non_null(p = idset_enter(s, S("a"), &isnew));
	assert_int_equal(isnew, 1);
	p->file = "new.rec";
	p->line = 3;
	p->tag = 7;
	assert_non_null(q = idset_enter(s, S("a"), &isnew));
	assert_int_equal(isnew, 0);
	assert_ptr_equal(p, q);
	assert_string_equal(q->file, "new.rec");
	assert_int_equal(q->line, 3);
	assert_int_equal(q->tag, 7);
	/* Bytes, not C strings: a prefix, a case, a NUL are other ids. */
	assert_null(idset_find(s, S("")));
	assert_null(idset_find(s, S("A")));
	assert_null(idset_find(s, S("ab")));
	assert_null(idset_find(s, S("a\0")));
	assert_non_null(idset_enter(s, S("a\0"), &isnew));
	assert_int_equal(isnew, 1);
	assert_non_null(idset_find(s, S("a\0")));
	assert_ptr_equal(idset_find(s, S("a")), p);
	idset_free(s);
	idset_free(NULL);
}

static void
test_many(void **state)
{
	struct idset *s;
	struct id_place *p;
	char id[32];
	int i, n, isnew;

	(void)state;
	assert_non_null(s = idset_new());
	for (i = 0; i < 100000; i++) {
		n = snprintf(id, sizeof(id), "inc-20261124-%06d", i);
		assert_non_null(p = idset_enter(s, id, (size_t)n, &isnew));
		assert_int_equal(isnew, 1);
		p->tag = (size_t)i + 1;
	}
	/* Every one still there with its own tag, after the growths. */
	for (i = 0; i < 100000; i++) {
		n = snprintf(id, sizeof(id), "inc-20261124-%06d", i);
		assert_non_null(p = idset_find(s, id, (size_t)n));
		assert_int_equal(p->tag, (size_t)i + 1);
	}
	assert_null(idset_find(s, S("inc-20261124-100000")));
	idset_free(s);
}

/* Id number k of a length: x...x, x...y (k 1), x...x and a NUL (k 2). */
static size_t
make_id(char *id, size_t len, int k)
{
	memset(id, 'x', len);
	if (k == 1)
		id[len - 1] = 'y';
	if (k == 2)
		id[len++] = '\0';
	return len;
}

/*
 * Ids of 0 to 40 bytes, each also with its last byte changed and with a
 * NUL added: the hash reads eight bytes at a time and pads the tail
 * with zeros, and none of them may be taken for another.
 */
static void
test_lengths(void **state)
{
	struct idset *s;
	struct id_place *p;
	char id[48];
	size_t len, n;
	int isnew, k;

	(void)state;
	assert_non_null(s = idset_new());
	for (len = 0; len <= 40; len++)
		for (k = 0; k < 3; k++) {
			if (k == 1 && len == 0)
				continue;
			n = make_id(id, len, k);
			assert_non_null(p = idset_enter(s, id, n, &isnew));
			assert_int_equal(isnew, 1);
			p->tag = len * 3 + (size_t)k + 1;
		}
	for (len = 0; len <= 40; len++)
		for (k = 0; k < 3; k++) {
			if (k == 1 && len == 0)
				continue;
			n = make_id(id, len, k);
			assert_non_null(p = idset_find(s, id, n));
			assert_int_equal(p->tag, len * 3 + (size_t)k + 1);
		}
	idset_free(s);
}

static struct id_place *
enter_nth(struct idwindow *w, int i, int *isnew)
{
	char id[32];
	int n = snprintf(id, sizeof(id), "r%d", i);

	return idwindow_enter(w, id, (size_t)n, isnew);
}

static void
test_window(void **state)
{
	struct idwindow *w;
	struct id_place *p;
	int i, isnew;

	(void)state;
	assert_non_null(w = idwindow_new(100));
	for (i = 0; i < 150; i++) {
		assert_non_null(p = enter_nth(w, i, &isnew));
		assert_int_equal(isnew, 1);
		p->line = i;
	}
	/* 150 in: an old id seen again is carried into the current set, */
	assert_non_null(p = enter_nth(w, 0, &isnew));
	assert_int_equal(isnew, 0);
	assert_int_equal(p->line, 0);
	p->line = 1000;
	/* the last 100 at least are known, with their places, */
	for (i = 100; i < 150; i++) {
		assert_non_null(p = enter_nth(w, i, &isnew));
		assert_int_equal(isnew, 0);
		assert_int_equal(p->line, i);
	}
	/* and so is the carried one, 99 distinct ids later, at its place. */
	for (i = 150; i < 249; i++) {
		assert_non_null(p = enter_nth(w, i, &isnew));
		assert_int_equal(isnew, 1);
	}
	assert_non_null(p = enter_nth(w, 0, &isnew));
	assert_int_equal(isnew, 0);
	assert_int_equal(p->line, 1000);
	/* More than 2n distinct ids later an id is forgotten. */
	for (i = 249; i < 500; i++)
		assert_non_null(enter_nth(w, i, &isnew));
	assert_non_null(enter_nth(w, 0, &isnew));
	assert_int_equal(isnew, 1);
	idwindow_free(w);
	idwindow_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enter_find),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_window),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
