/*
 * inc-checklist - the response procedures of the plan (四): look one up,
 * fill the procedure field of incident records, mark steps done, and
 * show what is left for each incident.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "inc.h"
#include "lock.h"

enum {
	OPT_DONE = OPT_PROGRAM, OPT_BY, OPT_PENDING, OPT_FORCE, OPT_INCIDENT,
	OPT_LIST, OPT_WAIT
};

static const struct option longopts[] = {
	{ "done",	required_argument,	NULL, OPT_DONE },
	{ "by",		required_argument,	NULL, OPT_BY },
	{ "pending",	no_argument,		NULL, OPT_PENDING },
	{ "force",	no_argument,		NULL, OPT_FORCE },
	{ "incident",	required_argument,	NULL, OPT_INCIDENT },
	{ "list",	no_argument,		NULL, OPT_LIST },
	{ "in-place",	no_argument,		NULL, 'i' },
	{ "wait",	required_argument,	NULL, OPT_WAIT },
	INC_COMMON_LONGOPTS,
	{ NULL,		0,			NULL, 0 }
};

static const char *const options[] = {
	"PROCEDURE\tprint that procedure's steps",
	"--list\tthe procedures of the plan",
	"--done N[,M...]\tsteps done (N or PROCEDURE.N)",
	"--by WHO\twho did them",
	"--pending\tprint the steps left per incident",
	"--incident ID\tonly that incident",
	"--force\treplace a step a person recorded",
	"-i, --in-place\tedit the record files named, atomically",
	"--wait SECONDS\twith -i: wait so long for the file's lock (default 10)",
	NULL
};

/* The options struct checklist does not hold. */
struct opts {
	const char	*operand;	/* PROCEDURE */
	char		**dones;	/* --done, as given */
	size_t		 ndones;
	bool		 pending, in_place, list, wait_given;
	long		 wait;		/* --wait, for lock_open */
};

/* Options that do not go together: false after a message. */
static bool
options_fit(const struct opts *o, const struct checklist *ck, int nfiles)
{
	if (o->list && (o->operand != NULL || nfiles > 0 || o->ndones > 0 ||
	    ck->by != NULL || o->pending || o->in_place || ck->force ||
	    ck->incident != NULL))
		inc_warn("--list takes no other option and no operand");
	else if (ck->by != NULL && o->ndones == 0)
		inc_warn("--by names who did the steps of --done");
	else if (ck->by != NULL && !checklist_by_valid(ck->by))
		inc_warn("--by: an empty name, or one with control characters");
	else if (o->pending && (o->ndones > 0 || o->in_place || ck->force))
		inc_warn("--pending reads records and writes no record: no "
		    "--done, -i or --force");
	else if (o->in_place && nfiles == 0)
		inc_warn("-i needs the names of record files");
	else if (o->wait_given && !o->in_place)
		inc_warn("--wait is for the lock of -i");
	else if (o->operand != NULL && !o->pending && o->ndones == 0 &&
	    (nfiles > 0 || o->in_place || ck->force || ck->incident != NULL))
		inc_warn("a PROCEDURE with records goes with --done or "
		    "--pending; to read a file named %s, write ./%s",
		    o->operand, o->operand);
	else
		return true;
	return false;
}

/* With the plan: a procedure's steps, --list, or the records. */
static int
run(struct checklist *ck, const struct opts *o, int argc, char **argv)
{
	struct inc_loop loop = { 0 };

	if (o->operand != NULL && (ck->proc = checklist_procedure(ck->plan,
	    o->operand, true)) == NULL)
		return EXIT_TROUBLE;
	if (checklist_done_parse(ck, o->dones, o->ndones) == -1)
		return EXIT_TROUBLE;
	if (checklist_init(ck) == -1)
		return inc_nomem();
	if (o->list)
		return inc_finish(checklist_show_list(ck));
	if (ck->proc != NULL && !o->pending && o->ndones == 0)
		return inc_finish(checklist_show_procedure(ck, ck->proc));
	loop.each = o->pending ? checklist_pending : checklist_mark;
	loop.ctx = ck;
	loop.filter = !o->pending;
	loop.in_place = o->in_place;
	loop.wait = o->wait;
	return inc_finish(checklist_finish(ck, inc_each_record(argc, argv,
	    &loop)));
}

int
main(int argc, char *argv[])
{
	struct inc_cli cli = {
		.usage = "[PROCEDURE] [--done N[,M...]] [--by WHO] [--pending] "
		    "[--incident ID] [-i [--wait SECONDS]] [--force] "
		    "[file ...]\n"
		    "       inc-checklist --list",
		.options = options
	};
	struct checklist ck;
	struct opts o;
	int c, st;

	inc_set_prog(argv[0]);
	memset(&ck, 0, sizeof(ck));
	memset(&o, 0, sizeof(o));
	if ((o.dones = calloc(argc, sizeof(*o.dones))) == NULL)
		return inc_nomem();
	while ((c = cli_getopt(&cli, argc, argv, "i", longopts)) != -1) {
		switch (c) {
		case 'i':
			o.in_place = true;
			break;
		case OPT_DONE:
			o.dones[o.ndones++] = optarg;
			break;
		case OPT_BY:
			ck.by = optarg;
			break;
		case OPT_PENDING:
			o.pending = true;
			break;
		case OPT_FORCE:
			ck.force = true;
			break;
		case OPT_INCIDENT:
			ck.incident = optarg;
			break;
		case OPT_LIST:
			o.list = true;
			break;
		case OPT_WAIT:
			if (lock_wait_parse(optarg, &o.wait) == -1) {
				free(o.dones);
				return cli_usage(&cli);
			}
			o.wait_given = true;
			break;
		default:
			if (!cli_common(&cli, c, optarg)) {
				free(o.dones);
				return cli_usage(&cli);
			}
		}
	}
	argc -= optind;
	argv += optind;
	/* A procedure is shaped like an id; a file name is not. */
	if (argc > 0 && plan_id_valid(argv[0])) {
		o.operand = argv[0];
		argc--;
		argv++;
	}
	if (!options_fit(&o, &ck, argc))
		st = cli_usage(&cli);
	else if ((st = cli_setup(&cli)) == -1) {
		ck.plan = cli.plan;
		ck.lang = cli.lang;
		ck.now = cli.now;
		ck.width = checklist_columns();
		st = run(&ck, &o, argc, argv);
	}
	checklist_free(&ck);
	free(o.dones);
	cli_done(&cli);
	return st;
}
