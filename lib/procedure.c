/*
 * procedure.c - routing incidents to the plan's procedures (四) and the
 * step fields that keep their progress; see procedure.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procedure.h"

#define ID_MAX		128	/* longer ids are in no plan */

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Between the ids of a procedure field: blanks, newlines, commas. */
static bool
is_sep(char c)
{
	return is_space(c) || c == ',';
}

/* Add p to out unless there already; keeps the count in *n. */
static void
put_unique(const struct inc_procedure **out, size_t max, size_t *n,
    const struct inc_procedure *p)
{
	size_t i;

	for (i = 0; i < *n && i < max; i++)
		if (out[i] == p)
			return;
	if (*n < max)
		out[*n] = p;
	(*n)++;
}

size_t
procedure_route(const struct inc_plan *plan, const struct inc_category *cat,
    const struct inc_subtype *sub, const struct inc_procedure **out,
    size_t max)
{
	const struct inc_route *r, *best = NULL;
	const struct inc_procedure *const *v;
	size_t i, nv, n = 0;
	int spec, bestspec = 0;

	if (cat != NULL) {
		for (i = 0; i < plan->nroutes; i++) {
			r = &plan->routes[i];
			if (r->category != cat)
				continue;
			if (r->subtype == NULL)
				spec = 1;
			else if (sub != NULL && r->subtype == sub)
				spec = 2;
			else
				continue;
			if (spec > bestspec) {
				best = r;
				bestspec = spec;
			}
		}
	}
	if (best != NULL) {
		v = best->procedures;
		nv = best->nprocedures;
	} else {
		v = plan->fallback;
		nv = plan->nfallback;
	}
	for (i = 0; i < nv; i++)
		put_unique(out, max, &n, v[i]);
	return n;
}

/* The plan's procedure named by len bytes at s, or NULL. */
static const struct inc_procedure *
procedure_n(const struct inc_plan *plan, const char *s, size_t len)
{
	char id[ID_MAX];

	if (len == 0 || len >= sizeof(id))
		return NULL;
	memcpy(id, s, len);
	id[len] = '\0';
	return plan_procedure(plan, id);
}

const struct inc_step *
procedure_step(const struct inc_procedure *p, int n)
{
	size_t i;

	for (i = 0; i < p->nsteps; i++)
		if (p->steps[i].n == n)
			return &p->steps[i];
	return NULL;
}

/* A step number, 1 to 4 digits; -1 if it is not one. */
static int
number_n(const char *s, size_t len)
{
	size_t i;
	int n = 0;

	if (len == 0 || len > 4)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		n = n * 10 + (s[i] - '0');
	}
	return n;
}

int
step_parse_why(const struct inc_plan *plan, const char *value,
    struct step_done *sd, const char **why)
{
	const char *p = value, *dot, *tok, *end;
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	memset(sd, 0, sizeof(*sd));
	for (dot = p; *dot != '\0' && *dot != '.' && !is_space(*dot); dot++)
		continue;
	if (*dot != '.') {
		*why = "not <procedure>.<n> <time> [who]";
		return -1;
	}
	if ((sd->proc = procedure_n(plan, p, dot - p)) == NULL) {
		*why = "no such procedure in the plan";
		return -1;
	}
	for (end = dot + 1; *end != '\0' && !is_space(*end); end++)
		continue;
	if ((sd->n = number_n(dot + 1, end - dot - 1)) == -1) {
		*why = "the step number is not a number";
		return -1;
	}
	if (procedure_step(sd->proc, sd->n) == NULL) {
		*why = "the procedure has no step of that number";
		return -1;
	}
	for (tok = end; is_blank(*tok); tok++)
		continue;
	if (tok == end || *tok == '\0') {
		*why = "no time after the step";
		return -1;
	}
	if (time_lead(tok, strlen(tok), &sd->at, &end) == -1) {
		*why = "not a time (" INC_TIME_EXAMPLE ")";
		return -1;
	}
	if (*end != '\0' && !is_blank(*end)) {
		*why = "not a time (" INC_TIME_EXAMPLE ")";
		return -1;
	}
	while (is_blank(*end))
		end++;
	sd->who = end;
	sd->wholen = strlen(end);
	while (sd->wholen > 0 && is_space(sd->who[sd->wholen - 1]))
		sd->wholen--;
	return 0;
}

