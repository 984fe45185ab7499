/*
 * zone.h - the district's clock (DESIGN section 7).
 *
 * The plan names the district's time zone (inc-plan(5): timezone); $TZ,
 * when set and not empty, overrides it.  Local times in records, syslog
 * dates and the day of the duty report are read in the zone in force,
 * which the library keeps in $TZ, where localtime(3) and mktime(3) look.
 * glibc takes a zone it cannot find for UTC without a word: a zone is
 * checked here first, so that a typo is an error, never a silent UTC.
 */
#ifndef INC_ZONE_H
#define INC_ZONE_H

#include <stdbool.h>
#include <stddef.h>

struct inc_plan;

/*
 * Is tz a zone glibc will use as written?  The forms of $TZ: a name of
 * the zone database ("Asia/Shanghai", also after a ':'), whose file under
 * $TZDIR or /usr/share/zoneinfo must be a zone file; an absolute path to
 * one ("/usr/share/zoneinfo/UTC", ":/etc/localtime"); or a POSIX rule
 * ("CST-8", "EST5EDT,M3.2.0,M11.1.0", "<+08>-8").  On false, why says
 * what is wrong, for a message.
 */
bool	zone_exists(const char *tz, const char **why);

/*
 * Put the zone in force in $TZ: $TZ when set and not empty, else the
 * plan's timezone, else the system's zone as before.  Returns 0, or -1
 * after a message ("prog: TZ=Asia/Shanghia: no such time zone ...").
 */
int	zone_apply(const struct inc_plan *);

/*
 * The zone in force for people: "Asia/Shanghai" (from $TZ, without a
 * leading ':'), or "" when the system's own zone is used.
 */
const char *zone_name(void);

#endif
