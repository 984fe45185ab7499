/*
 * group.c - alerts folded into incidents (group.h).
 *
 * Open groups are found by key in a hash table and kept on a list in
 * the order of their last alert, the oldest first: the one the cap
 * closes, and the first whose window can have passed.  Windows differ
 * by rule, so a group behind one with a longer window may close a
 * little later than it could; it never takes an alert it should not,
 * as group_add checks the gap itself.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "group.h"

/* An alert of a group below its threshold, kept while in its window. */
struct entry {
	struct inc_time	 detected, received;
	uint64_t	 count;		/* alerts of the same distinct value */
	char		*line;
	size_t		 len;
	char		*value;		/* the distinct field's, or NULL */
	size_t		 vlen;
};

struct group {
	struct group	*hnext;			/* hash chain */
	struct group	*anext;			/* alias chain */
	char		*akey;			/* its alias, or NULL */
	size_t		 akeylen;
	uint64_t	 ahash;
	struct group	*prev, *next;		/* the list, oldest first */
	uint64_t	 hash;
	char		*key;
	size_t		 keylen;
	const char	*rule;
	const struct inc_rule *def;
	long		 window;
	unsigned	 threshold;
	bool		 distinct;
	/* below the threshold: a ring of entries */
	struct entry	*ring;			/* [threshold], or NULL */
	size_t		 front, n;
	/* at or above it: an incident */
	bool		 reached;
	uint64_t	 alerts;
	struct inc_time	 first, last, received;
	char		*head[GROUP_HEAD], *tail;
	size_t		 headlen[GROUP_HEAD], taillen, tailcap;
	size_t		 nhead;
	/* live */
	double		 seen;			/* the last alert, read */
	double		 reached_at, written_at;
	uint64_t	 written;		/* alerts when handed out */
};

struct grouping {
	struct group	**table;
	struct group	**aliases;		/* by key without address */
	char		*kbuf;			/* make_key's */
	size_t		 kcap;
	size_t		 mask;
	struct group	*oldest, *newest;
	size_t		 nopen, max_open;
	long		 window_default;
	int64_t		 latest;		/* the latest alert time */
	bool		 any;
	double		 hold;			/* live: seconds */
	double		 next_due;		/* live: nothing due before;
						 * NEVER: nothing at all */
	bool		 warned;
	group_emit_fn	*emit;
	void		*ctx;
	struct group_stats stats;
};

#define NEVER	1e300

/* Live: something is due at when (group_due looks then). */
static void
due_at(struct grouping *g, double when)
{
	if (when < g->next_due)
		g->next_due = when;
}

struct grouping *
grouping_new(size_t max_open, long window_default, group_emit_fn *emit,
    void *ctx)
{
	struct grouping *g;
	size_t n = 64;

	if ((g = calloc(1, sizeof(*g))) == NULL)
		return NULL;
	if (max_open == 0)
		max_open = 1;
	while (n < max_open && n < ((size_t)1 << 24))
		n <<= 1;
	if ((g->table = calloc(n, sizeof(*g->table))) == NULL ||
	    (g->aliases = calloc(n, sizeof(*g->aliases))) == NULL) {
		free(g->table);
		free(g);
		return NULL;
	}
	g->mask = n - 1;
	g->max_open = max_open;
	g->window_default = window_default > 0 ? window_default : 600;
	g->emit = emit;
	g->ctx = ctx;
	g->next_due = NEVER;
	return g;
}

/* FNV-1a, 64 bits: keys are short and the table is ours. */
static uint64_t
hash_bytes(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037u;

	while (n-- > 0) {
		h ^= (unsigned char)*p++;
		h *= 1099511628211u;
	}
	return h;
}

