/*
 * checklist.c - the record work of inc-checklist: procedure fields
 * filled from the routing, --done steps checked and marked, the records
 * --pending shows; see checklist.h.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "diag.h"

int
checklist_init(struct checklist *ck)
{
	const struct inc_plan *plan = ck->plan;
	size_t i, maxsteps = 0;

	for (i = 0; i < plan->nprocedures; i++)
		if (plan->procedures[i].nsteps > maxsteps)
			maxsteps = plan->procedures[i].nsteps;
	ck->procs = calloc(plan->nprocedures + 1, sizeof(*ck->procs));
	ck->old = calloc(plan->nprocedures + 1, sizeof(*ck->old));
	ck->ids = calloc(plan->nprocedures + 1, sizeof(*ck->ids));
	ck->done_v = calloc(maxsteps + 1, sizeof(*ck->done_v));
	ck->at_v = calloc(maxsteps + 1, sizeof(*ck->at_v));
	if (ck->procs == NULL || ck->old == NULL || ck->ids == NULL ||
	    ck->done_v == NULL || ck->at_v == NULL)
		return -1;
	return 0;
}

void
checklist_free(struct checklist *ck)
{
	free(ck->procs);
	free(ck->old);
	free(ck->ids);
	free(ck->done_v);
	free(ck->at_v);
	free(ck->done);
	while (ck->ncopies > 0)
		free(ck->copies[--ck->ncopies]);
	free(ck->copies);
	ck->procs = ck->old = NULL;
	ck->ids = NULL;
	ck->done_v = NULL;
	ck->at_v = NULL;
	ck->done = NULL;
	ck->ndone = 0;
	ck->copies = NULL;
}

/* "prog: file:line: " of a message the caller goes on writing. */
static void
warn_start(const struct inc_record *r)
{
	fprintf(stderr, "%s: ", inc_prog);
	inc_put_name(stderr, r->file);
	fprintf(stderr, ":%ld: ", r->line);
}

/*
 * "prog: X: no such procedure in the plan; the procedures are: a b c",
 * and for an operand how to name a file of that name instead.
 */
const struct inc_procedure *
checklist_procedure(const struct inc_plan *plan, const char *id,
    bool operand)
{
	const struct inc_procedure *p;
	size_t i;

	if ((p = plan_procedure(plan, id)) != NULL)
		return p;
	fprintf(stderr, "%s: ", inc_prog);
	inc_put_name(stderr, id);
	fputs(": no such procedure in the plan; the procedures are:", stderr);
	for (i = 0; i < plan->nprocedures; i++)
		fprintf(stderr, " %s", plan->procedures[i].id);
	fputc('\n', stderr);
	if (operand) {
		fprintf(stderr, "%s: (to read a file named ", inc_prog);
		inc_put_name(stderr, id);
		fputs(", write ./", stderr);
		inc_put_name(stderr, id);
		fputs(")\n", stderr);
	}
	return NULL;
}

/* One item, "3" or "network-attack.3", into d; 0 or -1 reported. */
static int
done_item(struct checklist *ck, char *item, struct done_ref *d)
{
	const char *why;
	char *dot;

	d->text = item;
	if ((dot = strrchr(item, '.')) != NULL) {
		*dot = '\0';
		if (checklist_procedure(ck->plan, item, false) == NULL)
			return -1;
		*dot = '.';
	}
	if (step_ref_parse(ck->plan, item, ck->proc, &d->proc, &d->n,
	    &why) == 0)
		return 0;
	if (d->proc != NULL && d->n > 0)
		inc_warn("--done %s: %s has %zu steps", item, d->proc->id,
		    d->proc->nsteps);
	else
		inc_warn("--done %s: %s (want N or PROCEDURE.N)", item, why);
	return -1;
}

