/*
 * plan-yaml.c - a plan file's YAML into a tree of nodes with their line
 * and column.
 *
 * Built from libyaml's events rather than its document API so that the
 * depth of nesting is bounded before any of it is kept (a file of 100000
 * "[" costs nothing), aliases are refused (a plan has no use for them and
 * they would let a small file expand into a huge tree), and a scalar with
 * a NUL byte is caught here instead of truncating silently later, as is
 * one with a control character its escapes decode to.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "plan-impl.h"
#include "text.h"

struct open_node {
	struct pnode	 *node;
	struct pnode	**kids;		/* malloc'd while the node is open */
	size_t		  n, cap;
};

struct reader {
	const char	*name;
	const char	*buf;
	size_t		 len;
	struct plan_arena *a;
	struct plan_errors *errs;
	struct open_node stack[PLAN_MAX_DEPTH];
	int		 depth;
	struct pnode	*root;
	int		 ndocs;
	bool		 bad;
};

static void
err_mark(struct reader *r, yaml_mark_t m, const char *msg)
{
	plan_error_add(r->errs, r->name, (long)m.line + 1, (long)m.column + 1,
	    "%s", msg);
	r->bad = true;
}

/*
 * A reader error (bad UTF-8, control characters) has a byte offset and
 * no mark: count lines and characters up to it as libyaml would, with
 * CR LF, CR, LF, NEL, LS and PS each one line break.
 */
static void
err_offset(struct reader *r, size_t off, const char *msg)
{
	const unsigned char *b = (const unsigned char *)r->buf;
	long	 line = 1, col = 1;
	size_t	 i;

	if (off > r->len)
		off = r->len;
	for (i = 0; i < off; i++) {
		if ((b[i] == '\r' && (i + 1 >= r->len || b[i + 1] != '\n')) ||
		    b[i] == '\n' ||
		    (b[i] == 0xC2 && i + 1 < off && b[i + 1] == 0x85) ||
		    (b[i] == 0xE2 && i + 2 < off && b[i + 1] == 0x80 &&
		    (b[i + 2] == 0xA8 || b[i + 2] == 0xA9))) {
			line++;
			col = 1;
			/* Skip the rest of a multibyte break. */
			if (b[i] == 0xC2)
				i++;
			else if (b[i] == 0xE2)
				i += 2;
		} else if ((b[i] & 0xC0) != 0x80)
			col++;
	}
	plan_error_add(r->errs, r->name, line, col, "%s", msg);
	r->bad = true;
}

static void
err_parser(struct reader *r, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "YAML error";

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		plan_error_add(r->errs, r->name, 0, 0, "out of memory");
		r->bad = true;
		break;
	case YAML_READER_ERROR:
		err_offset(r, p->problem_offset, problem);
		break;
	default:
		err_mark(r, p->problem_mark, problem);
		break;
	}
}

static struct pnode *
node_new(struct reader *r, enum pnode_type type, yaml_mark_t m)
{
	struct pnode	*n;

	if ((n = pa_alloc(r->a, sizeof(*n))) == NULL)
		return NULL;
	n->type = type;
	n->line = (long)m.line + 1;
	n->column = (long)m.column + 1;
	return n;
}

/* Hang a finished node on the open one, or make it the root. */
static int
attach(struct reader *r, struct pnode *n)
{
	struct open_node *o;
	struct pnode	**v;
	size_t		  cap;

	if (r->depth == 0) {
		r->root = n;
		return 0;
	}
	o = &r->stack[r->depth - 1];
	if (o->n == o->cap) {
		cap = o->cap ? o->cap * 2 : 8;
		if ((v = reallocarray(o->kids, cap, sizeof(*v))) == NULL)
			return -1;
		o->kids = v;
		o->cap = cap;
	}
	o->kids[o->n++] = n;
	return 0;
}

static int
open_node(struct reader *r, enum pnode_type type, yaml_mark_t m)
{
	struct pnode	*n;

	if (r->depth == PLAN_MAX_DEPTH) {
		plan_error_add(r->errs, r->name, (long)m.line + 1,
		    (long)m.column + 1, "nesting deeper than %d levels",
		    PLAN_MAX_DEPTH);
		r->bad = true;
		return -1;
	}
	if ((n = node_new(r, type, m)) == NULL)
		return -1;
	r->stack[r->depth].node = n;
	r->stack[r->depth].kids = NULL;
	r->stack[r->depth].n = r->stack[r->depth].cap = 0;
	r->depth++;
	return 0;
}