int
step_parse(const struct inc_plan *plan, const char *value,
    struct step_done *sd)
{
	return step_parse_why(plan, value, sd, NULL);
}

int
step_ref_parse(const struct inc_plan *plan, const char *item,
    const struct inc_procedure *dflt, const struct inc_procedure **proc,
    int *n, const char **why)
{
	const char *dot = strrchr(item, '.');
	const char *num = item;

	*proc = dflt;
	if (dot != NULL) {
		if ((*proc = procedure_n(plan, item, dot - item)) == NULL) {
			*why = "no such procedure in the plan";
			return -1;
		}
		num = dot + 1;
	}
	if ((*n = number_n(num, strlen(num))) == -1) {
		*why = "not a step number";
		return -1;
	}
	if (*n < 1 || (*proc != NULL && procedure_step(*proc, *n) == NULL)) {
		*why = "the procedure has no step of that number";
		return -1;
	}
	return 0;
}

bool
step_find(const struct inc_plan *plan, const struct inc_record *r,
    const struct inc_procedure *proc, int n, struct step_done *out)
{
	struct inc_item *it;
	struct step_done sd;
	size_t pos = 0;

	while ((it = record_next(r, "step", &pos)) != NULL) {
		if (step_parse(plan, it->value, &sd) == 0 &&
		    sd.proc == proc && sd.n == n) {
			if (out != NULL)
				*out = sd;
			return true;
		}
	}
	return false;
}

size_t
step_progress(const struct inc_plan *plan, const struct inc_record *r,
    const struct inc_procedure *proc, bool *done, struct step_done *at)
{
	struct inc_item *it;
	struct step_done sd;
	size_t k, pos = 0, left = proc->nsteps;

	memset(done, 0, proc->nsteps * sizeof(*done));
	while (left > 0 && (it = record_next(r, "step", &pos)) != NULL) {
		if (step_parse(plan, it->value, &sd) == -1 || sd.proc != proc)
			continue;
		for (k = 0; k < proc->nsteps; k++) {
			if (proc->steps[k].n != sd.n || done[k])
				continue;
			done[k] = true;
			if (at != NULL)
				at[k] = sd;
			left--;
		}
	}
	return left;
}

bool
step_is_done(const struct inc_plan *plan, const struct inc_record *r,
    const struct inc_procedure *proc, int n)
{
	return step_find(plan, r, proc, n, NULL);
}

int
step_add(const struct inc_plan *plan, struct inc_record *r,
    const struct inc_procedure *proc, int n, struct inc_time t,
    const char *who)
{
	char tbuf[INC_TIME_LEN], *v;
	size_t len;

	if (step_is_done(plan, r, proc, n))
		return 0;
	if (who == NULL)
		who = "";
	time_format(tbuf, t);
	len = strlen(proc->id) + strlen(who) + sizeof(tbuf) + 16;
	if ((v = malloc(len)) == NULL)
		return -1;
	snprintf(v, len, "%s.%d %s%s%s", proc->id, n, tbuf,
	    *who ? " " : "", who);
	if (record_add(r, "step", v) == -1) {
		free(v);
		return -1;
	}
	free(v);
	return 1;
}

/*
 * An id from a record, for a message: record text is an attacker's, so
 * only the bytes an id may hold are shown, the rest as '?'.
 */
static void
show_id(char *buf, size_t size, const char *s, size_t len)
{
	size_t i, j = 0;

	for (i = 0; i < len && j + 4 < size; i++) {
		char c = s[i];

		buf[j++] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' ? c : '?';
	}
	if (i < len) {
		memcpy(buf + j, "...", 3);
		j += 3;
	}
	buf[j] = '\0';
}