int
checklist_done_parse(struct checklist *ck, char **args, size_t nargs)
{
	char *copy, *item;
	size_t i, cap = 0;

	for (i = 0; i < nargs; i++)
		for (cap++, copy = args[i]; *copy != '\0'; copy++)
			cap += *copy == ',';
	ck->done = calloc(cap, sizeof(*ck->done));
	ck->copies = calloc(nargs + 1, sizeof(*ck->copies));
	if (ck->done == NULL || ck->copies == NULL) {
		inc_nomem();
		return -1;
	}
	for (i = 0; i < nargs; i++) {
		/* Kept for the messages about each record. */
		if ((copy = strdup(args[i])) == NULL) {
			inc_nomem();
			return -1;
		}
		ck->copies[ck->ncopies++] = copy;
		for (item = copy; item != NULL; item = copy) {
			if ((copy = strchr(item, ',')) != NULL)
				*copy++ = '\0';
			if (done_item(ck, item, &ck->done[ck->ndone++]) == -1)
				return -1;
		}
	}
	return 0;
}

/* It goes into a step field, one line of a record. */
bool
checklist_by_valid(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			return false;
	return true;
}

/*
 * Every step field must parse: a bad one is reported where it stands.
 * Returns 0, or EXIT_TROUBLE.
 */
static int
check_steps(const struct checklist *ck, const struct inc_record *r)
{
	struct inc_item *it;
	struct step_done sd;
	const char *why;
	size_t pos = 0;
	int st = 0;

	while ((it = record_next(r, "step", &pos)) != NULL) {
		if (strlen(it->value) != it->len)
			why = "a NUL byte in the value";
		else if (step_parse_why(ck->plan, it->value, &sd, &why) == 0)
			continue;
		inc_warn_at(r->file, it->line > 0 ? it->line : r->line,
		    "bad step field: %s", why);
		st = EXIT_TROUBLE;
	}
	return st;
}

static bool
in_list(const struct inc_procedure *const *v, int n,
    const struct inc_procedure *p)
{
	int i;

	for (i = 0; i < n; i++)
		if (v[i] == p)
			return true;
	return false;
}

