/*
 * inc-checklist - the response procedures of the plan (四): look one up,
 * fill the procedure field of incident records, mark steps done, and
 * show what is left for each incident.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "inc.h"

enum {
	OPT_DONE = OPT_PROGRAM, OPT_BY, OPT_PENDING, OPT_FORCE, OPT_INCIDENT,
	OPT_LIST
};

static const struct option longopts[] = {
	{ "done",	required_argument,	NULL, OPT_DONE },
	{ "by",		required_argument,	NULL, OPT_BY },
	{ "pending",	no_argument,		NULL, OPT_PENDING },
	{ "force",	no_argument,		NULL, OPT_FORCE },
	{ "incident",	required_argument,	NULL, OPT_INCIDENT },
	{ "list",	no_argument,		NULL, OPT_LIST },
	{ "in-place",	no_argument,		NULL, 'i' },
	INC_COMMON_LONGOPTS,
	{ NULL,		0,			NULL, 0 }
};

/* One step to mark done; proc NULL: the record's only procedure. */
struct done_ref {
	const struct inc_procedure *proc;
	int		 n;
	const char	*text;		/* as given, for messages */
};

struct checklist {
	const struct inc_plan *plan;
	enum inc_lang	 lang;
	struct inc_time	 now;
	const struct inc_procedure *proc;	/* the PROCEDURE operand */
	struct done_ref	*done;
	size_t		 ndone;
	const char	*by;
	const char	*incident;
	bool		 incident_seen;
	bool		 force;
	size_t		 width;			/* of the output, in cells */
	const struct inc_procedure **procs;	/* room for every procedure */
	const struct inc_procedure **old;
	const char	**ids;
	bool		*done_v;		/* room for the most steps */
	struct step_done *at_v;
	char		**copies;		/* of the --done arguments */
	size_t		 ncopies;
};

/* Labels of the text output; the plan's own words come from the plan. */
enum label {
	L_PROCEDURES, L_ROUTING, L_OTHER, L_STEPS, L_LEFT, L_ALLDONE,
	L_DONE, L_BY, L_NOID, L_DEFAULT
};

static const char *const labels[][2] = {
	[L_PROCEDURES]	= { "处置程序：", "Procedures:" },
	[L_ROUTING]	= { "事件类别对应的处置程序：", "Routing:" },
	[L_OTHER]	= { "（其他）", "(anything else)" },
	[L_STEPS]	= { "步", "steps" },
	[L_LEFT]	= { "尚余 %zu 步，共 %zu 步", "%zu of %zu steps left" },
	[L_ALLDONE]	= { "%zu 步全部完成", "all %zu steps done" },
	[L_DONE]	= { "完成于", "done" },
	[L_BY]		= { "，执行人：", " by " },
	[L_NOID]	= { "（无编号）", "(no id)" },
	[L_DEFAULT]	= { "（尚未分类：预案默认的处置程序）",
			    "(no category yet: the plan's default procedure)" },
};

static const char *
label(const struct checklist *ck, enum label l)
{
	return labels[l][ck->lang == LANG_EN];
}

/* Columns of the terminal on standard output, else $COLUMNS, else 80. */
static size_t
out_width(void)
{
	struct winsize ws;
	const char *s;
	long n;
	char *end;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ,
	    &ws) == 0 && ws.ws_col > 0)
		n = ws.ws_col;
	else if ((s = getenv("COLUMNS")) != NULL && *s != '\0' &&
	    (n = strtol(s, &end, 10)) > 0 && *end == '\0')
		;
	else
		n = 80;
	if (n < 40)
		n = 40;
	if (n > 1000)
		n = 1000;
	return (size_t)n;
}

/*
 * "prog: X: no such procedure in the plan; the procedures are: a b c",
 * and for an operand how to name a file of that name instead.
 */
static int
unknown_procedure(const struct inc_plan *plan, const char *what,
    bool operand)
{
	size_t i;

	fprintf(stderr, "%s: %s: no such procedure in the plan; the "
	    "procedures are:", inc_prog, what);
	for (i = 0; i < plan->nprocedures; i++)
		fprintf(stderr, " %s", plan->procedures[i].id);
	fputc('\n', stderr);
	if (operand)
		fprintf(stderr, "%s: (to read a file named %s, write ./%s)\n",
		    inc_prog, what, what);
	return EXIT_TROUBLE;
}

