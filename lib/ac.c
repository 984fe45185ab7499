/*
 * ac.c - Aho-Corasick, dense under a budget and sparse past it.
 *
 * Bytes are first mapped to classes: one class for each byte value that
 * occurs in some string (an ASCII upper-case letter shares the class of
 * its lower-case one) and class 0 for every other byte, which always
 * leads back to the root.
 *
 * The trie is built with its edges in lists (memory linear in the bytes
 * of the strings), the failure links by breadth-first order.  Then:
 *  - dense: a table states x classes with the failure links folded in,
 *    each entry premultiplied (see premultiply), so that a scan is one
 *    add and one load per byte;
 *  - sparse: each state's edges sorted by class in one array, the root's
 *    as a full row; a step follows failure links until an edge is found.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ac.h"

#define NONE	UINT32_MAX

struct ac {
	uint8_t		 cls[256];
	size_t		 ncls;
	size_t		 nstates, nstrings;
	uint32_t	*out;		/* [state]: first string ending here */
	uint32_t	*snext;		/* [string]: another ending there */
	uint32_t	*dict;		/* [state]: nearest suffix state with
					 * a string, or NONE */
	uint8_t		*any;		/* [state]: out or dict set */
	/* dense */
	uint32_t	*delta;		/* [state * ncls + class] */
	/* sparse */
	uint32_t	*root;		/* [class]: the root's row */
	uint32_t	*fail;		/* [state] */
	uint32_t	*estart;	/* [state + 1]: its edges */
	uint8_t		*elabel;
	uint32_t	*etarget;
};

/* The trie as built: edges in lists. */
struct trie {
	uint32_t	*first;		/* [state]: first edge, or NONE */
	uint32_t	*enext;		/* [edge] */
	uint8_t		*elabel;
	uint32_t	*etarget;
	size_t		 nedges;
};

static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

void
ac_free(struct ac *a)
{
	if (a == NULL)
		return;
	free(a->out);
	free(a->snext);
	free(a->dict);
	free(a->any);
	free(a->delta);
	free(a->root);
	free(a->fail);
	free(a->estart);
	free(a->elabel);
	free(a->etarget);
	free(a);
}

int
ac_dense(const struct ac *a)
{
	return a->delta != NULL;
}

size_t
ac_size(const struct ac *a)
{
	size_t n = sizeof(*a) + a->nstates * (2 * sizeof(uint32_t) + 1) +
	    a->nstrings * sizeof(uint32_t);

	if (a->delta != NULL)
		return n + a->nstates * a->ncls * sizeof(uint32_t);
	return n + a->ncls * sizeof(uint32_t) +
	    (2 * a->nstates + 1) * sizeof(uint32_t) +
	    a->estart[a->nstates] * (1 + sizeof(uint32_t));
}

static uint32_t
trie_child(const struct trie *t, uint32_t s, uint8_t c)
{
	uint32_t e;

	for (e = t->first[s]; e != NONE; e = t->enext[e])
		if (t->elabel[e] == c)
			return t->etarget[e];
	return NONE;
}

static void
insert(struct ac *a, struct trie *t, uint32_t i, const char *text,
    size_t len)
{
	uint32_t s = 0, n, e;
	uint8_t c;
	size_t b;

	for (b = 0; b < len; b++) {
		c = a->cls[(unsigned char)text[b]];
		if ((n = trie_child(t, s, c)) == NONE) {
			n = (uint32_t)a->nstates++;
			e = (uint32_t)t->nedges++;
			t->elabel[e] = c;
			t->etarget[e] = n;
			t->enext[e] = t->first[s];
			t->first[s] = e;
		}
		s = n;
	}
	/* Strings in a state in the order given: append. */
	if (a->out[s] == NONE)
		a->out[s] = i;
	else {
		uint32_t x = a->out[s];

		while (a->snext[x] != NONE)
			x = a->snext[x];
		a->snext[x] = i;
	}
}

/* The goto function with failure links, on the trie (for building). */
static uint32_t
go(const struct trie *t, const uint32_t *fail, uint32_t s, uint8_t c)
{
	uint32_t n;

	for (;;) {
		if ((n = trie_child(t, s, c)) != NONE)
			return n;
		if (s == 0)
			return 0;
		s = fail[s];
	}
}

