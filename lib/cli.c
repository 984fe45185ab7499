/* cli.c - the options every program takes; see cli.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "text.h"

/* What the failed option was called, as typed: "--fo" of "--fo=x", "-x". */
static void
bad_option(int c, int argc, char *const argv[], char name[64])
{
	const char *arg = optind >= 1 && optind - 1 < argc ?
	    argv[optind - 1] : "";
	size_t	 n;

	if (strncmp(arg, "--", 2) == 0 &&
	    (optopt == 0 || optopt >= 0x100 || strchr(arg, '=') != NULL ||
	    c == ':')) {
		n = strcspn(arg, "=");
		snprintf(name, 64, "%.*s", (int)(n > 60 ? 60 : n), arg);
	} else if (optopt > 0x20 && optopt < 0x7f)
		snprintf(name, 64, "-%c", optopt);
	else
		snprintf(name, 64, "?");
}

/* How many long options "--na" is the start of. */
static int
prefix_of(const struct option *longopts, const char *name)
{
	size_t	 n;
	int	 k = 0;

	if (strncmp(name, "--", 2) != 0)
		return 0;
	name += 2;
	n = strlen(name);
	for (; longopts->name != NULL; longopts++)
		if (strncmp(longopts->name, name, n) == 0)
			k++;
	return k;
}

int
cli_getopt(struct inc_cli *cli, int argc, char *const argv[],
    const char *shortopts, const struct option *longopts)
{
	char	 opts[64], name[64], q[80];
	int	 c;

	/* ':' first: a missing argument is told from an unknown option */
	snprintf(opts, sizeof(opts), ":hV%s", shortopts);
	opterr = 0;
	for (;;) {
		switch ((c = getopt_long(argc, argv, opts, longopts, NULL))) {
		case 'h':
			c = OPT_HELP;
			break;
		case 'V':
			c = OPT_VERSION;
			break;
		case ':':
			bad_option(c, argc, argv, name);
			inc_warn("%s needs an argument",
			    text_quote(q, sizeof(q), name));
			return '?';
		case '?':
			bad_option(c, argc, argv, name);
			/* a long option of a program's own, or --in-place=x */
			if (optopt >= 0x100 || (optopt != 0 &&
			    strncmp(name, "--", 2) == 0))
				inc_warn("%s takes no argument",
				    text_quote(q, sizeof(q), name));
			else if (prefix_of(longopts, name) > 1)
				inc_warn("%s is ambiguous: say more of the "
				    "option", text_quote(q, sizeof(q), name));
			else
				inc_warn("unknown option %s",
				    text_quote(q, sizeof(q), name));
			return '?';
		}
		if (c == -1 || !cli_common(cli, c, optarg))
			return c;
	}
}

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

static const char *const common_options[] = {
	"--plan FILE\tthe plan in force (else $INC_PLAN, else the embedded one)",
	"--now TIME\tthe clock, like 2026-11-24T09:15:00+08:00 (default now)",
	"--lang zh|en\tlabels for people (default from $LANG)",
	"-h, --help\tthis help",
	"-V, --version\tthe version",
	NULL
};

/* "  -i, --in-place          edit ..." */
static void
help_lines(const char *const *lines)
{
	const char *tab;
	int	 n;

	for (; lines != NULL && *lines != NULL; lines++) {
		if ((tab = strchr(*lines, '\t')) == NULL)
			tab = *lines + strlen(*lines);
		n = (int)(tab - *lines);
		printf("  %.*s%*s%s\n", n, *lines, n < 22 ? 22 - n : 1, "",
		    *tab == '\t' ? tab + 1 : "");
	}
}

static int
help(const struct inc_cli *c)
{
	printf("usage: %s %s\n\noptions:\n", inc_prog, c->usage);
	help_lines(c->options);
	help_lines(common_options);
	printf("\nexit: 0 done, 1 the program's \"found something\" (see %s(1)),"
	    " 2 errors\n" "manual: man %s (before make install: man -l "
	    "man/%s.1)\n", inc_prog, inc_prog, inc_prog);
	return inc_finish(EXIT_OK);
}

int
cli_setup(struct inc_cli *c)
{
	char	 q[80];

	if (c->help)
		return help(c);
	if (c->version) {
		printf("%s %s\n", inc_prog, INC_VERSION);
		return inc_finish(EXIT_OK);
	}
	if (lang_choose(c->lang_text, &c->lang) == -1) {
		inc_warn("--lang: %s: not zh or en",
		    text_quote(q, sizeof(q), c->lang_text));
		return EXIT_TROUBLE;
	}
	if ((c->plan = plan_in_force(c->plan_path)) == NULL)
		return EXIT_TROUBLE;
	/* before --now: a local TIME is read in the district's zone */
	if (zone_apply(c->plan) == -1) {
		cli_done(c);
		return EXIT_TROUBLE;
	}
	if (time_now(c->now_text, &c->now) == -1) {
		inc_warn("--now %s: not a time (%s)",
		    text_quote(q, sizeof(q), c->now_text), INC_TIME_EXAMPLE);
		cli_done(c);
		return EXIT_TROUBLE;
	}
	return -1;
}

void
cli_done(struct inc_cli *c)
{
	plan_free(c->plan);
	c->plan = NULL;
}

int
cli_number(const char *opt, const char *arg, long lo, long hi, long *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || *end != '\0' || errno != 0 || n < lo ||
	    n > hi) {
		inc_warn("%s: %s: not a number from %ld to %ld", opt, arg, lo,
		    hi);
		return -1;
	}
	*out = n;
	return 0;
}