/*
 * "1. text [clause]", wrapped with a hanging indent, after indent cells.
 * The clause is never cut: it goes on the text's last line when it fits
 * there, else on a line of its own.
 */
static void
put_step(const struct checklist *ck, const struct inc_step *s,
    size_t indent, bool clause)
{
	const char *title = text_in(s->title, ck->lang);
	const char *text = text_in(s->text, ck->lang);
	char num[16], *line, *out = NULL, *last;
	size_t w, col, len, outlen = 0;
	FILE *mem;

	w = (size_t)snprintf(num, sizeof(num), "%d. ", s->n);
	fputs(num, stdout);
	indent += w;
	w = ck->width > indent + 20 ? ck->width - indent : 20;
	len = strlen(title) + strlen(text) + 8;
	if ((line = malloc(len)) == NULL || (mem = open_memstream(&out,
	    &outlen)) == NULL) {
		free(line);
		text_put_wrapped(stdout, text, strlen(text), w, indent);
		putchar('\n');
		return;
	}
	snprintf(line, len, "%s%s%s", title, *title == '\0' ? "" :
	    ck->lang == LANG_EN ? ": " : "：", text);
	text_put_wrapped(mem, line, strlen(line), w, indent);
	fclose(mem);
	fwrite(out, 1, outlen, stdout);
	if (clause && s->clause != NULL) {
		/* The width of the last line, label or indent included. */
		for (last = out + outlen; last > out && last[-1] != '\n';
		    last--)
			continue;
		col = text_width(last, outlen - (last - out)) +
		    (last == out ? indent : 0);
		if (col + 3 + text_width(s->clause, strlen(s->clause)) <=
		    ck->width)
			printf(" [%s]", s->clause);
		else
			printf("\n%*s[%s]", (int)indent, "", s->clause);
	}
	putchar('\n');
	free(out);
	free(line);
}

static int
lookup(const struct checklist *ck, const struct inc_procedure *p)
{
	size_t i;

	printf("%s  %s", p->id, text_in(p->name, ck->lang));
	if (p->clause != NULL)
		printf("  [%s]", p->clause);
	putchar('\n');
	for (i = 0; i < p->nsteps; i++)
		put_step(ck, &p->steps[i], 0, true);
	return EXIT_OK;
}

static void
put_route_procs(const struct inc_procedure *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s%s", i ? " " : "", v[i]->id);
	putchar('\n');
}

static int
list(const struct checklist *ck)
{
	const struct inc_plan *plan = ck->plan;
	const struct inc_procedure *p;
	const struct inc_route *r;
	size_t i, idw = 0, keyw, w;
	const char *name;
	char key[256];

	for (i = 0; i < plan->nprocedures; i++)
		if ((w = strlen(plan->procedures[i].id)) > idw)
			idw = w;
	name = label(ck, L_OTHER);
	keyw = text_width(name, strlen(name));
	for (i = 0; i < plan->nroutes; i++) {
		r = &plan->routes[i];
		w = strlen(r->category->id) +
		    (r->subtype ? 1 + strlen(r->subtype->id) : 0);
		if (w > keyw)
			keyw = w;
	}
	printf("%s\n", label(ck, L_PROCEDURES));
	for (i = 0; i < plan->nprocedures; i++) {
		p = &plan->procedures[i];
		name = text_in(p->name, ck->lang);
		snprintf(key, sizeof(key), "[%s]", p->clause ? p->clause : "");
		printf("  %-*s  %2zu %s  ", (int)idw, p->id, p->nsteps,
		    label(ck, L_STEPS));
		text_put_padded(stdout, key, strlen(key), 10);
		printf("  %s\n", name);
	}
	printf("\n%s\n", label(ck, L_ROUTING));
	for (i = 0; i < plan->nroutes; i++) {
		r = &plan->routes[i];
		snprintf(key, sizeof(key), "%s%s%s", r->category->id,
		    r->subtype ? "/" : "", r->subtype ? r->subtype->id : "");
		printf("  %-*s  ", (int)keyw, key);
		put_route_procs(r->procedures, r->nprocedures);
	}
	if (plan->nfallback > 0) {
		printf("  ");
		name = label(ck, L_OTHER);
		text_put_padded(stdout, name, strlen(name), keyw);
		printf("  ");
		put_route_procs(plan->fallback, plan->nfallback);
	}
	return EXIT_OK;
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
		fprintf(stderr, "%s: %s:%ld: --force: procedure set to",
		    inc_prog, r->file, r->line);
		for (i = 0; i < n; i++)
			fprintf(stderr, " %s", ids[i]);
		fputs(" by the routing\n", stderr);
	}
	if (record_replace_all(r, "procedure", ids, n) == -1) {
		inc_warn_at(r->file, r->line, "out of memory");
		return -1;
	}
	return n;
}