/* Failure and dictionary links; order: the states breadth first. */
static void
link_failures(struct ac *a, const struct trie *t, uint32_t *fail,
    uint32_t *order)
{
	size_t head = 0, tail = 0;
	uint32_t s, e, n, f;

	fail[0] = 0;
	a->dict[0] = NONE;
	order[tail++] = 0;
	while (head < tail) {
		s = order[head++];
		for (e = t->first[s]; e != NONE; e = t->enext[e]) {
			n = t->etarget[e];
			f = s == 0 ? 0 : go(t, fail, fail[s], t->elabel[e]);
			fail[n] = f;
			a->dict[n] = a->out[f] != NONE ? f : a->dict[f];
			order[tail++] = n;
		}
	}
}

/*
 * Dense: delta[s][c] is the state's own edge, else its failure state's
 * (already final: breadth-first order).  Then each entry is rewritten
 * from a state number to the offset of that state's row, times two,
 * plus one when a string ends there, so that a step is one add and one
 * load, and the test for a string is on the entry already loaded.
 */
static int
densify(struct ac *a, const struct trie *t, const uint32_t *fail,
    const uint32_t *order)
{
	size_t ncls = a->ncls, i, n = a->nstates * ncls;
	uint32_t s, e, c, v;
	bool *set;

	if ((a->delta = calloc(n, sizeof(*a->delta))) == NULL ||
	    (set = calloc(ncls, 1)) == NULL) {
		free(a->delta);
		a->delta = NULL;
		return -1;
	}
	for (i = 0; i < a->nstates; i++) {
		s = order[i];
		memset(set, 0, ncls);
		for (e = t->first[s]; e != NONE; e = t->enext[e]) {
			a->delta[s * ncls + t->elabel[e]] = t->etarget[e];
			set[t->elabel[e]] = true;
		}
		if (s == 0)
			continue;
		for (c = 1; c < ncls; c++)
			if (!set[c])
				a->delta[s * ncls + c] =
				    a->delta[fail[s] * ncls + c];
	}
	free(set);
	for (i = 0; i < n; i++) {
		v = a->delta[i];
		a->delta[i] = (uint32_t)(v * ncls * 2) | a->any[v];
	}
	return 0;
}

/* Sparse: each state's edges in one run of the arrays, by class. */
static int
sparsify(struct ac *a, const struct trie *t, uint32_t *fail)
{
	uint32_t s, e, k, *tmp;
	size_t n = 0, i, j;

	a->fail = fail;
	a->root = calloc(a->ncls, sizeof(*a->root));
	a->estart = malloc((a->nstates + 1) * sizeof(*a->estart));
	a->elabel = malloc(t->nedges ? t->nedges : 1);
	a->etarget = malloc((t->nedges ? t->nedges : 1) *
	    sizeof(*a->etarget));
	tmp = malloc((a->ncls + 1) * sizeof(*tmp));
	if (a->root == NULL || a->estart == NULL || a->elabel == NULL ||
	    a->etarget == NULL || tmp == NULL) {
		free(tmp);
		return -1;
	}
	for (e = t->first[0]; e != NONE; e = t->enext[e])
		a->root[t->elabel[e]] = t->etarget[e];
	for (s = 0; s < a->nstates; s++) {
		a->estart[s] = (uint32_t)n;
		for (j = 0, e = t->first[s]; e != NONE; e = t->enext[e])
			tmp[j++] = e;	/* a state has an edge per class */
		/* insertion sort: a state has few edges */
		for (i = 1; i < j; i++)
			for (k = (uint32_t)i; k > 0 &&
			    t->elabel[tmp[k - 1]] > t->elabel[tmp[k]]; k--) {
				uint32_t x = tmp[k];

				tmp[k] = tmp[k - 1];
				tmp[k - 1] = x;
			}
		for (i = 0; i < j; i++, n++) {
			a->elabel[n] = t->elabel[tmp[i]];
			a->etarget[n] = t->etarget[tmp[i]];
		}
	}
	a->estart[a->nstates] = (uint32_t)n;
	free(tmp);
	return 0;
}