static char *
copy(const char *s, size_t n)
{
	char *d;

	if ((d = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/*
 * The key: the rule's group or id, then each key field as its length
 * and bytes (an absent field and an empty one alike: there is nothing
 * to tell them apart by).  By default the host and the address.  In a
 * buffer of g's, valid until the next call.
 */
static char *
make_key(struct grouping *g, const struct group_alert *a, bool noaddr,
    size_t *len)
{
	const struct inc_match *m = a->match;
	const struct inc_rule *def = m->def;
	const char *v[RULE_BY_MAX + 1], *name;
	size_t vl[RULE_BY_MAX + 1], nv = 0, i, n;
	char *k, *p;

	if (def == NULL || def->nby == 0) {
		v[nv] = a->host;
		vl[nv++] = a->host != NULL ? a->hostlen : 0;
		v[nv] = noaddr ? NULL : m->address;
		vl[nv++] = !noaddr && m->address != NULL ? m->addresslen : 0;
	} else
		for (i = 0; i < def->nby && i < RULE_BY_MAX; i++) {
			if (strcmp(def->by[i], "host") == 0) {
				v[nv] = a->host;
				vl[nv] = a->hostlen;
			} else if (strcmp(def->by[i], "source") == 0) {
				v[nv] = a->source;
				vl[nv] = a->sourcelen;
			} else {
				v[nv] = m->by[i];
				vl[nv] = m->bylen[i];
			}
			if (v[nv] == NULL)
				vl[nv] = 0;
			nv++;
		}
	name = def != NULL && def->group != NULL ? def->group : m->rule;
	n = strlen(name) + 2;
	for (i = 0; i < nv; i++)
		n += sizeof(size_t) + vl[i];
	/* In the grouping's buffer: most alerts join a group open already. */
	if (n > g->kcap) {
		if ((k = realloc(g->kbuf, n)) == NULL)
			return NULL;
		g->kbuf = k;
		g->kcap = n;
	}
	p = k = g->kbuf;
	/* A group's name and a rule's id apart, though spelt alike. */
	*p++ = def != NULL && def->group != NULL ? 'g' : 'r';
	memcpy(p, name, strlen(name) + 1);
	p += strlen(name) + 1;
	for (i = 0; i < nv; i++) {
		memcpy(p, &vl[i], sizeof(size_t));
		p += sizeof(size_t);
		if (vl[i] > 0)
			memcpy(p, v[i], vl[i]);
		p += vl[i];
	}
	*len = n;
	return k;
}

static void
unlink_list(struct grouping *g, struct group *o)
{
	if (o->prev != NULL)
		o->prev->next = o->next;
	else
		g->oldest = o->next;
	if (o->next != NULL)
		o->next->prev = o->prev;
	else
		g->newest = o->prev;
	o->prev = o->next = NULL;
}

static void
append_list(struct grouping *g, struct group *o)
{
	o->prev = g->newest;
	o->next = NULL;
	if (g->newest != NULL)
		g->newest->next = o;
	else
		g->oldest = o;
	g->newest = o;
}

static void
entry_free(struct entry *e)
{
	free(e->line);
	free(e->value);
	memset(e, 0, sizeof(*e));
}

static struct entry *
ring_at(const struct group *o, size_t i)
{
	return &o->ring[(o->front + i) % o->threshold];
}

/*
 * Aliases.  An alert of the default key whose line names no address
 * (sshd's "input_userauth_request: invalid user x", PAM's "check pass;
 * user unknown") belongs to the attack the lines around it name: it
 * joins the latest open group of its rule (or group of rules) on its
 * host that has an address, found by the key that address left out.
 */
static bool
default_key(const struct inc_match *m)
{
	return m->def == NULL || m->def->nby == 0;
}

static void
alias_drop(struct grouping *g, struct group *o)
{
	struct group **pp;

	if (o->akey == NULL)
		return;
	for (pp = &g->aliases[o->ahash & g->mask]; *pp != NULL;
	    pp = &(*pp)->anext)
		if (*pp == o) {
			*pp = o->anext;
			break;
		}
	free(o->akey);
	o->akey = NULL;
}

static struct group *
alias_find(struct grouping *g, const char *key, size_t len, uint64_t h)
{
	struct group *o;

	for (o = g->aliases[h & g->mask]; o != NULL; o = o->anext)
		if (o->ahash == h && o->akeylen == len &&
		    memcmp(o->akey, key, len) == 0)
			return o;
	return NULL;
}

/* o, of an alert with an address, is now its host's alias. */
static int
alias_set(struct grouping *g, struct group *o, const char *key, size_t len)
{
	uint64_t h = hash_bytes(key, len);
	struct group *p;

	if ((p = alias_find(g, key, len, h)) != NULL)
		alias_drop(g, p);
	if ((o->akey = copy(key, len)) == NULL)
		return -1;
	o->akeylen = len;
	o->ahash = h;
	o->anext = g->aliases[h & g->mask];
	g->aliases[h & g->mask] = o;
	return 0;
}

/* Out of the table and the list, and freed. */
static void
group_free(struct grouping *g, struct group *o)
{
	struct group **pp;
	size_t i;

	for (pp = &g->table[o->hash & g->mask]; *pp != NULL;
	    pp = &(*pp)->hnext)
		if (*pp == o) {
			*pp = o->hnext;
			break;
		}
	unlink_list(g, o);
	alias_drop(g, o);
	g->nopen--;
	if (o->ring != NULL) {
		for (i = 0; i < o->n; i++)
			entry_free(ring_at(o, i));
		free(o->ring);
	}
	for (i = 0; i < o->nhead; i++)
		free(o->head[i]);
	free(o->tail);
	free(o->key);
	free(o);
}

/* The incident of o, to emit. */
static int
hand_out(struct grouping *g, struct group *o, bool early)
{
	struct group_incident inc;
	size_t i;

	memset(&inc, 0, sizeof(inc));
	inc.rule = o->rule;
	inc.def = o->def;
	inc.alerts = o->alerts;
	inc.first = o->first;
	inc.last = o->last;
	inc.received = o->received;
	for (i = 0; i < o->nhead; i++) {
		inc.lines[i] = o->head[i];
		inc.lens[i] = o->headlen[i];
	}
	inc.nlines = o->nhead;
	if (o->tail != NULL) {
		inc.lines[inc.nlines] = o->tail;
		inc.lens[inc.nlines++] = o->taillen;
	}
	inc.update = o->written > 0;
	inc.early = early;
	if (o->written == 0)
		g->stats.incidents++;
	o->written = o->alerts;
	return g->emit(&inc, g->ctx);
}

/*
 * Close o: its incident handed out when it is one and has alerts not
 * yet handed out; the alerts of a group below its threshold counted.
 */
static int
close_group(struct grouping *g, struct group *o, bool early)
{
	int st = 0;
	size_t i;

	if (early)
		g->stats.early++;
	if (o->reached) {
		if (o->alerts > o->written)
			st = hand_out(g, o, early);
	} else
		for (i = 0; i < o->n; i++)
			g->stats.below += ring_at(o, i)->count;
	group_free(g, o);
	return st;
}

/* A line kept by an incident: one of the first, or the last. */
static int
keep_line(struct group *o, char *line, size_t len)
{
	if (o->nhead < GROUP_HEAD) {
		o->head[o->nhead] = line;
		o->headlen[o->nhead++] = len;
	} else {
		free(o->tail);
		o->tail = line;
		o->taillen = len;
		o->tailcap = len + 1;
	}
	return 0;
}

/* The last line of an incident, in the room of the one before. */
static int
last_line(struct group *o, const char *line, size_t len)
{
	char *b;

	if (o->tail == NULL || len + 1 > o->tailcap) {
		if ((b = realloc(o->tail, len + 1)) == NULL)
			return -1;
		o->tail = b;
		o->tailcap = len + 1;
	}
	memcpy(o->tail, line, len);
	o->tail[len] = '\0';
	o->taillen = len;
	return 0;
}

/* The ring reached its threshold: an incident of its entries. */
static void
reach(struct group *o, double seen)
{
	struct entry *e;
	size_t i;

	o->reached = true;
	o->reached_at = seen;
	o->alerts = 0;
	for (i = 0; i < o->n; i++) {
		e = ring_at(o, i);
		if (i == 0) {
			o->first = o->last = e->detected;
			o->received = e->received;
		}
		if (e->detected.t < o->first.t)
			o->first = e->detected;
		if (e->detected.t > o->last.t)
			o->last = e->detected;
		o->alerts += e->count;
		(void)keep_line(o, e->line, e->len);
		e->line = NULL;
		entry_free(e);
	}
	free(o->ring);
	o->ring = NULL;
	o->n = 0;
}

/* Entries whose window has passed at time t: no longer counted. */
static void
ring_expire(struct grouping *g, struct group *o, int64_t t)
{
	struct entry *e;

	while (o->n > 0 && (e = ring_at(o, 0))->detected.t < t - o->window) {
		g->stats.below += e->count;
		entry_free(e);
		o->front = (o->front + 1) % o->threshold;
		o->n--;
	}
}

/* An alert into the ring; value: its distinct value (taken), or NULL. */
static int
ring_add(struct group *o, const struct group_alert *a, char *value,
    size_t vlen)
{
	struct entry *e;
	size_t i;

	if (value != NULL)
		for (i = 0; i < o->n; i++) {
			e = ring_at(o, i);
			if (e->value != NULL && e->vlen == vlen &&
			    memcmp(e->value, value, vlen) == 0) {
				e->count++;
				free(value);
				return 0;
			}
		}
	e = ring_at(o, o->n);
	memset(e, 0, sizeof(*e));
	if ((e->line = copy(a->line, a->len)) == NULL) {
		free(value);
		return -1;
	}
	e->len = a->len;
	e->value = value;
	e->vlen = vlen;
	e->detected = a->detected;
	e->received = a->received;
	e->count = 1;
	o->n++;
	return 0;
}

static struct group *
open_group(struct grouping *g, const struct group_alert *a,
    const char *key, size_t keylen, uint64_t h)
{
	const struct inc_rule *def = a->match->def;
	struct group *o;

	if ((o = calloc(1, sizeof(*o))) == NULL)
		return NULL;
	if ((o->key = copy(key, keylen)) == NULL) {
		free(o);
		return NULL;
	}
	o->keylen = keylen;
	o->hash = h;
	o->rule = a->match->rule;
	o->def = def;
	o->window = def != NULL && def->window > 0 ? def->window :
	    g->window_default;
	o->threshold = def != NULL && def->threshold > 1 ? def->threshold : 1;
	o->distinct = def != NULL && def->distinct != NULL;
	if ((o->ring = calloc(o->threshold, sizeof(*o->ring))) == NULL) {
		free(o->key);
		free(o);
		return NULL;
	}
	o->hnext = g->table[h & g->mask];
	g->table[h & g->mask] = o;
	append_list(g, o);
	g->nopen++;
	return o;
}

/* The cap: the oldest group closed to make room, said once. */
static int
make_room(struct grouping *g)
{
	struct group *o = g->oldest;

	if (!g->warned) {
		inc_warn("%zu groups of alerts open, the cap (--max-open): "
		    "the oldest closed early (its incident written now; below "
		    "its threshold, its alerts dropped)", g->max_open);
		g->warned = true;
	}
	return close_group(g, o, true);
}

int
group_add(struct grouping *g, const struct group_alert *a)
{
	const struct inc_match *m = a->match;
	struct group *o;
	char *key, *line, *value = NULL;
	size_t keylen, vlen;
	uint64_t h;
	int64_t t = a->detected.t;

	if (!g->any || t > g->latest)
		g->latest = t;
	g->any = true;
	g->stats.alerts++;
	/*
	 * What the match points to is copied first: an incident handed
	 * out below may reuse the buffer of the title it points into.
	 */
	if ((key = make_key(g, a, false, &keylen)) == NULL)
		goto nomem;
	/* A distinct field the line did not have: one value, the empty. */
	vlen = m->distinct != NULL ? m->distinctlen : 0;
	if (m->def != NULL && m->def->distinct != NULL &&
	    (value = copy(m->distinct != NULL ? m->distinct : "", vlen)) ==
	    NULL)
		goto nomem;
	h = hash_bytes(key, keylen);
	o = NULL;
	if (default_key(m) && m->addresslen == 0 && a->host != NULL &&
	    (o = alias_find(g, key, keylen, h)) != NULL &&
	    o->reached && t - o->last.t > o->window)
		o = NULL;	/* that attack is over: not this alert's */
	if (o == NULL)
		for (o = g->table[h & g->mask]; o != NULL; o = o->hnext)
			if (o->hash == h && o->keylen == keylen &&
			    memcmp(o->key, key, keylen) == 0)
				break;
	/* A gap longer than the window: that incident is over. */
	if (o != NULL && o->reached && t - o->last.t > o->window) {
		if (close_group(g, o, false) == -1) {
			free(value);
			return -1;
		}
		o = NULL;
	}
	if (o == NULL) {
		if (g->nopen >= g->max_open && make_room(g) == -1) {
			free(value);
			return -1;
		}
		if ((o = open_group(g, a, key, keylen, h)) == NULL) {
			free(value);
			goto nomem;
		}
	} else {
		unlink_list(g, o);
		append_list(g, o);
	}
	if (default_key(m) && m->addresslen > 0 && a->host != NULL &&
	    o->akey == NULL && ((key = make_key(g, a, true, &keylen)) ==
	    NULL || alias_set(g, o, key, keylen) == -1)) {
		free(value);
		goto nomem;
	}
	o->seen = a->seen;
	if (a->seen > 0)	/* live: it closes a window after */
		due_at(g, a->seen + (double)o->window);
	if (o->reached) {
		free(value);
		o->alerts++;
		if (a->seen > 0 && o->written > 0)
			due_at(g, o->written_at + g->hold);
		if (t < o->first.t)
			o->first = a->detected;
		if (t > o->last.t)
			o->last = a->detected;
		if (o->nhead < GROUP_HEAD) {
			if ((line = copy(a->line, a->len)) == NULL)
				goto nomem;
			(void)keep_line(o, line, a->len);
		} else if (last_line(o, a->line, a->len) == -1)
			goto nomem;
		return 0;
	}
	ring_expire(g, o, t);
	if (ring_add(o, a, value, vlen) == -1)
		goto nomem;
	/*
	 * In a group of rules, an alert whose own rule needs fewer (sshd's
	 * "too many authentication failures" is itself the count) makes
	 * the incident at once.
	 */
	if (o->n >= o->threshold ||
	    (m->def != NULL && o->n >= m->def->threshold)) {
		reach(o, a->seen);
		if (a->seen > 0)
			due_at(g, a->seen + g->hold);
	}
	return 0;
nomem:
	(void)inc_nomem();
	return -1;
}

/* Whether o's window has passed at the latest alert time. */
static bool
passed(const struct grouping *g, const struct group *o)
{
	int64_t last;

	if (o->reached)
		last = o->last.t;
	else if (o->n > 0)
		last = ring_at(o, o->n - 1)->detected.t;
	else
		return true;
	return g->latest - last > o->window;
}

int
group_expire(struct grouping *g)
{
	while (g->oldest != NULL && passed(g, g->oldest))
		if (close_group(g, g->oldest, false) == -1)
			return -1;
	return 0;
}

void
grouping_hold(struct grouping *g, double hold)
{
	g->hold = hold;
}

long
group_due(struct grouping *g, double now)
{
	struct group *o, *next;
	double hold = g->hold, due, soonest = NEVER;

	if (g->next_due >= NEVER)
		return -1;
	if (g->next_due > now)
		return (long)((g->next_due - now) * 1000) + 1;
	for (o = g->oldest; o != NULL; o = next) {
		next = o->next;
		if (now - o->seen >= (double)o->window) {
			if (close_group(g, o, false) == -1)
				return -2;
			continue;
		}
		due = o->seen + (double)o->window;
		if (o->reached && o->alerts > o->written) {
			double at = o->written == 0 ? o->reached_at + hold :
			    o->written_at + hold;

			if (at <= now) {
				o->written_at = now;
				if (hand_out(g, o, false) == -1)
					return -2;
			} else if (at < due)
				due = at;
		}
		if (due < soonest)
			soonest = due;
	}
	g->next_due = soonest;
	if (soonest >= NEVER)
		return -1;
	return (long)((soonest - now) * 1000) + 1;
}

int
group_close_all(struct grouping *g)
{
	while (g->oldest != NULL)
		if (close_group(g, g->oldest, false) == -1)
			return -1;
	return 0;
}

const struct group_stats *
group_stats(const struct grouping *g)
{
	return &g->stats;
}

void
grouping_free(struct grouping *g)
{
	if (g == NULL)
		return;
	while (g->oldest != NULL)
		group_free(g, g->oldest);
	free(g->table);
	free(g->aliases);
	free(g->kbuf);
	free(g);
}
