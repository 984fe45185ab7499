/*
 * zone.c - the district's clock: the zone in force, and whether a zone
 * exists as glibc would read it (tzset(3)).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "plan.h"
#include "text.h"
#include "zone.h"

#define ZONEINFO	"/usr/share/zoneinfo"

/* Does path name a zone file (it starts with "TZif", tzfile(5))? */
static bool
zone_file(const char *path)
{
	char	 magic[4];
	int	 fd;
	bool	 ok;

	if ((fd = open(path, O_RDONLY | O_NOCTTY)) == -1)
		return false;
	ok = read(fd, magic, 4) == 4 && memcmp(magic, "TZif", 4) == 0;
	close(fd);
	return ok;
}

static bool
is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A zone's abbreviation: 3 or more letters, or <...> of [A-Za-z0-9+-]. */
static const char *
posix_name(const char *s)
{
	const char *p = s;

	if (*p == '<') {
		for (p++; is_alpha(*p) || is_digit(*p) || *p == '+' ||
		    *p == '-'; p++)
			continue;
		return *p == '>' && p - s >= 4 ? p + 1 : NULL;
	}
	while (is_alpha(*p))
		p++;
	return p - s >= 3 ? p : NULL;
}

/* [+-]hh[:mm[:ss]], hours up to max. */
static const char *
posix_offset(const char *s, int max)
{
	int	 i, v;

	if (*s == '+' || *s == '-')
		s++;
	for (i = 0; i < 3; i++) {
		if (i > 0) {
			if (*s != ':')
				return s;
			s++;
		}
		if (!is_digit(*s))
			return NULL;
		v = *s++ - '0';
		if (is_digit(*s))
			v = v * 10 + (*s++ - '0');
		if (v > (i == 0 ? max : 59))
			return NULL;
	}
	return s;
}

static const char *
posix_number(const char *s, int lo, int hi)
{
	int	 v = 0, n = 0;

	while (is_digit(*s) && n < 4) {
		v = v * 10 + (*s++ - '0');
		n++;
	}
	return n > 0 && v >= lo && v <= hi ? s : NULL;
}

/* A rule's date: Jn, n or Mm.w.d, then /time. */
static const char *
posix_date(const char *s)
{
	if (*s == 'J')
		s = posix_number(s + 1, 1, 365);
	else if (*s == 'M') {
		if ((s = posix_number(s + 1, 1, 12)) == NULL || *s++ != '.' ||
		    (s = posix_number(s, 1, 5)) == NULL || *s++ != '.' ||
		    (s = posix_number(s, 0, 6)) == NULL)
			return NULL;
	} else
		s = posix_number(s, 0, 365);
	if (s != NULL && *s == '/')
		s = posix_offset(s + 1, 167);
	return s;
}

/* std offset [dst [offset] [,start,end]], as tzset(3) reads it. */
static bool
posix_rule(const char *s)
{
	if ((s = posix_name(s)) == NULL || (s = posix_offset(s, 24)) == NULL)
		return false;
	if (*s == '\0')
		return true;
	if ((s = posix_name(s)) == NULL)
		return false;
	if (*s != '\0' && *s != ',' && (s = posix_offset(s, 24)) == NULL)
		return false;
	if (*s == '\0')
		return true;
	if (*s++ != ',' || (s = posix_date(s)) == NULL || *s++ != ',' ||
	    (s = posix_date(s)) == NULL)
		return false;
	return *s == '\0';
}

bool
zone_exists(const char *tz, const char **why)
{
	const char *dir;
	char	 path[4096];
	int	 n;

	*why = NULL;
	if (*tz == ':')
		tz++;
	if (*tz == '\0')
		return true;		/* ":" alone: the system's zone */
	if (*tz == '/') {
		if (zone_file(tz))
			return true;
		*why = "not a time zone file (tzfile(5))";
		return false;
	}
	if ((dir = getenv("TZDIR")) == NULL || *dir == '\0')
		dir = ZONEINFO;
	n = snprintf(path, sizeof(path), "%s/%s", dir, tz);
	if (n > 0 && (size_t)n < sizeof(path) && zone_file(path))
		return true;
	if (posix_rule(tz))
		return true;
	*why = "no such time zone (neither a zone of the tz database, "
	    "like Asia/Shanghai, nor a POSIX rule, like CST-8)";
	return false;
}

const char *
zone_name(void)
{
	const char *tz = getenv("TZ");

	if (tz == NULL)
		return "";
	return *tz == ':' ? tz + 1 : tz;
}

int
zone_apply(const struct inc_plan *p)
{
	const char *tz = getenv("TZ"), *why;
	char	 q[160];

	if (tz != NULL && *tz != '\0') {
		if (!zone_exists(tz, &why)) {
			inc_warn("TZ=%s: %s", text_quote(q, sizeof(q), tz),
			    why);
			return -1;
		}
	} else if (p != NULL && p->timezone != NULL) {
		/* inc-plan check said where; a plan is checked on load */
		if (!zone_exists(p->timezone, &why)) {
			inc_warn_file(p->source, "timezone %s: %s",
			    text_quote(q, sizeof(q), p->timezone), why);
			return -1;
		}
		if (setenv("TZ", p->timezone, 1) == -1) {
			inc_nomem();
			return -1;
		}
	} else if (tz != NULL)
		unsetenv("TZ");		/* empty: the system's zone */
	tzset();
	return 0;
}
