/* cli.c - the options every program takes; see cli.h. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "diag.h"

int
cli_common(struct inc_cli *c, int opt, const char *arg)
{
	switch (opt) {
	case OPT_PLAN:
		c->plan_path = arg;
		return 1;
	case OPT_NOW:
		c->now_text = arg;
		return 1;
	case OPT_LANG:
		c->lang_text = arg;
		return 1;
	case OPT_HELP:
		c->help = true;
		return 1;
	case OPT_VERSION:
		c->version = true;
		return 1;
	}
	return 0;
}

int
cli_usage(const struct inc_cli *c)
{
	fprintf(stderr, "usage: %s %s\n", inc_prog, c->usage);
	return EXIT_TROUBLE;
}

int
cli_setup(struct inc_cli *c)
{
	if (c->help) {
		printf("usage: %s %s\n"
		    "common options: --plan FILE, --now TIME, --lang zh|en, "
		    "--help, --version\nsee %s(1)\n", inc_prog, c->usage,
		    inc_prog);
		return inc_finish(EXIT_OK);
	}
	if (c->version) {
		printf("%s %s\n", inc_prog, INC_VERSION);
		return inc_finish(EXIT_OK);
	}
	if (time_now(c->now_text, &c->now) == -1) {
		inc_warn("--now: not a time: %s (e.g. 2026-11-24T09:15:00+08:00"
		    " or \"2026-11-24 09:15\")", c->now_text);
		return EXIT_TROUBLE;
	}
	if (lang_choose(c->lang_text, &c->lang) == -1) {
		inc_warn("--lang: %s: not zh or en", c->lang_text);
		return EXIT_TROUBLE;
	}
	if ((c->plan = plan_in_force(c->plan_path)) == NULL)
		return EXIT_TROUBLE;
	return -1;
}

void
cli_done(struct inc_cli *c)
{
	plan_free(c->plan);
	c->plan = NULL;
}