static bool
is_incident(const struct checklist *ck, const struct inc_record *r)
{
	const char *id = record_get(r, "id");

	return ck->incident == NULL || (id != NULL &&
	    strcmp(id, ck->incident) == 0);
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
			fprintf(stderr, "%s: %s:%ld: --done %s: the record has "
			    "%d procedures; name one, e.g. --done %s.%d\n",
			    inc_prog, r->file, r->line, ck->done[i].text, np,
			    ck->procs[0]->id, ck->done[i].n);
			return EXIT_TROUBLE;
		}
		if (p == NULL)
			p = ck->procs[0];
		if (!in_list(ck->procs, np, p)) {
			fprintf(stderr, "%s: %s:%ld: --done %s: %s is not a "
			    "procedure of the record; its procedures:",
			    inc_prog, r->file, r->line, ck->done[i].text,
			    p->id);
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
		    ck->by) == -1) {
			inc_warn_at(r->file, r->line, "out of memory");
			return EXIT_TROUBLE;
		}
	}
	return EXIT_OK;
}

/* The filter: procedure filled, steps marked; a troubled record as read. */
static int
each_filter(struct inc_record *r, void *ctx)
{
	struct checklist *ck = ctx;
	int np;

	if (check_steps(ck, r) != 0)
		return EXIT_TROUBLE;
	if ((np = fill_procedures(ck, r)) == -1)
		return EXIT_TROUBLE;
	if (!is_incident(ck, r))
		return EXIT_OK;
	ck->incident_seen = true;
	return ck->ndone > 0 ? mark_done(ck, r, np) : EXIT_OK;
}

/* One procedure of an incident as a checklist; returns the steps left. */
static size_t
pending_procedure(const struct checklist *ck, const struct inc_record *r,
    const struct inc_procedure *p)
{
	char tbuf[INC_TIME_LEN];
	size_t i, left;

	left = step_progress(ck->plan, r, p, ck->done_v, ck->at_v);
	if (ck->lang == LANG_EN)
		printf("  %s (%s, %s): ", p->id, text_in(p->name, ck->lang),
		    p->clause ? p->clause : "");
	else
		printf("  %s（%s，%s）：", p->id, text_in(p->name, ck->lang),
		    p->clause ? p->clause : "");
	if (left > 0)
		printf(label(ck, L_LEFT), left, p->nsteps);
	else
		printf(label(ck, L_ALLDONE), p->nsteps);
	putchar('\n');
	for (i = 0; i < p->nsteps; i++) {
		fputs(ck->done_v[i] ? "  [x] " : "  [ ] ", stdout);
		put_step(ck, &p->steps[i], 6, false);
		if (!ck->done_v[i])
			continue;
		printf("         %s %s", label(ck, L_DONE),
		    time_format(tbuf, ck->at_v[i].at));
		if (ck->at_v[i].wholen > 0) {
			fputs(label(ck, L_BY), stdout);
			text_put_safe(stdout, ck->at_v[i].who,
			    ck->at_v[i].wholen, 0);
		}
		putchar('\n');
	}
	return left;
}

