/*
 * checklist-show.c - inc-checklist's output: a procedure's steps, the
 * list of procedures and routes, an incident's checklist; see
 * checklist.h.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "checklist.h"
#include "diag.h"
#include "text.h"

/* Labels of the text output; the plan's own words come from the plan. */
enum label {
	L_PROCEDURES, L_ROUTING, L_OTHER, L_STEPS, L_LEFT, L_ALLDONE,
	L_DONE, L_BY, L_NOID, L_DEFAULT
};

static const struct inc_text labels[] = {
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
	return text_in(labels[l], ck->lang);
}

size_t
checklist_columns(void)
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
	/* Narrower, a step would be a column of words; wider, unreadable. */
	if (n < 40)
		n = 40;
	if (n > 1000)
		n = 1000;
	return (size_t)n;
}

/*
 * Plan text, safe on a terminal as record text is: the plan's loader
 * refuses controls (plan-yaml.c), and this does not rely on it.
 */
static void
put(const char *s)
{
	text_put_safe(stdout, s, strlen(s), 0);
}

/*
 * "1. title：text [clause]", wrapped with a hanging indent, after indent
 * cells.
 */
static void
put_step(const struct checklist *ck, const struct inc_step *s,
    size_t indent, bool clause)
{
	const char *title = text_in(s->title, ck->lang);
	const char *text = text_in(s->text, ck->lang);
	char num[16], *line;
	size_t len;

	indent += (size_t)snprintf(num, sizeof(num), "%d. ", s->n);
	fputs(num, stdout);
	len = strlen(title) + strlen(text) + 8;
	if ((line = malloc(len)) == NULL) {
		text_put_wrapped_clause(stdout, text, strlen(text), ck->width,
		    indent, NULL);
		putchar('\n');
		return;
	}
	snprintf(line, len, "%s%s%s", title, *title == '\0' ? "" :
	    ck->lang == LANG_EN ? ": " : "：", text);
	text_put_wrapped_clause(stdout, line, strlen(line), ck->width, indent,
	    clause ? s->clause : NULL);
	putchar('\n');
	free(line);
}

int
checklist_show_procedure(const struct checklist *ck,
    const struct inc_procedure *p)
{
	size_t i;

	put(p->id);
	fputs("  ", stdout);
	put(text_in(p->name, ck->lang));
	if (p->clause != NULL) {
		fputs("  [", stdout);
		put(p->clause);
		putchar(']');
	}
	putchar('\n');
	for (i = 0; i < p->nsteps; i++)
		put_step(ck, &p->steps[i], 0, true);
	return EXIT_OK;
}

static void
put_route_procs(const struct inc_procedure *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			putchar(' ');
		put(v[i]->id);
	}
	putchar('\n');
}

int
checklist_show_list(const struct checklist *ck)
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
		fputs("  ", stdout);
		text_put_padded(stdout, p->id, strlen(p->id), idw);
		printf("  %2zu %s  ", p->nsteps, label(ck, L_STEPS));
		text_put_padded(stdout, key, strlen(key), 10);
		fputs("  ", stdout);
		put(name);
		putchar('\n');
	}
	printf("\n%s\n", label(ck, L_ROUTING));
	for (i = 0; i < plan->nroutes; i++) {
		r = &plan->routes[i];
		snprintf(key, sizeof(key), "%s%s%s", r->category->id,
		    r->subtype ? "/" : "", r->subtype ? r->subtype->id : "");
		fputs("  ", stdout);
		text_put_padded(stdout, key, strlen(key), keyw);
		fputs("  ", stdout);
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

/* One procedure of an incident as a checklist; returns the steps left. */
static size_t
show_progress(const struct checklist *ck, const struct inc_record *r,
    const struct inc_procedure *p)
{
	char tbuf[INC_TIME_LEN];
	size_t i, left;

	left = step_progress(ck->plan, r, p, ck->done_v, ck->at_v);
	fputs("  ", stdout);
	put(p->id);
	fputs(ck->lang == LANG_EN ? " (" : "（", stdout);
	put(text_in(p->name, ck->lang));
	fputs(ck->lang == LANG_EN ? ", " : "，", stdout);
	put(p->clause ? p->clause : "");
	fputs(ck->lang == LANG_EN ? "): " : "）：", stdout);
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

size_t
checklist_show_incident(const struct checklist *ck,
    const struct inc_record *r, int np, bool dflt)
{
	struct inc_item *id, *title;
	size_t left = 0;
	int i;

	id = record_field(r, "id");
	title = record_field(r, "title");
	if (id != NULL)
		text_put_safe(stdout, id->value, id->len, 0);
	else {
		printf("%s ", label(ck, L_NOID));
		inc_put_name(stdout, r->file);
		printf(":%ld", r->line);
	}
	if (title != NULL) {
		fputs("  ", stdout);
		text_put_safe(stdout, title->value, title->len, 0);
	}
	putchar('\n');
	if (dflt)
		printf("  %s\n", label(ck, L_DEFAULT));
	for (i = 0; i < np; i++)
		left += show_progress(ck, r, ck->procs[i]);
	putchar('\n');
	return left;
}
