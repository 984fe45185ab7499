/*
 * inc-classify - fill category, subtype, importance, level and
 * level_basis of incident records from the plan; with --raw, make the
 * records from alert lines first: the alerts the plan's rules detect,
 * grouped into incidents.
 */
#include <stdbool.h>
#include <string.h>

#include "classify-raw.h"
#include "group.h"
#include "inc.h"
#include "lock.h"

enum {
	OPT_RAW = OPT_PROGRAM, OPT_FORCE, OPT_APPEND, OPT_WAIT, OPT_ALL,
	OPT_STATS, OPT_HOLD, OPT_MAX_OPEN
};

static const struct option longopts[] = {
	{ "raw",	no_argument,	NULL, OPT_RAW },
	{ "force",	no_argument,	NULL, OPT_FORCE },
	{ "in-place",	no_argument,	NULL, 'i' },
	{ "append",	required_argument, NULL, OPT_APPEND },
	{ "wait",	required_argument, NULL, OPT_WAIT },
	{ "all",	no_argument,	NULL, OPT_ALL },
	{ "stats",	no_argument,	NULL, OPT_STATS },
	{ "hold",	required_argument, NULL, OPT_HOLD },
	{ "max-open",	required_argument, NULL, OPT_MAX_OPEN },
	INC_COMMON_LONGOPTS,
	{ NULL,		0,		NULL, 0 }
};

static const char *const options[] = {
	"--raw\teach input line is an alert; records out",
	"--force\trecompute the fields a person set",
	"-i, --in-place\tedit the record files named, atomically",
	"--append FILE\twith --raw: append each record to FILE, under its lock",
	"--wait SECONDS\tfor the lock of -i or --append (default 10)",
	"--all\twith --raw: every line a record of its own, no grouping",
	"--stats\twith --raw: the count of lines, alerts and incidents",
	"--hold SECONDS\tlive input: write an incident this soon (default 60)",
	"--max-open N\tgroups of alerts open at once (default 10000)",
	NULL
};

static int
each_record(struct inc_record *r, void *ctx)
{
	return classify_record(ctx, r);
}

int
main(int argc, char *argv[])
{
	struct inc_cli cli = {
		.usage = "[-i | --raw [--all | --hold SECONDS] [--append FILE] "
		    "[--stats]]\n\t[--wait SECONDS] [--max-open N] [--force] "
		    "[--plan FILE] [--now TIME]\n\t[file ...]",
		.options = options
	};
	struct inc_classifier cl;
	struct inc_loop loop = { .each = each_record, .filter = true };
	struct inc_matcher *m;
	struct classify_raw_opts ro;
	bool raw = false, force = false, in_place = false, wait_given = false;
	bool all = false, stats = false, grouping_given = false;
	const char *append = NULL;
	long wait = 0, hold = 60, max_open = GROUP_MAX_OPEN;
	int c, st;

	inc_set_prog(argv[0]);
	while ((c = cli_getopt(&cli, argc, argv, "i", longopts)) != -1) {
		switch (c) {
		case 'i':
			in_place = true;
			break;
		case OPT_RAW:
			raw = true;
			break;
		case OPT_FORCE:
			force = true;
			break;
		case OPT_APPEND:
			append = optarg;
			break;
		case OPT_WAIT:
			if (lock_wait_parse(optarg, &wait) == -1)
				return cli_usage(&cli);
			wait_given = true;
			break;
		case OPT_ALL:
			all = true;
			break;
		case OPT_STATS:
			stats = true;
			break;
		case OPT_HOLD:
			if (cli_number("--hold", optarg, 0, 86400, &hold) == -1)
				return cli_usage(&cli);
			grouping_given = true;
			break;
		case OPT_MAX_OPEN:
			if (cli_number("--max-open", optarg, 1, 10000000,
			    &max_open) == -1)
				return cli_usage(&cli);
			grouping_given = true;
			break;
		default:
			if (!cli_common(&cli, c, optarg))
				return cli_usage(&cli);
		}
	}
	argc -= optind;
	argv += optind;
	if ((st = cli_setup(&cli)) != -1)
		return st;
	if ((in_place && (raw || argc == 0)) || (append != NULL && !raw) ||
	    (wait_given && !in_place && append == NULL) ||
	    ((all || stats || grouping_given) && !raw) ||
	    (all && (grouping_given || stats))) {
		inc_warn(in_place && raw ? "-i edits record files, not alert "
		    "lines" : in_place && argc == 0 ? "-i needs the names of "
		    "record files" : append != NULL && !raw ? "--append "
		    "writes the records --raw makes" : wait_given && !in_place &&
		    append == NULL ? "--wait is for the lock of -i or --append" :
		    !raw ? "--all, --stats, --hold and --max-open are for "
		    "--raw" : "--all writes every line: nothing is grouped");
		st = cli_usage(&cli);
		cli_done(&cli);
		return st;
	}
	if ((m = matcher_build(cli.plan)) == NULL) {
		cli_done(&cli);
		return inc_nomem();
	}
	inc_buffer_stdout();
	memset(&cl, 0, sizeof(cl));
	cl.plan = cli.plan;
	cl.matcher = m;
	cl.force = force;
	cl.now = cli.now;

	if (raw) {
		ro = (struct classify_raw_opts){ .all = all, .stats = stats,
		    .hold = (double)hold, .max_open = (size_t)max_open,
		    .append = append, .wait = wait, .now = cli.now,
		    .now_given = cli.now_text != NULL };
		st = classify_raw(&cl, &ro, argc, argv);
		classifier_free(&cl);
	} else {
		loop.ctx = &cl;
		loop.in_place = in_place;
		loop.wait = wait;
		st = inc_each_record(argc, argv, &loop);
	}
	st = inc_finish(st);
	matcher_free(m);
	cli_done(&cli);
	return st;
}
