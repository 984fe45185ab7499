/*
 * alert-incident.h - the record of an incident made of alerts
 * (group.h): classified as its first alert is, with the fields DESIGN 5
 * gives such an incident.
 *
 * id is stable: the same first alert line at the same time gives the
 * same id, so input read again (a restarted tail -F) names the
 * incident it made before.  title is the alert's message when there is
 * one alert; with more, what the rule says happened, how many alerts,
 * from which address and on which host.  Then address and rule (as a
 * single alert has them), alerts, last_seen, and a log field for each
 * line the incident kept (its first GROUP_HEAD and its last), in the
 * timeline form of DESIGN 2, "<time> alert: <line>": the line's own
 * time, the word that says inc-classify wrote it, the line whole.
 * Entries a person adds to the timeline are of another form, and an
 * update of the incident (append.h) leaves them alone.
 */
#ifndef INC_ALERT_INCIDENT_H
#define INC_ALERT_INCIDENT_H

#include <stdbool.h>
#include <stddef.h>

#include "classify.h"
#include "group.h"

/*
 * *text (valid until the next call) and *len: the record's lines;
 * returns classify_alert's status, -1 when out of memory (reported).
 */
int	alert_incident(struct inc_classifier *, const struct group_incident *,
	    const char **text, size_t *len);

/*
 * The alert a line was read as (alert_parse) and the rule it matched,
 * as the grouping takes it; seen: group_alert's (0 from a file).
 */
struct inc_alert;
void	alert_to_group(struct group_alert *, const struct inc_alert *,
	    const struct inc_match *, const char *line, size_t len,
	    double seen);

/* Whether a log value is one alert_incident writes: "<time> alert: ". */
bool	alert_incident_log(const char *value);

/* Free what alert_incident kept. */
void	alert_incident_free(void);

#endif
