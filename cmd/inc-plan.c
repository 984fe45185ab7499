/*
 * inc-plan - check a plan file, print the plan in force, write the pages
 * generated from it.  See inc-plan(1).
 *
 *	inc-plan check [-v] [FILE]
 *	inc-plan show [--format text|json]
 *	inc-plan man DIR
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "manpage.h"
#include "match.h"
#include "plan-show.h"
#include "plan.h"

enum { OPT_FORMAT = OPT_PROGRAM, OPT_VERBOSE };

static const struct option longopts[] = {
	INC_COMMON_LONGOPTS,
	{ "format",	required_argument,	NULL, OPT_FORMAT },
	{ "verbose",	no_argument,		NULL, OPT_VERBOSE },
	{ NULL,		0,			NULL, 0 }
};

static const char *const options[] = {
	"check [FILE]\tcheck a plan file (default the plan in force)",
	"-v, --verbose\twith check: a summary of a valid plan",
	"show\tprint the plan in force",
	"--format F\twith show: text or json (default text)",
	"man DIR\twrite the pages generated from the plan into DIR",
	NULL
};

/*
 * The checker's messages carry no "inc-plan: " prefix: they are the
 * program's output, in the form editors jump to (file:line:column).
 */
static int
check(const char *file, const char *opt, bool verbose)
{
	struct plan_errors errs = { NULL, 0, 0 };
	struct inc_plan	*p;
	size_t		 i;

	struct inc_matcher *m;
	bool		 bad = false;

	if (file != NULL && strcmp(file, "-") == 0)
		p = plan_load_stream(stdin, "(stdin)", &errs);
	else
		p = plan_load_in_force(file != NULL ? file : opt, &errs);
	/* A plan that loads: its rules' examples, through the matcher. */
	if (p != NULL) {
		if ((m = matcher_build(p)) == NULL) {
			plan_free(p);
			return inc_nomem();
		}
		bad = matcher_check_examples(m, p, &errs) != 0;
		matcher_free(m);
	}
	/* The messages name the plan's copy of its file name: then free. */
	for (i = 0; i < errs.n; i++)
		plan_error_print(stderr, NULL, &errs.v[i]);
	plan_errors_free(&errs);
	if (p == NULL || bad) {
		plan_free(p);
		return EXIT_TROUBLE;
	}
	if (zone_apply(p) == -1) {	/* $TZ, as every program checks it */
		plan_free(p);
		return EXIT_TROUBLE;
	}
	if (verbose)
		plan_show_summary(stdout, p);
	plan_free(p);
	return inc_finish(EXIT_OK);
}

int
main(int argc, char *argv[])
{
	struct inc_cli	 cli = {
		.usage = "check [-v] [file] | show [--format text|json] | "
		    "man dir",
		.options = options
	};
	const char	*format = NULL, *cmd;
	char		 failed[PATH_MAX];
	enum man_langs	 langs;
	bool		 verbose = false;
	int		 c, status;

	inc_set_prog(argv[0]);
	while ((c = cli_getopt(&cli, argc, argv, "v", longopts)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			format = optarg;
			break;
		case 'v':
		case OPT_VERBOSE:
			verbose = true;
			break;
		default:
			if (!cli_common(&cli, c, optarg))
				return cli_usage(&cli);
		}
	}
	argc -= optind;
	argv += optind;
	if (cli.help || cli.version)
		return cli_setup(&cli);
	if (argc < 1)
		return cli_usage(&cli);
	cmd = argv[0];

	if (strcmp(cmd, "check") == 0) {
		if (argc > 2 || format != NULL)
			return cli_usage(&cli);
		return check(argc == 2 ? argv[1] : NULL, cli.plan_path,
		    verbose);
	}
	if (verbose)
		return cli_usage(&cli);
	if (strcmp(cmd, "show") == 0) {
		if (argc != 1)
			return cli_usage(&cli);
		if (format == NULL)
			format = "text";
		if (strcmp(format, "text") != 0 &&
		    strcmp(format, "json") != 0) {
			inc_warn("--format: %s: not text or json", format);
			return EXIT_TROUBLE;
		}
		if ((status = cli_setup(&cli)) != -1)
			return status;
		if (strcmp(format, "json") == 0)
			plan_show_json(stdout, cli.plan);
		else
			plan_show_text(stdout, cli.plan, cli.lang);
		cli_done(&cli);
		return inc_finish(EXIT_OK);
	}
	if (strcmp(cmd, "man") == 0) {
		if (argc != 2 || format != NULL)
			return cli_usage(&cli);
		if ((status = cli_setup(&cli)) != -1)
			return status;
		/* Both languages unless one was asked for. */
		langs = cli.lang_text == NULL ? MAN_BOTH :
		    cli.lang == LANG_ZH ? MAN_ZH : MAN_EN;
		status = EXIT_OK;
		if (manpage_write_dir(argv[1], cli.plan, langs, failed,
		    sizeof(failed)) == -1) {
			inc_warn_file(failed, "%s", strerror(errno));
			status = EXIT_TROUBLE;
		}
		cli_done(&cli);
		return inc_finish(status);
	}
	inc_warn("%s: unknown subcommand (check, show or man)", cmd);
	return cli_usage(&cli);
}