/* --pending: what is done and what is left, per incident. */
static int
each_pending(struct inc_record *r, void *ctx)
{
	struct checklist *ck = ctx;
	struct proc_trouble why;
	struct inc_item *id, *title;
	size_t left = 0;
	bool fields;
	int i, np, st;

	if (!is_incident(ck, r))
		return EXIT_OK;
	ck->incident_seen = true;
	st = check_steps(ck, r);
	np = record_procedures(ck->plan, r, ck->procs, ck->plan->nprocedures,
	    &fields, &why);
	if (np == -1) {
		inc_warn_at(r->file, why.line, "%s", why.msg);
		return EXIT_TROUBLE;
	}
	if (ck->proc != NULL) {
		if (!in_list(ck->procs, np, ck->proc))
			return st;
		ck->procs[0] = ck->proc;
		np = 1;
	}
	if (ferror(stdout))
		return EXIT_TROUBLE;
	id = record_field(r, "id");
	title = record_field(r, "title");
	if (id != NULL)
		text_put_safe(stdout, id->value, id->len, 0);
	else
		printf("%s %s:%ld", label(ck, L_NOID), r->file, r->line);
	if (title != NULL) {
		fputs("  ", stdout);
		text_put_safe(stdout, title->value, title->len, 0);
	}
	putchar('\n');
	if (!fields && !has_category(r))
		printf("  %s\n", label(ck, L_DEFAULT));
	for (i = 0; i < np; i++)
		left += pending_procedure(ck, r, ck->procs[i]);
	putchar('\n');
	return status_worse(st, left > 0 ? EXIT_FOUND : EXIT_OK);
}

/* The --done items, "3,4" or "network-attack.3", checked against the plan. */
static int
parse_done(struct checklist *ck, char **args, size_t nargs)
{
	const char *why;
	char *copy, *item, *dot;
	size_t i, cap = 0;
	struct done_ref *d;

	for (i = 0; i < nargs; i++)
		for (cap++, copy = args[i]; *copy != '\0'; copy++)
			cap += *copy == ',';
	ck->done = calloc(cap, sizeof(*ck->done));
	ck->copies = calloc(nargs + 1, sizeof(*ck->copies));
	if (ck->done == NULL || ck->copies == NULL) {
		inc_warn("out of memory");
		return -1;
	}
	for (i = 0; i < nargs; i++) {
		/* Kept for the messages about each record. */
		if ((copy = strdup(args[i])) == NULL) {
			inc_warn("out of memory");
			return -1;
		}
		ck->copies[ck->ncopies++] = copy;
		for (item = copy; item != NULL; item = copy) {
			if ((copy = strchr(item, ',')) != NULL)
				*copy++ = '\0';
			d = &ck->done[ck->ndone++];
			d->text = item;
			if ((dot = strrchr(item, '.')) != NULL) {
				*dot = '\0';
				if (plan_procedure(ck->plan, item) == NULL)
					return unknown_procedure(ck->plan,
					    item, false), -1;
				*dot = '.';
			}
			if (step_ref_parse(ck->plan, item, ck->proc, &d->proc,
			    &d->n, &why) == 0)
				continue;
			if (d->proc != NULL && d->n > 0)
				inc_warn("--done %s: %s has %zu steps", item,
				    d->proc->id, d->proc->nsteps);
			else
				inc_warn("--done %s: %s (want N or "
				    "PROCEDURE.N)", item, why);
			return -1;
		}
	}
	return 0;
}

static bool
who_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			return false;
	return true;
}

