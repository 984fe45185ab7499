/*
 * inc-escalate - the reporting obligations of the plan (三, 四) checked
 * against a clock: records out with one "due" field per obligation, or
 * with --notices who must be told, how to reach them, by when.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "escalate.h"
#include "lock.h"
#include "loop.h"
#include "roster.h"

static const char *const options[] = {
	"--notices\tone line per notice: who to tell, how, by when",
	"--format F\twith --notices: text or tsv (default text)",
	"--ack OB[=TIME]\tobligation OB done (at TIME, default --now)",
	"--incident ID\t--ack only that incident",
	"--force\t--ack replaces a time a person set",
	"--roster FILE\twho is on duty (else $INC_ROSTER)",
	"-i, --in-place\tedit the record files named, atomically",
	"--wait SECONDS\twith -i: wait so long for the file's lock (default 10)",
	NULL
};

enum {
	OPT_NOTICES = OPT_PROGRAM, OPT_FORMAT, OPT_ACK, OPT_FORCE, OPT_ID,
	OPT_ROSTER, OPT_WAIT
};

static const struct option longopts[] = {
	INC_COMMON_LONGOPTS,
	{ "notices",	no_argument,		NULL, OPT_NOTICES },
	{ "format",	required_argument,	NULL, OPT_FORMAT },
	{ "ack",	required_argument,	NULL, OPT_ACK },
	{ "force",	no_argument,		NULL, OPT_FORCE },
	{ "incident",	required_argument,	NULL, OPT_ID },
	{ "id",		required_argument,	NULL, OPT_ID },	/* the old name */
	{ "roster",	required_argument,	NULL, OPT_ROSTER },
	{ "wait",	required_argument,	NULL, OPT_WAIT },
	{ "in-place",	no_argument,		NULL, 'i' },
	{ NULL,		0,			NULL, 0 }
};

int
main(int argc, char *argv[])
{
	struct inc_cli cli = {
		.usage = "[-i] [--notices [--format text|tsv]] "
		    "[--ack OBLIGATION[=TIME] ...] [--force] [--incident ID]\n"
		    "\t[--roster FILE] [--wait SECONDS] [--now TIME] [--plan FILE] "
		    "[--lang zh|en] [file ...]",
		.options = options
	};
	struct escalate e = { 0 };
	struct inc_loop lp = { 0 };
	struct inc_roster *roster = NULL;
	struct duty_officer duty;
	const char *roster_path = NULL, *format = NULL;
	char **acks;
	size_t nacks = 0, i;
	bool in_place = false, wait_given = false;
	long wait = 0;
	int c, status;

	inc_set_prog(argv[0]);
	if ((acks = calloc((size_t)argc, sizeof(*acks))) == NULL)
		return inc_nomem();
	while ((c = cli_getopt(&cli, argc, argv, "i", longopts)) != -1) {
		switch (c) {
		case 'i':
			in_place = true;
			break;
		case OPT_NOTICES:
			e.notices = true;
			break;
		case OPT_FORMAT:
			format = optarg;
			break;
		case OPT_ACK:
			acks[nacks++] = optarg;
			break;
		case OPT_FORCE:
			e.force = true;
			break;
		case OPT_ID:
			e.id = optarg;
			break;
		case OPT_ROSTER:
			roster_path = optarg;
			break;
		case OPT_WAIT:
			if (lock_wait_parse(optarg, &wait) == -1) {
				free(acks);
				return cli_usage(&cli);
			}
			wait_given = true;
			break;
		default:
			if (cli_common(&cli, c, optarg))
				break;
			free(acks);
			return cli_usage(&cli);
		}
	}
	argc -= optind;
	argv += optind;
	if (format != NULL && strcmp(format, "text") == 0)
		e.format = NOTICE_TEXT;
	else if (format != NULL && strcmp(format, "tsv") == 0)
		e.format = NOTICE_TSV;
	else if (format != NULL) {
		inc_warn("--format: %s: not text or tsv", format);
		free(acks);
		return EXIT_TROUBLE;
	}
	if ((format != NULL && !e.notices) ||
	    (in_place && argc == 0) || (wait_given && !in_place) ||
	    (e.notices && nacks > 0 && !in_place) ||
	    (e.id != NULL && nacks == 0)) {
		if (format != NULL && !e.notices)
			inc_warn("--format goes with --notices");
		else if (in_place && argc == 0)
			inc_warn("-i needs files to edit");
		else if (wait_given && !in_place)
			inc_warn("--wait is for the lock of -i");
		else if (e.id != NULL && nacks == 0)
			inc_warn("--incident selects the incident for --ack");
		else
			inc_warn("--ack with --notices needs -i, or the "
			    "acknowledgement is lost");
		free(acks);
		return cli_usage(&cli);
	}
	if ((status = cli_setup(&cli)) != -1) {
		free(acks);
		return status;
	}

	/* The plan, the clock and who is on duty. */
	e.plan = cli.plan;
	e.now = cli.now;
	e.lang = cli.lang;
	e.write = !e.notices || in_place;	/* due fields written */
	if (escalate_setup(&e, nacks) == -1) {
		status = inc_nomem();
		goto done;
	}
	for (i = 0; i < nacks; i++)
		if (escalate_ack(&e, acks[i]) == -1) {
			status = EXIT_TROUBLE;
			goto done;
		}
	if (roster_load(roster_path, &roster) == -1) {
		status = EXIT_TROUBLE;
		goto done;
	}
	if (roster_on_duty(roster, e.now, &duty) == 0)
		e.duty = &duty;

	/* One loop over the records. */
	inc_buffer_stdout();
	lp.each = escalate_record;
	lp.ctx = &e;
	lp.filter = e.write;
	if (nacks == 0)
		lp.answer = escalate_answer;	/* most records: not parsed */
	lp.in_place = in_place;
	lp.wait = wait;
	lp.nul_fields = e.plan->obligation_fields;
	lp.nnul_fields = e.plan->nobligation_fields;
	status = inc_finish(inc_each_record(argc, argv, &lp));
done:
	escalate_free(&e);
	roster_free(roster);
	free(acks);
	cli_done(&cli);
	return status;
}
