/*
 * roster.h - who is on duty (二(二): the office arranges the duty).
 * A roster is a record file (inc-record(5), ROSTER): records with
 * "date: 2026-11-24" or "weekday: mon" (or "default: yes"), "name:",
 * "phone:".  The most specific entry wins: date, then weekday, then default.
 */
#ifndef INC_ROSTER_H
#define INC_ROSTER_H

#include "timeutil.h"

struct inc_roster;

struct duty_officer {
	const char	*name;
	const char	*phone;
};

/* --roster FILE, else $INC_ROSTER, else none (NULL, no error). */
int		 roster_load(const char *opt, struct inc_roster **);
/* Who is on duty at t (in $TZ); 0, or -1 when nobody is listed. */
int		 roster_on_duty(const struct inc_roster *, struct inc_time t,
		    struct duty_officer *);
void		 roster_free(struct inc_roster *);

#endif