int
main(int argc, char *argv[])
{
	struct inc_cli cli = {
		.usage = "[PROCEDURE] [--done N[,M...]] [--by WHO] [--pending] "
		    "[--incident ID] [-i] [--force] [file ...]\n"
		    "       inc-checklist --list"
	};
	struct checklist ck;
	struct inc_loop loop = { .filter = true };
	char **dones;
	size_t i, maxsteps = 0, ndones = 0;
	bool pending = false, in_place = false, do_list = false;
	const char *operand = NULL;
	int c, st;

	inc_set_prog(argv[0]);
	memset(&ck, 0, sizeof(ck));
	if ((dones = calloc(argc, sizeof(*dones))) == NULL) {
		inc_warn("out of memory");
		return EXIT_TROUBLE;
	}
	while ((c = getopt_long(argc, argv, "i", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			in_place = true;
			break;
		case OPT_DONE:
			dones[ndones++] = optarg;
			break;
		case OPT_BY:
			ck.by = optarg;
			break;
		case OPT_PENDING:
			pending = true;
			break;
		case OPT_FORCE:
			ck.force = true;
			break;
		case OPT_INCIDENT:
			ck.incident = optarg;
			break;
		case OPT_LIST:
			do_list = true;
			break;
		default:
			if (!cli_common(&cli, c, optarg)) {
				free(dones);
				return cli_usage(&cli);
			}
		}
	}
	argc -= optind;
	argv += optind;
	/* The first operand shaped like an id is a procedure, not a file. */
	/* A procedure is shaped like an id; a file name is not. */
	if (argc > 0 && plan_id_valid(argv[0])) {
		operand = argv[0];
		argc--;
		argv++;
	}
	st = -1;
	if (do_list && (operand != NULL || argc > 0 || ndones > 0 ||
	    ck.by != NULL || pending || in_place || ck.force ||
	    ck.incident != NULL))
		inc_warn("--list takes no other option and no operand");
	else if (ck.by != NULL && ndones == 0)
		inc_warn("--by names who did the steps of --done");
	else if (ck.by != NULL && !who_ok(ck.by))
		inc_warn("--by: an empty name, or one with control characters");
	else if (pending && (ndones > 0 || in_place || ck.force))
		inc_warn("--pending reads records and writes no record: no "
		    "--done, -i or --force");
	else if (in_place && argc == 0)
		inc_warn("-i needs the names of record files");
	else if (operand != NULL && !pending && ndones == 0 &&
	    (argc > 0 || in_place || ck.force || ck.incident != NULL))
		inc_warn("a PROCEDURE with records goes with --done or "
		    "--pending; to read a file named %s, write ./%s",
		    operand, operand);
	else
		st = 0;
	if (st == 0)
		st = cli_setup(&cli);
	else {
		free(dones);
		return cli_usage(&cli);
	}
	if (st != -1) {
		free(dones);
		return st;
	}
	ck.plan = cli.plan;
	ck.lang = cli.lang;
	ck.now = cli.now;
	ck.width = out_width();
	if (operand != NULL &&
	    (ck.proc = plan_procedure(cli.plan, operand)) == NULL) {
		st = unknown_procedure(cli.plan, operand, true);
		goto out;
	}
	if (parse_done(&ck, dones, ndones) == -1) {
		st = EXIT_TROUBLE;
		goto out;
	}
	ck.procs = calloc(cli.plan->nprocedures + 1, sizeof(*ck.procs));
	ck.old = calloc(cli.plan->nprocedures + 1, sizeof(*ck.old));
	ck.ids = calloc(cli.plan->nprocedures + 1, sizeof(*ck.ids));
	for (i = 0; i < cli.plan->nprocedures; i++)
		if (cli.plan->procedures[i].nsteps > maxsteps)
			maxsteps = cli.plan->procedures[i].nsteps;
	ck.done_v = calloc(maxsteps + 1, sizeof(*ck.done_v));
	ck.at_v = calloc(maxsteps + 1, sizeof(*ck.at_v));
	if (ck.procs == NULL || ck.old == NULL || ck.ids == NULL ||
	    ck.done_v == NULL || ck.at_v == NULL) {
		inc_warn("out of memory");
		st = EXIT_TROUBLE;
		goto out;
	}
	if (do_list)
		st = list(&ck);
	else if (ck.proc != NULL && !pending && ndones == 0)
		st = lookup(&ck, ck.proc);
	else {
		loop.ctx = &ck;
		loop.filter = !pending;
		loop.each = pending ? each_pending : each_filter;
		loop.in_place = in_place;
		st = inc_each_record(argc, argv, &loop);
		if (ck.incident != NULL && !ck.incident_seen) {
			inc_warn("--incident %s: no such incident in the "
			    "records", ck.incident);
			st = EXIT_TROUBLE;
		}
	}
	st = inc_finish(st);
out:
	free(ck.procs);
	free(ck.old);
	free(ck.ids);
	free(ck.done_v);
	free(ck.at_v);
	free(ck.done);
	while (ck.ncopies > 0)
		free(ck.copies[--ck.ncopies]);
	free(ck.copies);
	free(dones);
	cli_done(&cli);
	return st;
}
