/*
 * match.c - Aho-Corasick over the plan's keywords.
 *
 * Bytes are first mapped to classes: one class for each byte value that
 * occurs in some keyword (an ASCII upper-case letter shares the class of
 * its lower-case one) and class 0 for every other byte.  The automaton
 * is then a dense table, states x classes, with the failure links folded
 * in, so a scan is one table step per byte whatever the text: no
 * backtracking, no allocation.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"

#define NONE	UINT32_MAX

struct keyword {
	const struct inc_subtype *subtype;
	const char	*text;
	size_t		 len;		/* bytes */
	size_t		 chars;
	bool		 word_start;	/* begins with an ASCII letter or digit */
	uint32_t	 next;		/* another keyword ending in the same
					 * state (the same bytes twice) */
};

struct inc_matcher {
	uint8_t		 cls[256];
	size_t		 ncls;
	uint32_t	*delta;		/* [state * ncls + class] */
	uint32_t	*out;		/* [state]: first keyword ending here */
	uint32_t	*dict;		/* [state]: nearest suffix state with
					 * a keyword, or NONE */
	uint8_t		*any;		/* [state]: out or dict set */
	struct keyword	*kw;
	size_t		 nkw, nstates;
};

static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool
ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

static size_t
utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

void
matcher_free(struct inc_matcher *m)
{
	if (m == NULL)
		return;
	free(m->delta);
	free(m->out);
	free(m->dict);
	free(m->any);
	free(m->kw);
	free(m);
}

/* The keywords in plan order, and the byte classes they need. */
static int
collect(struct inc_matcher *m, const struct inc_plan *plan, size_t *bytes)
{
	const struct inc_category *c;
	const struct inc_subtype *st;
	size_t i, j, k, n = 0, b;
	unsigned char ch;

	*bytes = 0;
	for (i = 0; i < plan->ncategories; i++)
		for (j = 0; j < plan->categories[i].nsubtypes; j++)
			n += plan->categories[i].subtypes[j].nkeywords;
	if ((m->kw = calloc(n ? n : 1, sizeof(*m->kw))) == NULL)
		return -1;
	m->ncls = 1;
	for (i = 0; i < plan->ncategories; i++) {
		c = &plan->categories[i];
		for (j = 0; j < c->nsubtypes; j++) {
			st = &c->subtypes[j];
			for (k = 0; k < st->nkeywords; k++) {
				struct keyword *w = &m->kw[m->nkw];

				w->text = st->keywords[k];
				if (w->text == NULL ||
				    (w->len = strlen(w->text)) == 0)
					continue;	/* matches nothing */
				w->subtype = st;
				w->chars = utf8_chars(w->text, w->len);
				w->word_start = ascii_alnum(w->text[0]);
				w->next = NONE;
				for (b = 0; b < w->len; b++) {
					ch = fold(w->text[b]);
					if (m->cls[ch] == 0)
						m->cls[ch] = m->ncls++;
				}
				*bytes += w->len;
				m->nkw++;
			}
		}
	}
	for (ch = 'A'; ch <= 'Z'; ch++)
		m->cls[ch] = m->cls[fold(ch)];
	return 0;
}

/* The trie: delta holds only the forward edges, 0 meaning none yet. */
static void
insert(struct inc_matcher *m, uint32_t k)
{
	const struct keyword *w = &m->kw[k];
	uint32_t s = 0, *t;
	size_t b;

	for (b = 0; b < w->len; b++) {
		t = &m->delta[s * m->ncls + m->cls[(unsigned char)w->text[b]]];
		if (*t == 0)
			*t = (uint32_t)m->nstates++;
		s = *t;
	}
	/* Keep plan order within a state: append. */
	if (m->out[s] == NONE)
		m->out[s] = k;
	else {
		uint32_t x = m->out[s];

		while (m->kw[x].next != NONE)
			x = m->kw[x].next;
		m->kw[x].next = k;
	}
}