static void
trouble(struct proc_trouble *why, const struct inc_record *r,
    const struct inc_item *it, const char *fmt, const char *s, size_t len)
{
	char id[64];

	if (why == NULL)
		return;
	show_id(id, sizeof(id), s, len);
	why->line = it != NULL && it->line > 0 ? it->line : r->line;
	snprintf(why->msg, sizeof(why->msg), fmt, id);
}

int
record_route(const struct inc_plan *plan, const struct inc_record *r,
    const struct inc_procedure **out, size_t max, struct proc_trouble *why)
{
	const struct inc_category *cat = NULL;
	const struct inc_subtype *sub = NULL;
	struct inc_item *ci, *si;

	ci = record_field(r, "category");
	si = record_field(r, "subtype");
	if (ci != NULL && ci->len > 0) {
		if ((cat = plan_category(plan, ci->value)) == NULL) {
			trouble(why, r, ci, "category \"%s\" is not in the plan",
			    ci->value, ci->len);
			return -1;
		}
		if (si != NULL && si->len > 0 &&
		    (sub = plan_subtype(cat, si->value)) == NULL) {
			trouble(why, r, si, "subtype \"%s\" is not in the "
			    "plan's category", si->value, si->len);
			return -1;
		}
	}
	return (int)procedure_route(plan, cat, sub, out, max);
}

int
record_procedures(const struct inc_plan *plan, const struct inc_record *r,
    const struct inc_procedure **out, size_t max, bool *from_fields,
    struct proc_trouble *why)
{
	const struct inc_procedure *p;
	struct inc_item *it;
	const char *s, *e;
	size_t pos = 0, n = 0;

	*from_fields = record_field(r, "procedure") != NULL;
	if (!*from_fields)
		return record_route(plan, r, out, max, why);
	while ((it = record_next(r, "procedure", &pos)) != NULL) {
		for (s = it->value; is_sep(*s); s++)
			continue;
		if (*s == '\0') {
			trouble(why, r, it, "empty procedure field%s", "", 0);
			return -1;
		}
		for (; *s != '\0'; s = e) {
			for (e = s; *e != '\0' && !is_sep(*e); e++)
				continue;
			if ((p = procedure_n(plan, s, e - s)) == NULL) {
				trouble(why, r, it, "procedure \"%s\" is not in "
				    "the plan", s, e - s);
				return -1;
			}
			put_unique(out, max, &n, p);
			while (is_sep(*e))
				e++;
		}
	}
	return (int)n;
}

size_t
steps_left(const struct inc_plan *plan, const struct inc_record *r)
{
	const struct inc_procedure **procs;
	struct inc_item *it;
	struct step_done sd;
	size_t i, k, pos = 0, total = 0, left = 0, *base;
	bool fields, *done;
	int np;

	if (plan->nprocedures == 0)
		return 0;
	if ((procs = calloc(plan->nprocedures, sizeof(*procs))) == NULL)
		return 0;
	np = record_procedures(plan, r, procs, plan->nprocedures, &fields,
	    NULL);
	if (np <= 0) {
		free(procs);
		return 0;
	}
	base = calloc(np, sizeof(*base));
	for (i = 0; i < (size_t)np; i++) {
		if (base != NULL)
			base[i] = total;
		total += procs[i]->nsteps;
	}
	/* One pass over the step fields, whatever their number. */
	done = calloc(total + 1, sizeof(*done));
	if (base == NULL || done == NULL) {
		for (i = 0; i < (size_t)np; i++)
			for (k = 0; k < procs[i]->nsteps; k++)
				left += !step_is_done(plan, r, procs[i],
				    procs[i]->steps[k].n);
		goto out;
	}
	while ((it = record_next(r, "step", &pos)) != NULL) {
		if (step_parse(plan, it->value, &sd) == -1)
			continue;
		for (i = 0; i < (size_t)np; i++)
			if (procs[i] == sd.proc)
				break;
		if (i == (size_t)np)
			continue;
		for (k = 0; k < procs[i]->nsteps; k++)
			if (procs[i]->steps[k].n == sd.n)
				done[base[i] + k] = true;
	}
	for (i = 0; i < total; i++)
		left += !done[i];
out:
	free(done);
	free(base);
	free(procs);
	return left;
}