struct ac *
ac_build(const char *const *texts, const size_t *lens, size_t n,
    size_t budget)
{
	struct ac *a;
	struct trie t = { NULL, NULL, NULL, NULL, 0 };
	uint32_t *fail = NULL, *order = NULL;
	size_t bytes = 0, max, i, b;
	unsigned char ch;
	int rc = -1;

	if (n >= NONE || (a = calloc(1, sizeof(*a))) == NULL)
		return NULL;
	a->ncls = 1;
	a->nstrings = n;
	for (i = 0; i < n; i++) {
		bytes += lens[i];
		for (b = 0; b < lens[i]; b++) {
			ch = fold((unsigned char)texts[i][b]);
			if (a->cls[ch] == 0)
				a->cls[ch] = (uint8_t)a->ncls++;
		}
	}
	for (ch = 'A'; ch <= 'Z'; ch++)
		a->cls[ch] = a->cls[fold(ch)];
	if (bytes >= NONE / 4)
		goto done;
	max = bytes + 1;
	a->out = malloc(max * sizeof(*a->out));
	a->snext = malloc((n ? n : 1) * sizeof(*a->snext));
	a->dict = malloc(max * sizeof(*a->dict));
	a->any = calloc(max, 1);
	t.first = malloc(max * sizeof(*t.first));
	t.enext = malloc(max * sizeof(*t.enext));
	t.elabel = malloc(max);
	t.etarget = malloc(max * sizeof(*t.etarget));
	fail = malloc(max * sizeof(*fail));
	order = malloc(max * sizeof(*order));
	if (a->out == NULL || a->snext == NULL || a->dict == NULL ||
	    a->any == NULL || t.first == NULL || t.enext == NULL ||
	    t.elabel == NULL || t.etarget == NULL || fail == NULL ||
	    order == NULL)
		goto done;
	for (i = 0; i < max; i++)
		a->out[i] = t.first[i] = NONE;
	for (i = 0; i < n; i++)
		a->snext[i] = NONE;
	a->nstates = 1;
	for (i = 0; i < n; i++)
		if (lens[i] > 0)
			insert(a, &t, (uint32_t)i, texts[i], lens[i]);
	link_failures(a, &t, fail, order);
	for (i = 0; i < a->nstates; i++)
		a->any[i] = a->out[i] != NONE || a->dict[i] != NONE;
	if (budget / sizeof(uint32_t) / a->ncls >= a->nstates &&
	    a->nstates <= UINT32_MAX / 2 / a->ncls)
		rc = densify(a, &t, fail, order);
	else {
		rc = sparsify(a, &t, fail);
		fail = NULL;		/* the automaton's now */
	}
done:
	free(t.first);
	free(t.enext);
	free(t.elabel);
	free(t.etarget);
	free(fail);
	free(order);
	if (rc == -1) {
		ac_free(a);
		return NULL;
	}
	return a;
}

static void
report(const struct ac *a, uint32_t s, size_t end, ac_hit *hit, void *ctx)
{
	uint32_t k;

	for (; s != NONE; s = a->dict[s])
		for (k = a->out[s]; k != NONE; k = a->snext[k])
			hit(ctx, k, end);
}

/* The sparse step from s on class c. */
static uint32_t
step(const struct ac *a, uint32_t s, uint8_t c)
{
	uint32_t lo, hi, mid;

	while (s != 0) {
		lo = a->estart[s];
		hi = a->estart[s + 1];
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (a->elabel[mid] < c)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < a->estart[s + 1] && a->elabel[lo] == c)
			return a->etarget[lo];
		s = a->fail[s];
	}
	return a->root[c];
}

void
ac_scan(const struct ac *a, const char *text, size_t len, ac_hit *hit,
    void *ctx)
{
	const unsigned char *p = (const unsigned char *)text;
	const uint8_t *cls = a->cls;
	size_t i, ncls = a->ncls;
	uint32_t e = 0, s = 0;

	if (a->delta != NULL) {
		const uint32_t *delta = a->delta;

		for (i = 0; i < len; i++) {
			e = delta[(e >> 1) + cls[p[i]]];
			if ((e & 1) != 0)
				report(a, (e >> 1) / (uint32_t)ncls, i + 1,
				    hit, ctx);
		}
		return;
	}
	for (i = 0; i < len; i++) {
		uint8_t c = cls[p[i]];

		s = c == 0 ? 0 : step(a, s, c);
		if (a->any[s])
			report(a, s, i + 1, hit, ctx);
	}
}
