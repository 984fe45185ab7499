/*
 * cli.h - the options every program takes (DESIGN section 4):
 * --plan FILE, --now TIME, --lang zh|en, --help, --version.
 *
 * A program puts INC_COMMON_LONGOPTS in its getopt_long table and hands
 * every option it does not know to cli_common(); cli_setup() then loads
 * the plan in force and reads the clock.
 */
#ifndef INC_CLI_H
#define INC_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "plan.h"
#include "timeutil.h"

#define INC_VERSION "0.1"

enum {
	OPT_PLAN = 0x100, OPT_NOW, OPT_LANG, OPT_HELP, OPT_VERSION,
	OPT_PROGRAM = 0x200		/* a program's own long options */
};

#define INC_COMMON_LONGOPTS						\
	{ "plan",	required_argument,	NULL, OPT_PLAN },	\
	{ "now",	required_argument,	NULL, OPT_NOW },	\
	{ "lang",	required_argument,	NULL, OPT_LANG },	\
	{ "help",	no_argument,		NULL, OPT_HELP },	\
	{ "version",	no_argument,		NULL, OPT_VERSION }

struct inc_cli {
	const char	*usage;		/* "[-i] [--raw] [file ...]" */
	const char	*plan_path;
	const char	*now_text;
	const char	*lang_text;
	bool		 help, version;
	/* set by cli_setup: */
	struct inc_plan	*plan;
	struct inc_time	 now;
	enum inc_lang	 lang;
};

/*
 * Take a common option.  Returns 1 if it was one, 0 if not (the caller
 * then reports a usage error with cli_usage).
 */
int	cli_common(struct inc_cli *, int opt, const char *arg);

/* "usage: prog USAGE" on standard error; returns EXIT_TROUBLE. */
int	cli_usage(const struct inc_cli *);

/*
 * After the options: answers --help (usage on standard output) and
 * --version, then reads --now and --lang and loads the plan.  Returns -1
 * when the program should go on, otherwise the exit status to end with.
 */
int	cli_setup(struct inc_cli *);

void	cli_done(struct inc_cli *);

#endif
