/*
 * alert-record.c - the fields of a new incident record from an alert
 * line (inc-classify --raw); see alert.h.
 */
#include <stdint.h>

#include "alert.h"
#include "record.h"

int
alert_record(struct inc_record *r, const struct inc_alert *a,
    const char *line, size_t len, uint64_t ordinal)
{
	char id[INC_ID_LEN], when[INC_TIME_LEN];
	const char *title, *src, *host;

	inc_id(id, line, len, ordinal, a->detected);
	/* source: what sent it (the tag), else where from (the host). */
	title = record_strdup(r, a->msg, a->msglen);
	host = a->host != NULL ? record_strdup(r, a->host, a->hostlen) : NULL;
	src = a->tag != NULL ? record_strdup(r, a->tag, a->taglen) : host;
	if (title == NULL || (host == NULL && a->host != NULL) ||
	    (src == NULL && a->tag != NULL) ||
	    record_add(r, "id", id) == -1 ||
	    record_add(r, "detected", time_format(when, a->detected)) == -1 ||
	    (src != NULL && record_add(r, "source", src) == -1) ||
	    (host != NULL && record_add(r, "host", host) == -1) ||
	    record_add(r, "title", title) == -1)
		return -1;
	return 0;
}
