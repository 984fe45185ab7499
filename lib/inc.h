/*
 * inc.h - libinc, the table of contents.
 *
 *	diag.h		messages "prog: file:line: message", exit statuses
 *	record.h	records of inc-record(5): read, change, write
 *	loop.h		the files named or standard input; -i in place
 *	inplace.h	  -i: the file replaced atomically, kept what it was
 *	lock.h		  the flock(2) lock of a record file, --wait
 *	signals.h	  SIGTERM, SIGINT, SIGHUP: stop between records
 *	timeutil.h	RFC 3339 times, local times, durations, the clock
 *	plan.h		the plan of inc-plan(5): load, check, look up
 *	cli.h		--plan, --now, --lang, --help, --version
 *	zone.h		the district's time zone: the plan's, or $TZ
 *	obligation.h	obligations and their states against a clock
 *	procedure.h	procedures, routing, step progress
 *	roster.h	who is on duty
 *	text.h		text for people: CJK width, safe output, wrapping
 *	json.h		JSON writer
 *	csvout.h	CSV writer
 *
 * The work of one program, each included by the program that does it:
 *
 *	classify.h	inc-classify: a record classified and graded
 *	grade.h		  the level from importance, loss and impact
 *	match.h		  the plan's detection rules applied to text
 *	ac.h		  many strings found in one pass (Aho-Corasick)
 *	alert.h		  raw alert lines (--raw)
 *	append.h	  --append FILE: records appended under the lock
 *	append-update.h	  --append FILE: an incident's record updated
 *	notice.h	inc-escalate --notices: who to tell, by when
 *	checklist.h	inc-checklist: procedure fields, --done, --pending
 *	report.h	inc-report: the duty and handling reports
 *	alert-span.h	  and the notices: alerts, last_seen, address, rule
 *	plan-show.h	inc-plan show: the plan printed, text or JSON
 *	manpage.h	inc-plan man: the pages generated from the plan
 */
#ifndef INC_H
#define INC_H

#include "diag.h"
#include "record.h"
#include "loop.h"
#include "timeutil.h"
#include "plan.h"
#include "cli.h"
#include "obligation.h"
#include "status.h"
#include "procedure.h"
#include "roster.h"
#include "text.h"
#include "json.h"
#include "csvout.h"

#endif
