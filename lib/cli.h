/*
 * cli.h - the options every program takes (DESIGN section 4):
 * --plan FILE, --now TIME, --lang zh|en, --help, --version.
 *
 * A program puts INC_COMMON_LONGOPTS in its getopt_long table, reads its
 * options with cli_getopt() and hands every option it does not know to
 * cli_common(); cli_setup() then loads the plan in force, puts the
 * district's zone in force (zone.h) and reads the clock.
 */
#ifndef INC_CLI_H
#define INC_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "plan.h"
#include "timeutil.h"
#include "zone.h"

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
	/*
	 * --help: one line per option of the program's own, "-i, --in-place
	 * \tedit the files named in place", NULL-terminated; the common
	 * options follow.
	 */
	const char *const *options;
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
 * getopt_long(3) with -h (--help) and -V (--version) added to shortopts
 * and the common options taken (cli_common); returns the next option of
 * the program's own, or -1 at the end.  getopt's own messages would
 * name argv[0] as typed ("bin/inc-report: ..."): they are said here as
 * every message is ("inc-report: unknown option --x"), and then '?' is
 * returned, for the caller's cli_usage().
 */
int	cli_getopt(struct inc_cli *, int argc, char *const argv[],
	    const char *shortopts, const struct option *longopts);

/*
 * Take a common option.  Returns 1 if it was one, 0 if not (the caller
 * then reports a usage error with cli_usage).
 */
int	cli_common(struct inc_cli *, int opt, const char *arg);

/* "usage: prog USAGE" on standard error; returns EXIT_TROUBLE. */
int	cli_usage(const struct inc_cli *);

/*
 * The argument of option opt ("--hold") as a whole number from lo to
 * hi: 0, or -1 after "prog: --hold: x: not a number from lo to hi".
 */
int	cli_number(const char *opt, const char *arg, long lo, long hi,
	    long *out);

/*
 * After the options: answers --help (usage and one line per option on
 * standard output) and --version, then loads the plan, puts the zone in
 * force (zone_apply) and reads --now and --lang.  Returns -1
 * when the program should go on, otherwise the exit status to end with.
 */
int	cli_setup(struct inc_cli *);

void	cli_done(struct inc_cli *);

#endif