/* Failure links by breadth-first order, folded into delta. */
static int
link_failures(struct inc_matcher *m)
{
	uint32_t *queue, *fail, s, t, f;
	size_t head = 0, tail = 0, c;

	queue = calloc(m->nstates, sizeof(*queue));
	fail = calloc(m->nstates, sizeof(*fail));
	if (queue == NULL || fail == NULL) {
		free(queue);
		free(fail);
		return -1;
	}
	for (c = 1; c < m->ncls; c++)
		if ((t = m->delta[c]) != 0) {
			fail[t] = 0;
			m->dict[t] = NONE;
			queue[tail++] = t;
		}
	while (head < tail) {
		s = queue[head++];
		f = fail[s];
		for (c = 1; c < m->ncls; c++) {
			t = m->delta[s * m->ncls + c];
			if (t == 0) {
				m->delta[s * m->ncls + c] =
				    m->delta[f * m->ncls + c];
				continue;
			}
			fail[t] = m->delta[f * m->ncls + c];
			m->dict[t] = m->out[fail[t]] != NONE ? fail[t] :
			    m->dict[fail[t]];
			queue[tail++] = t;
		}
	}
	for (s = 0; s < m->nstates; s++)
		m->any[s] = m->out[s] != NONE || m->dict[s] != NONE;
	free(queue);
	free(fail);
	return 0;
}

/*
 * Scanning is a chain of dependent loads, one per byte of text: each
 * entry of delta is rewritten from a state number to the offset of that
 * state's row, times two, plus one when a keyword ends there (any), so
 * that a step is one add and one load, without a multiply, and the test
 * for a keyword is on the entry already loaded.
 */
static int
premultiply(struct inc_matcher *m)
{
	size_t i, n = m->nstates * m->ncls;
	uint32_t t;

	if (m->nstates > UINT32_MAX / 2 / m->ncls)
		return -1;		/* no plan comes near */
	for (i = 0; i < n; i++) {
		t = m->delta[i];
		m->delta[i] = (uint32_t)(t * m->ncls * 2) | m->any[t];
	}
	return 0;
}

struct inc_matcher *
matcher_build(const struct inc_plan *plan)
{
	struct inc_matcher *m;
	size_t bytes, max, i;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	if (collect(m, plan, &bytes) == -1)
		goto fail;
	max = bytes + 1;
	m->delta = calloc(max * m->ncls, sizeof(*m->delta));
	m->out = malloc(max * sizeof(*m->out));
	m->dict = malloc(max * sizeof(*m->dict));
	m->any = calloc(max, 1);
	if (m->delta == NULL || m->out == NULL || m->dict == NULL ||
	    m->any == NULL)
		goto fail;
	for (i = 0; i < max; i++)
		m->out[i] = m->dict[i] = NONE;
	m->nstates = 1;
	for (i = 0; i < m->nkw; i++)
		insert(m, (uint32_t)i);
	if (link_failures(m) == -1 || premultiply(m) == -1)
		goto fail;
	return m;
fail:
	matcher_free(m);
	return NULL;
}

void
match_clear(struct inc_match *best)
{
	memset(best, 0, sizeof(*best));
}

static void
consider(const struct inc_matcher *m, uint32_t k, const char *text,
    size_t end, const struct inc_category *within, struct inc_match *best)
{
	const struct keyword *w = &m->kw[k];
	size_t start = end - w->len;

	if (within != NULL && w->subtype->category != within)
		return;
	if (best->subtype != NULL && (w->chars < best->chars ||
	    (w->chars == best->chars && k >= best->order)))
		return;
	if (w->word_start && start > 0 &&
	    ascii_alnum((unsigned char)text[start - 1]))
		return;
	best->subtype = w->subtype;
	best->keyword = w->text;
	best->chars = w->chars;
	best->order = k;
}

void
matcher_scan(const struct inc_matcher *m, const char *text, size_t len,
    const struct inc_category *within, struct inc_match *best)
{
	const unsigned char *p = (const unsigned char *)text;
	const uint32_t *delta = m->delta;
	const uint8_t *cls = m->cls;
	size_t ncls = m->ncls, i;
	uint32_t e = 0, t, k;

	for (i = 0; i < len; i++) {
		e = delta[(e >> 1) + cls[p[i]]];	/* see premultiply */
		if ((e & 1) == 0)
			continue;
		for (t = (e >> 1) / (uint32_t)ncls; t != NONE; t = m->dict[t])
			for (k = m->out[t]; k != NONE; k = m->kw[k].next)
				consider(m, k, text, i + 1, within, best);
	}
}