static int
close_node(struct reader *r)
{
	struct open_node *o = &r->stack[r->depth - 1];
	struct pnode	*n = o->node;

	if (o->n > 0) {
		if ((n->v = pa_alloc(r->a, o->n * sizeof(*n->v))) == NULL)
			return -1;
		memcpy(n->v, o->kids, o->n * sizeof(*n->v));
	}
	n->n = o->n;
	free(o->kids);
	o->kids = NULL;
	r->depth--;
	return attach(r, n);
}

/*
 * libyaml refuses control bytes in the file, but decodes escapes of a
 * double-quoted scalar after that check: "\e", "\x9b", "\u202e" would
 * reach a terminal through every page and checklist made from the plan.
 * A plan is text for people: C0 controls but tab and newline, DEL, C1
 * controls, the bidirectional overrides and isolates ("Trojan Source")
 * and the line and paragraph separators are refused, where the value
 * begins.  Said once per value.
 */
static bool
unsafe_char(struct reader *r, const yaml_event_t *ev, const char *s,
    size_t len)
{
	char msg[128];
	uint32_t cp;
	size_t i, n;

	for (i = 0; i < len; i += n) {
		n = text_utf8_next(s + i, len - i, &cp);
		if (cp == '\t' || cp == '\n' || cp == TEXT_INVALID)
			continue;	/* (libyaml has checked UTF-8) */
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			snprintf(msg, sizeof(msg), "control character U+%04X "
			    "in value (an escape such as \\e or \\x9b?): a "
			    "plan holds text only", (unsigned)cp);
		else if ((cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
		    cp == 0x2029)
			snprintf(msg, sizeof(msg), "invisible control U+%04X in "
			    "value (it reorders or breaks what a reader sees)",
			    (unsigned)cp);
		else
			continue;
		err_mark(r, ev->start_mark, msg);
		return true;
	}
	return false;
}

static int
scalar(struct reader *r, const yaml_event_t *ev)
{
	struct pnode	*n;
	const char	*s = (const char *)ev->data.scalar.value;
	size_t		 len = ev->data.scalar.length;

	if (memchr(s, '\0', len) != NULL) {
		err_mark(r, ev->start_mark, "NUL byte in value");
		return 0;
	}
	if (unsafe_char(r, ev, s, len))
		return 0;
	/* A plain null is no value: "must not be empty", not the text "~". */
	if (ev->data.scalar.plain_implicit && (strcmp(s, "~") == 0 ||
	    strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	    strcmp(s, "NULL") == 0))
		len = 0;
	if ((n = node_new(r, PN_SCALAR, ev->start_mark)) == NULL ||
	    (n->s = pa_strndup(r->a, s, len)) == NULL)
		return -1;
	return attach(r, n);
}

/* One event: 1 to go on, 0 at the end, -1 to stop. */
static int
event(struct reader *r, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (++r->ndocs > 1) {
			err_mark(r, ev->start_mark,
			    "more than one document in plan");
			return -1;
		}
		return 1;
	case YAML_ALIAS_EVENT:
		/* Keep going: every alias is worth reporting. */
		err_mark(r, ev->start_mark,
		    "aliases are not allowed in a plan");
		return 1;
	case YAML_SCALAR_EVENT:
		return scalar(r, ev) < 0 ? -1 : 1;
	case YAML_SEQUENCE_START_EVENT:
		return open_node(r, PN_SEQ, ev->start_mark) < 0 ? -1 : 1;
	case YAML_MAPPING_START_EVENT:
		return open_node(r, PN_MAP, ev->start_mark) < 0 ? -1 : 1;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_node(r) < 0 ? -1 : 1;
	default:
		return 1;
	}
}

struct pnode *
plan_yaml_read(const char *name, const char *buf, size_t len,
    struct plan_arena *a, struct plan_errors *errs)
{
	struct reader	 r;
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	int		 more = 1;

	memset(&r, 0, sizeof(r));
	r.name = name;
	r.buf = buf;
	r.len = len;
	r.a = a;
	r.errs = errs;
	if (!yaml_parser_initialize(&p)) {
		plan_error_add(errs, name, 0, 0, "out of memory");
		return NULL;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (more > 0) {
		if (!yaml_parser_parse(&p, &ev)) {
			err_parser(&r, &p);
			break;
		}
		more = event(&r, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	while (r.depth > 0)
		free(r.stack[--r.depth].kids);
	if ((more < 0 || pa_failed(a)) && !r.bad) {
		plan_error_add(errs, name, 0, 0, "out of memory");
		r.bad = true;
	}
	if (r.bad)
		return NULL;
	if (r.root == NULL) {
		plan_error_add(errs, name, 1, 1, "empty plan");
		return NULL;
	}
	return r.root;
}