static bool
same_procs(const struct inc_procedure **a, int na,
    const struct inc_procedure **b, int nb)
{
	int i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static bool
has_category(const struct inc_record *r)
{
	const char *c = record_get(r, "category");

	return c != NULL && *c != '\0';
}

/*
 * The record's procedures into ck->procs: kept when a person set them,
 * else (or with --force) routed and written.  A record without category
 * has nothing to route on yet: it gets the plan's default procedures for
 * its checklist, but no procedure field that would outlive its
 * classification.  Returns how many, or -1 (reported).
 */
static int
fill_procedures(struct checklist *ck, struct inc_record *r)
{
	const char **ids = ck->ids;
	struct proc_trouble why;
	bool fields;
	int i, n, nold;

	n = record_procedures(ck->plan, r, ck->procs, ck->plan->nprocedures,
	    &fields, &why);
	if ((fields && !ck->force) || !has_category(r)) {
		if (n == -1)
			inc_warn_at(r->file, why.line, "%s", why.msg);
		return n;
	}
	nold = n > 0 ? n : 0;
	for (i = 0; i < nold; i++)
		ck->old[i] = ck->procs[i];
	if ((n = record_route(ck->plan, r, ck->procs, ck->plan->nprocedures,
	    &why)) == -1) {
		inc_warn_at(r->file, why.line, "%s", why.msg);
		return -1;
	}
	if (n == 0) {
		inc_warn_at(r->file, r->line, "the plan routes this record "
		    "to no procedure");
		return -1;
	}
	for (i = 0; i < n; i++)
		ids[i] = ck->procs[i]->id;
	if (fields && !same_procs(ck->old, nold, ck->procs, n)) {
		warn_start(r);
		fputs("--force: procedure set to", stderr);
		for (i = 0; i < n; i++)
			fprintf(stderr, " %s", ids[i]);
		fputs(" by the routing\n", stderr);
	}
	if (record_replace_all(r, "procedure", ids, n) == -1) {
		inc_nomem_at(r->file, r->line);
		return -1;
	}
	return n;
}

/* --done: every step named must fit the record before any is added. */
static int
mark_done(struct checklist *ck, struct inc_record *r, int np)
{
	const struct inc_procedure *p;
	size_t i;
	int j;

	if (np == 0) {
		inc_warn_at(r->file, r->line, "--done: the plan gives this "
		    "record no procedure");
		return EXIT_TROUBLE;
	}
	for (i = 0; i < ck->ndone; i++) {
		if ((p = ck->done[i].proc) == NULL && np > 1) {
			warn_start(r);
			fprintf(stderr, "--done %s: the record has "
			    "%d procedures; name one, e.g. --done %s.%d\n",
			    ck->done[i].text, np,
			    ck->procs[0]->id, ck->done[i].n);
			return EXIT_TROUBLE;
		}
		if (p == NULL)
			p = ck->procs[0];
		if (!in_list(ck->procs, np, p)) {
			warn_start(r);
			fprintf(stderr, "--done %s: %s is not a "
			    "procedure of the record; its procedures:",
			    ck->done[i].text, p->id);
			for (j = 0; j < np; j++)
				fprintf(stderr, " %s", ck->procs[j]->id);
			fputc('\n', stderr);
			return EXIT_TROUBLE;
		}
		if (procedure_step(p, ck->done[i].n) == NULL) {
			inc_warn_at(r->file, r->line, "--done %s: %s has %zu "
			    "steps", ck->done[i].text, p->id, p->nsteps);
			return EXIT_TROUBLE;
		}
	}
	for (i = 0; i < ck->ndone; i++) {
		p = ck->done[i].proc ? ck->done[i].proc : ck->procs[0];
		if (step_add(ck->plan, r, p, ck->done[i].n, ck->now,
		    ck->by) == -1)
			return inc_nomem_at(r->file, r->line);
	}
	return EXIT_OK;
}

int
checklist_mark(struct inc_record *r, void *ctx)
{
	struct checklist *ck = ctx;
	int np;

	/* Room for a procedure field and every step done, or left whole. */
	if (r->nitems + 1 + ck->ndone * ck->plan->nprocedures >
	    (size_t)INC_MAX_FIELDS) {
		inc_warn_at(r->file, r->line, "too many fields (limit %ld): "
		    "no room for procedure and step fields", INC_MAX_FIELDS);
		return EXIT_TROUBLE;
	}
	if (check_steps(ck, r) != 0)
		return EXIT_TROUBLE;
	if ((np = fill_procedures(ck, r)) == -1)
		return EXIT_TROUBLE;
	if (!record_is_incident(r, ck->incident))
		return EXIT_OK;
	ck->incident_seen = true;
	return ck->ndone > 0 ? mark_done(ck, r, np) : EXIT_OK;
}

int
checklist_pending(struct inc_record *r, void *ctx)
{
	struct checklist *ck = ctx;
	struct proc_trouble why;
	size_t left;
	bool fields;
	int np, st;

	if (!record_is_incident(r, ck->incident))
		return EXIT_OK;
	ck->incident_seen = true;
	st = check_steps(ck, r);
	np = record_procedures(ck->plan, r, ck->procs, ck->plan->nprocedures,
	    &fields, &why);
	if (np == -1) {
		inc_warn_at(r->file, why.line, "%s", why.msg);
		return EXIT_TROUBLE;
	}
	/* PROCEDURE --pending: that one, for the records it applies to. */
	if (ck->proc != NULL) {
		if (!in_list(ck->procs, np, ck->proc))
			return st;
		ck->procs[0] = ck->proc;
		np = 1;
	}
	if (ferror(stdout))
		return EXIT_TROUBLE;
	left = checklist_show_incident(ck, r, np, !fields && !has_category(r));
	return inc_status_worse(st, left > 0 ? EXIT_FOUND : EXIT_OK);
}

int
checklist_finish(const struct checklist *ck, int status)
{
	if (ck->incident != NULL && !ck->incident_seen) {
		inc_warn("--incident %s: no such incident in the records",
		    ck->incident);
		return EXIT_TROUBLE;
	}
	return status;
}
